// What a rule says about itself: descriptions, help text, examples and its docs page. SARIF,
// `aslint rules`, `aslint explain` and the generated docs/rules/*.md all read it from here, so
// they cannot drift apart.
import { relative, sep } from 'node:path';
import { stringify } from 'yaml';
import { exampleTurnRole, type AnyCheckKind, type CheckKind, type Example, type RuleSpec } from '../checks/kind.js';
import type { Origin } from '../glossary/model.js';
import type { Severity } from '../core/types.js';
import { projectFileUrl } from '../core/package.js';

/** Where the docs pages live; the help URI of a rule is this + `<rule-id>.md`. */
export const DOCS_BASE_URL = projectFileUrl('docs/rules/');

/** What the docs need of a rule: a CompiledRule has it, and so has a loaded, uncompiled rule. */
export interface RuleInfo {
  id: string;
  kind: AnyCheckKind;
  severity: Severity;
  message: string;
  spec: RuleSpec;
  origin: Origin;
}

/** Where built-in rules (the inline-disable checks) say they are defined. */
export const BUILT_IN = '<built-in>';

const directiveKind: CheckKind<null> = {
  name: 'directive',
  summary: 'Checks of the inline disable comments (and `aslint-disable` fields) of canned-reply libraries.',
  properties: null,
  required: [],
  defaultMessage: '',
  compile: () => null,
  check: () => [],
};

const builtIn = (id: string, description: string, bad: string, good: string): RuleInfo => ({
  id,
  kind: directiveKind,
  severity: 'warning',
  message: description,
  spec: { id, kind: 'directive', severity: 'warning', description, examples: { bad: [bad], good: [good] } },
  origin: { file: BUILT_IN, line: 0, column: 0 },
});

/** The rules that check inline disables themselves: always on, configurable like any rule. */
export const DIRECTIVE_RULES: readonly RuleInfo[] = [
  builtIn(
    'aslint/disable-without-reason',
    'An inline disable must say why. A disable without a reason (`-- <why>` after the rule ids, or a `reason` in an `aslint-disable` field) still works, and is reported so that a reviewer can ask.',
    '# aslint-disable-next-line term/price-protection\n- id: shipping-insurance\n  text: 寄回时建议您办理保价。',
    '# aslint-disable-next-line term/price-protection -- 这里说的是快递保价\n- id: shipping-insurance\n  text: 寄回时建议您办理保价。',
  ),
  builtIn(
    'aslint/unused-disable-directive',
    'An inline disable that suppresses nothing (reported with `--report-unused-disable-directives`): the text was fixed or the rule changed, so the disable can go.',
    '# aslint-disable-next-line term/price-protection -- 旧说法\n- id: price\n  text: 本商品支持价保。',
    '- id: price\n  text: 本商品支持价保。',
  ),
];

/** The docs page of a rule, relative to docs/rules/. Rule ids contain `/`, so pages sit in folders. */
export function ruleDocsPath(id: string): string {
  return `${id}.md`;
}

export function ruleDocsUrl(id: string): string {
  return DOCS_BASE_URL + id.split('/').map(encodeURIComponent).join('/') + '.md';
}

/** Whether findings of the rule may carry a safe fix. */
export function isFixable(rule: RuleInfo): boolean {
  return rule.kind.name === 'term' && (rule.spec.term?.misuses ?? []).some((m) => (m.alternatives ?? []).length === 0);
}

const quote = (s: string) => `“${s}”`;

/** The message template with its placeholders shown as `…`, for a description. */
function plainMessage(template: string): string {
  return template.replace(/“\{text\}”|\{text\}/g, '…').replace(/\{(\w+)\}/g, '…');
}

/** One line: what the rule asks for. */
export function ruleShortDescription(rule: RuleInfo): string {
  const t = rule.spec.term;
  if (rule.kind.name === 'term' && t) {
    return `Write ${quote(t['zh-Hans'])} (${t.en}), not ${t.misuses.map((m) => quote(m.text)).join(', ')}.`;
  }
  if (rule.kind.name === 'register' && t?.plain) {
    return `${quote(t['zh-Hans'])} is internal jargon: tell a customer ${quote(t.plain['zh-Hans'])}.`;
  }
  const description = rule.spec.description?.trim();
  if (description) return firstSentence(description);
  return plainMessage(rule.message);
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0]!.trim();
  const m = /^(.+?[.。！!？?])(\s|$)/u.exec(line);
  return m ? m[1]! : line;
}

