// ESLint's `compact` format: one `path: line L, col C, Severity - message (rule-id)` line per finding.
import { displayPath, oneLine, problemCount, SEVERITY_WORD } from './paths.js';
import type { Reporter } from '../runner/result.js';

export const compact: Reporter = (result, options) => {
  const out: string[] = [];
  let total = 0;
  for (const file of result.files) {
    const path = oneLine(displayPath(file.path, options.cwd));
    for (const f of file.findings) {
      out.push(`${path}: line ${f.line}, col ${f.column}, ${SEVERITY_WORD[f.severity]} - ${oneLine(f.message)} (${f.ruleId})`);
      total++;
    }
  }
  return total === 0 ? '' : `${out.join('\n')}\n\n${problemCount(total)}\n`;
};
