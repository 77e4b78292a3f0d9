// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Severity } from '../core/types.js';
import { displayPath } from './paths.js';
import type { Reporter } from '../runner/result.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message part of a workflow command: %, CR and LF are escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Reporter = (result, options) => {
  const out: string[] = [];
  for (const file of result.files) {
    const path = displayPath(file.path, options.cwd);
    for (const f of file.findings) {
      const props = [
        `file=${escapeProperty(path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`aslint ${f.ruleId}`)}`,
      ].join(',');
      const suggestion = f.suggestions.length > 0 && !f.message.includes(f.suggestions[0]!) ? ` → ${f.suggestions.join(' / ')}` : '';
      out.push(`::${COMMAND[f.severity]} ${props}::${escapeData(f.message + suggestion)}`);
    }
  }
  const { errors, warnings, infos, files } = result.summary;
  out.push(`aslint: ${errors} error(s), ${warnings} warning(s), ${infos} info in ${files} file(s)`);
  return out.join('\n') + '\n';
};