/** A paragraph or more: what the rule finds and why. */
export function ruleFullDescription(rule: RuleInfo): string {
  const t = rule.spec.term;
  if (rule.kind.name === 'term' && t) {
    const lines = [
      `The glossary term ${quote(t['zh-Hans'])} (${t['zh-Hant']}; ${t.en}) is misused in an agent's turn or a canned reply.`,
      `${t.definition['zh-Hans']} ${t.definition.en}`,
      ...t.misuses.map((m) => {
        const alt = m.alternatives?.length ? ` It may also stand for ${m.alternatives.map(quote).join(', ')}, so it is not fixed automatically.` : '';
        return `${quote(m.text)}: ${m.why}${alt}`;
      }),
    ];
    if (t.source) lines.push(`Source: ${t.source}`);
    return lines.join('\n\n');
  }
  if (rule.kind.name === 'register' && t?.plain) {
    return [
      `${quote(t['zh-Hans'])} (${t['zh-Hant']}; ${t.en}) is formal wording that a customer may not understand. In an agent's turn or a canned reply, say it plainly: ${quote(t.plain['zh-Hans'])}${t.plain.en ? ` (${t.plain.en})` : ''}.`,
      `${t.definition['zh-Hans']} ${t.definition.en}`,
    ].join('\n\n');
  }
  const parts: string[] = [];
  if (rule.spec.description) parts.push(rule.spec.description.trim(), ...(rule.message === rule.spec.description ? [] : [`Message: ${rule.message}`]));
  else parts.push(plainMessage(rule.message));
  parts.push(`Kind \`${rule.kind.name}\`: ${rule.kind.summary}`);
  return parts.join('\n\n');
}

/** Examples of the rule as display text: a lone utterance, or `role: text` lines of a conversation. */
export function ruleExamples(rule: RuleInfo): { good: string[]; bad: string[] } {
  const t = rule.spec.term;
  if (t && (rule.kind.name === 'term' || rule.kind.name === 'register')) {
    // A register rule's own examples are the term's: a bad example uses the term.
    if (rule.kind.name === 'term') return { good: [...t.examples.good], bad: [...t.examples.bad] };
    return { good: [], bad: [...t.examples.good] };
  }
  const show = (e: Example) =>
    typeof e === 'string'
      ? e
      : 'text' in e
        ? e.text
        : e.turns.map((turn) => `${turn.time ? `[${turn.time}] ` : ''}${exampleTurnRole(turn).join(': ')}`).join('\n');
  return { good: (rule.spec.examples?.good ?? []).map(show), bad: (rule.spec.examples?.bad ?? []).map(show) };
}

/** The rule as its file states it, without what the page already shows in prose. */
function ruleConfig(rule: RuleInfo): string | null {
  if (rule.spec.term || rule.origin.file === BUILT_IN) return null;
  const { examples: _e, description: _d, ...rest } = rule.spec;
  return stringify(rest, { lineWidth: 0 }).trimEnd();
}

/** Where the rule is defined, relative to `root` when it sits inside it (posix separators). */
export function ruleOriginLabel(rule: RuleInfo, root: string, withLine = true): string {
  if (rule.origin.file === BUILT_IN) return 'built into aslint';
  const rel = relative(root, rule.origin.file);
  const file = rel.startsWith('..') || rel === '' ? rule.origin.file : rel.split(sep).join('/');
  return withLine ? `${file}:${rule.origin.line}` : file;
}

export interface DocPageOptions {
  /**
   * A page for docs/rules/: no line numbers and no phrase lists, which change with every edit of
   * a rule file, so that the committed pages change only when what a reader needs changes.
   * `aslint explain` shows the live page with both.
   */
  stable?: boolean;
}

