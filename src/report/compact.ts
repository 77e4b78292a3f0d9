// ESLint's `compact` format: one `path: line L, col C, Severity - message (rule-id)` line per finding.
import { lineReporter, oneLine, SEVERITY_WORD } from './paths.js';

export const compact = lineReporter(
  (path, f) => `${path}: line ${f.line}, col ${f.column}, ${SEVERITY_WORD[f.severity]} - ${oneLine(f.message)} (${f.ruleId})`,
);
