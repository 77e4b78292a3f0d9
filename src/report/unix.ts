// ESLint's `unix` format: one `path:line:column: message [Severity/rule-id]` line per finding, as
// compilers print them (Vim's quickfix, Emacs' compilation mode and grep-style tools read it).
import { displayPath, oneLine, problemCount, SEVERITY_WORD } from './paths.js';
import type { Reporter } from '../runner/result.js';

export const unix: Reporter = (result, options) => {
  const out: string[] = [];
  let total = 0;
  for (const file of result.files) {
    const path = oneLine(displayPath(file.path, options.cwd));
    for (const f of file.findings) {
      out.push(`${path}:${f.line}:${f.column}: ${oneLine(f.message)} [${SEVERITY_WORD[f.severity]}/${f.ruleId}]`);
      total++;
    }
  }
  return total === 0 ? '' : `${out.join('\n')}\n\n${problemCount(total)}\n`;
};
