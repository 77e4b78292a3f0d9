// `aslint rules` lists the rules of a configuration; `aslint explain <rule-id>` shows one rule's
// docs and examples, the same page as docs/rules/<rule-id>.md.
import type { Command } from 'commander';
import stringWidth from 'string-width';
import { CHECK_KINDS } from '../checks/index.js';
import { loadRulePacks } from '../config/rules.js';
import { defaultGlossaryFiles, defaultRuleFiles } from '../defaults.js';
import { glossaryRules } from '../engine/ruleset.js';
import { loadGlossary } from '../glossary/loader.js';
import { DIRECTIVE_RULES, isFixable, ruleDocPage, ruleShortDescription, type RuleInfo } from '../report/rule-docs.js';
import { InputError, type Severity } from '../types.js';
import type { CommandState } from './index.js';

export interface RuleSourceOptions {
  glossary?: string[];
  rules?: string[];
  defaults?: boolean;
}

/** The rules of the bundled and given glossary and rule packs, uncompiled (no matcher is built). */
export async function loadRuleInfos(options: RuleSourceOptions = {}): Promise<RuleInfo[]> {
  const defaults = options.defaults ?? true;
  const glossary = await loadGlossary([...(defaults ? defaultGlossaryFiles() : []), ...(options.glossary ?? [])]);
  const packs = loadRulePacks([...(defaults ? defaultRuleFiles() : []), ...(options.rules ?? [])]);
  const rules: RuleInfo[] = [...glossaryRules(glossary), ...packs].map(({ id, spec, origin }) => {
    const kind = CHECK_KINDS.get(spec.kind)!;
    return { id, kind, severity: spec.severity as Severity, message: (spec.message as string | undefined) ?? kind.defaultMessage, spec, origin };
  });
  return [...rules, ...DIRECTIVE_RULES];
}

/** Adds the options that choose the glossary and rule packs. */
export function ruleSourceOptions(command: Command): Command {
  return command
    .option('--glossary <files...>', 'glossary files to add to the bundled glossary')
    .option('--rules <files...>', 'rule packs to add to the bundled packs')
    .option('--no-defaults', 'do not load the bundled glossary and rule packs');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** The rules as an aligned table: id, kind, severity, fixable, description. */
export function rulesTable(rules: readonly RuleInfo[]): string {
  const rows = [...rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.id, r.kind.name, r.severity, isFixable(r) ? 'fix' : '', ruleShortDescription(r)]);
  const head = ['rule', 'kind', 'severity', '', 'description'];
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((row) => stringWidth(row[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line), '', `${rules.length} rule${rules.length === 1 ? '' : 's'}`].join('\n') + '\n';
}

/** Finds a rule by id; an unknown id is an input error that names the closest ids. */
export function findRule(rules: readonly RuleInfo[], id: string): RuleInfo {
  const rule = rules.find((r) => r.id === id);
  if (rule) return rule;
  const needle = id.toLowerCase();
  const near = rules.filter((r) => r.id.includes(needle) || r.id.split('/').pop() === needle.split('/').pop()).map((r) => r.id);
  throw new InputError(
    `no rule "${id}"`,
    undefined,
    undefined,
    undefined,
    near.length > 0 ? `Did you mean: ${near.slice(0, 5).join(', ')}?` : 'Run `aslint rules` to list the rule ids.',
  );
}

interface RulesOptions extends RuleSourceOptions {
  json?: boolean;
  kind?: string;
}

export function registerRules(program: Command, _state: CommandState): void {
  ruleSourceOptions(
    program
      .command('rules')
      .description('list the rules: id, kind, severity, whether --fix can fix it, description')
      .option('--kind <kind>', 'only rules of this check kind')
      .option('--json', 'print the list as JSON'),
  ).action(async (options: RulesOptions) => {
    let rules = await loadRuleInfos(options);
    if (options.kind) {
      if (!CHECK_KINDS.has(options.kind)) throw new InputError(`unknown kind "${options.kind}"`, undefined, undefined, undefined, `Use one of: ${[...CHECK_KINDS.keys()].join(', ')}.`);
      rules = rules.filter((r) => r.kind.name === options.kind);
    }
    if (options.json) {
      const list = rules.map((r) => ({ id: r.id, kind: r.kind.name, severity: r.severity, fixable: isFixable(r), description: ruleShortDescription(r) }));
      process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    } else process.stdout.write(rulesTable(rules));
  });

  ruleSourceOptions(
    program
      .command('explain')
      .description("show a rule's docs and examples")
      .argument('<rule-id>', 'the rule, e.g. term/seven-day-return'),
  ).action(async (id: string, options: RuleSourceOptions) => {
    const rule = findRule(await loadRuleInfos(options), id);
    process.stdout.write(ruleDocPage(rule, process.cwd()).replace(/^<!--.*-->\n\n/, ''));
  });
}