function fence(text: string, lang = ''): string {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

/** The help text (markdown) of a rule: its description, examples and how to disable it. */
export function ruleHelpMarkdown(rule: RuleInfo): string {
  const out: string[] = [ruleFullDescription(rule)];
  const { good, bad } = ruleExamples(rule);
  if (bad.length > 0) out.push('**Flagged:**\n\n' + bad.map((e) => fence(e)).join('\n\n'));
  if (good.length > 0) out.push('**Fine:**\n\n' + good.map((e) => fence(e)).join('\n\n'));
  return out.join('\n\n');
}

/** The help text as plain text (SARIF `help.text`). */
export function ruleHelpText(rule: RuleInfo): string {
  const out: string[] = [ruleFullDescription(rule)];
  const { good, bad } = ruleExamples(rule);
  if (bad.length > 0) out.push('Flagged:\n' + bad.map((e) => `  ${e.replace(/\n/g, '\n  ')}`).join('\n'));
  if (good.length > 0) out.push('Fine:\n' + good.map((e) => `  ${e.replace(/\n/g, '\n  ')}`).join('\n'));
  return out.join('\n\n');
}

/** The docs page of a rule (docs/rules/<rule-id>.md). `root` makes the origin path relative. */
export function ruleDocPage(rule: RuleInfo, root: string, options: DocPageOptions = {}): string {
  const depth = rule.id.split('/').length - 1;
  const up = '../'.repeat(depth);
  const out: string[] = [
    `<!-- Generated by \`aslint docs --out docs/rules\` from the rule's metadata: do not edit. -->`,
    `# ${rule.id}`,
    ruleShortDescription(rule),
    [
      `| | |`,
      `| --- | --- |`,
      `| kind | \`${rule.kind.name}\` |`,
      `| default severity | ${rule.severity} |`,
      `| fixable | ${isFixable(rule) ? 'yes (`--fix`, canned replies only)' : 'no'} |`,
      `| defined in | ${rule.origin.file === BUILT_IN ? 'built into aslint' : `\`${ruleOriginLabel(rule, root, !options.stable)}\``} |`,
    ].join('\n'),
    '## What it finds',
    ruleFullDescription(rule),
  ];
  const { good, bad } = ruleExamples(rule);
  if (bad.length > 0 || good.length > 0) {
    out.push('## Examples');
    if (bad.length > 0) out.push('Flagged:', bad.map((e) => fence(e)).join('\n\n'));
    if (good.length > 0) out.push('Fine:', good.map((e) => fence(e)).join('\n\n'));
  }
  const config = ruleConfig(rule);
  if (config && !options.stable) out.push('## Definition', fence(config, 'yaml'));
  if (config && options.stable) {
    out.push(
      '## Definition',
      `The phrases and patterns it matches are in \`${ruleOriginLabel(rule, root, false)}\`; \`aslint explain ${rule.id}\` prints the rule as defined.`,
    );
  }
  out.push(
    '## Turning it off',
    `In \`aslint.config.yaml\`, for the whole project or under \`overrides\`:`,
    fence(`severity:\n  ${rule.id}: off`, 'yaml'),
    'For one canned reply in a YAML library, with the reason:',
    fence(`# aslint-disable-next-line ${rule.id} -- <why this reply may say it>\n- id: …\n  text: …`, 'yaml'),
    `[All rules](${up}README.md)`,
  );
  return out.join('\n\n') + '\n';
}

/** The index page (docs/rules/README.md). */
export function ruleIndexPage(rules: readonly RuleInfo[]): string {
  const rows = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (r) =>
        `| [${r.id}](${ruleDocsPath(r.id)}) | \`${r.kind.name}\` | ${r.severity} | ${isFixable(r) ? 'yes' : ''} | ${ruleShortDescription(r).replace(/\|/g, '\\|')} |`,
    );
  return (
    [
      `<!-- Generated by \`aslint docs --out docs/rules\` from the rules' metadata: do not edit. -->`,
      '# Rules',
      'The rules of the bundled glossary (`term/*`, `register/*`) and rule packs. Run `aslint rules` for the rules of your own configuration and `aslint explain <rule-id>` for one rule.',
      ['| rule | kind | severity | fixable | what it asks for |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'),
    ].join('\n\n') + '\n'
  );
}

/** Every docs page, by path relative to the docs folder. */
export function ruleDocPages(rules: readonly RuleInfo[], root: string): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set('README.md', ruleIndexPage(rules));
  for (const r of rules) pages.set(ruleDocsPath(r.id), ruleDocPage(r, root, { stable: true }));
  return pages;
}
