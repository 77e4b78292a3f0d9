// Checkstyle XML, read by reviewdog, Jenkins' warnings plugin and many code-review tools.
import { xmlAttr } from '../core/markup.js';
import { displayPath } from './paths.js';
import type { Reporter } from '../runner/result.js';

export const checkstyle: Reporter = (result, options) => {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const file of result.files) {
    out.push(`  <file name="${xmlAttr(displayPath(file.path, options.cwd))}">`);
    for (const f of file.findings) {
      out.push(
        `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xmlAttr(`${f.message} (${f.ruleId})`)}" source="aslint.${xmlAttr(f.ruleId)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};
