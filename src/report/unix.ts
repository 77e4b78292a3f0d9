// ESLint's `unix` format: one `path:line:column: message [Severity/rule-id]` line per finding, as
// compilers print them (Vim's quickfix, Emacs' compilation mode and grep-style tools read it).
import { lineReporter, oneLine, SEVERITY_WORD } from './paths.js';

export const unix = lineReporter((path, f) => `${path}:${f.line}:${f.column}: ${oneLine(f.message)} [${SEVERITY_WORD[f.severity]}/${f.ruleId}]`);
