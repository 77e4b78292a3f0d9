// The rules of a configuration as `aslint rules` prints them: an aligned table, or JSON.
import type { ConfigSeverity } from '../config/config-schema.js';
import { displayWidth, padToWidth } from '../text/terminal.js';
import { isFixable, ruleShortDescription, type RuleInfo } from './rule-docs.js';

type ListedRule = RuleInfo & { configured?: ConfigSeverity };

/** The rules as an aligned table: id, kind, severity, fixable, description. */
export function rulesTable(rules: readonly ListedRule[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => [r.id, r.kind.name, r.configured ?? r.severity, isFixable(r) ? 'fix' : '', ruleShortDescription(r)]);
  const head = ['rule', 'kind', 'severity', '', 'description'];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : padToWidth(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line), '', `${rules.length} rule${rules.length === 1 ? '' : 's'}`].join('\n') + '\n';
}

/** The rules as JSON: id, kind, severity, fixable, description. */
export function rulesJson(rules: readonly ListedRule[]): string {
  const list = rules.map((r) => ({
    id: r.id,
    kind: r.kind.name,
    severity: r.configured ?? r.severity,
    fixable: isFixable(r),
    description: ruleShortDescription(r),
  }));
  return JSON.stringify(list, null, 2) + '\n';
}

/** The note under the table on regexes that run on every utterance (empty when there are none). */
export function ungatedNote(regexes: readonly { rule: string; regex: RegExp }[]): string {
  const lines = regexes.map((r) => `  ${r.rule}  /${r.regex.source}/`);
  return lines.length === 0
    ? ''
    : `\nRegexes with no required literal (run on every utterance, not only where a literal of theirs occurs):\n${lines.join('\n')}\n`;
}
