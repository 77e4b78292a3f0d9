// `aslint rules` lists the rules of a configuration; `aslint explain <rule-id>` shows one rule's
// docs and examples, the same page as docs/rules/<rule-id>.md.
import { join } from 'node:path';
import type { Command } from 'commander';
import { displayWidth as stringWidth, padToWidth as pad } from '../text/terminal.js';
import { CHECK_KINDS } from '../checks/index.js';
import { primaryMessage } from '../checks/kind.js';
import type { ConfigSeverity } from '../config/config-schema.js';
import { ConfigResolver, severityFor } from '../config/discovery.js';
import { loadRulePacks } from '../packs/loader.js';
import { contentFiles, type ContentSources } from '../core/package.js';
import { glossaryRules } from '../engine/ruleset.js';
import { loadGlossary } from '../glossary/loader.js';
import { DIRECTIVE_RULES, isFixable, ruleDocPage, ruleShortDescription, type RuleInfo } from '../report/rule-docs.js';
import { InputError, type Severity } from '../core/types.js';
import type { CommandState } from './index.js';
import { configOptions, ruleSourceOptions } from './options.js';

/** The rules of the bundled and given glossary and rule packs, uncompiled (no matcher is built). */
export async function loadRuleInfos(options: ContentSources = {}): Promise<RuleInfo[]> {
  const files = contentFiles(options);
  const glossary = await loadGlossary(files.glossary);
  const packs = loadRulePacks(files.rules);
  const rules: RuleInfo[] = [...glossaryRules(glossary), ...packs].map(({ id, spec, origin }) => {
    const kind = CHECK_KINDS.get(spec.kind)!;
    return { id, kind, severity: spec.severity as Severity, message: primaryMessage(spec.message ?? kind.defaultMessage), spec, origin };
  });
  return [...rules, ...DIRECTIVE_RULES];
}

export interface ConfiguredRule extends RuleInfo {
  /** The severity in the configuration of the working folder (`off` included). */
  configured: ConfigSeverity;
}

interface ConfiguredOptions extends ContentSources {
  config?: string | false;
}

/** The rules as the config of the working folder loads and rates them (command-line files added). */
export async function loadConfiguredRules(options: ConfiguredOptions): Promise<ConfiguredRule[]> {
  const config = new ConfigResolver({ config: typeof options.config === 'string' ? options.config : undefined, useConfig: options.config !== false }).forFile('<stdin>');
  const rules = await loadRuleInfos({
    defaults: options.defaults === false ? false : config.defaults,
    glossary: [...config.glossary, ...(options.glossary ?? [])],
    rules: [...config.rules, ...(options.rules ?? [])],
  });
  const here = join(process.cwd(), 'any-file');
  return rules.map((r) => ({ ...r, configured: severityFor(config, r.id, here, r.severity) }));
}



/** The rules as an aligned table: id, kind, severity, fixable, description. */
export function rulesTable(rules: readonly (RuleInfo & { configured?: ConfigSeverity })[]): string {
  const rows = [...rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.id, r.kind.name, r.configured ?? r.severity, isFixable(r) ? 'fix' : '', ruleShortDescription(r)]);
  const head = ['rule', 'kind', 'severity', '', 'description'];
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((row) => stringWidth(row[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line), '', `${rules.length} rule${rules.length === 1 ? '' : 's'}`].join('\n') + '\n';
}

/** Finds a rule by id; an unknown id is an input error that names the closest ids. */
export function findRule<R extends RuleInfo>(rules: readonly R[], id: string): R {
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

/**
 * The rule regexes that contain no literal the matcher can find first, so they run on every
 * utterance (the others run only where their literal occurs): listed so that a rule author sees
 * the cost and can add one.
 */
async function ungatedNote(options: ConfiguredOptions, shown: ReadonlySet<string>): Promise<string> {
  const config = new ConfigResolver({ config: typeof options.config === 'string' ? options.config : undefined, useConfig: options.config !== false }).forFile('<stdin>');
  const { loadRuleSet } = await import('../runner/rulesets.js');
  const ruleSet = await loadRuleSet({
    defaults: options.defaults === false ? false : config.defaults,
    glossary: [...config.glossary, ...(options.glossary ?? [])],
    rules: [...config.rules, ...(options.rules ?? [])],
  });
  const lines = ruleSet.patterns.ungated
    .map((k) => ruleSet.patterns.regexes[k]!)
    .filter((r) => shown.has(ruleSet.rules[r.rule]!.id))
    .map((r) => `  ${ruleSet.rules[r.rule]!.id}  /${r.regex.source}/`);
  return lines.length === 0 ? '' : `\nRegexes with no required literal (run on every utterance, not only where a literal of theirs occurs):\n${lines.join('\n')}\n`;
}

interface RulesOptions extends ConfiguredOptions {
  json?: boolean;
  kind?: string;
  all?: boolean;
}

export function registerRules(program: Command, _state: CommandState): void {
  configOptions(
    ruleSourceOptions(
      program
        .command('rules')
        .description('list the rules: id, kind, severity (as the config here sets it), whether --fix can fix it, description')
        .option('--kind <kind>', 'only rules of this check kind')
        .option('--all', 'also list the rules the config turns off')
        .option('--json', 'print the list as JSON'),
    ),
  ).action(async (options: RulesOptions) => {
    let rules = await loadConfiguredRules(options);
    if (options.kind) {
      if (!CHECK_KINDS.has(options.kind) && options.kind !== 'directive') {
        throw new InputError(`unknown kind "${options.kind}"`, undefined, undefined, undefined, `Use one of: ${[...CHECK_KINDS.keys(), 'directive'].join(', ')}.`);
      }
      rules = rules.filter((r) => r.kind.name === options.kind);
    }
    if (!options.all) rules = rules.filter((r) => r.configured !== 'off');
    if (options.json) {
      const list = rules.map((r) => ({ id: r.id, kind: r.kind.name, severity: r.configured, fixable: isFixable(r), description: ruleShortDescription(r) }));
      process.stdout.write(JSON.stringify(list, null, 2) + '\n');
    } else process.stdout.write(rulesTable(rules) + (await ungatedNote(options, new Set(rules.map((r) => r.id)))));
  });

  configOptions(
    ruleSourceOptions(
      program
        .command('explain')
        .description("show a rule's docs and examples")
        .argument('<rule-id>', 'the rule, e.g. term/seven-day-return'),
    ),
  ).action(async (id: string, options: ConfiguredOptions) => {
    const rule = findRule(await loadConfiguredRules(options), id);
    const page = ruleDocPage(rule, process.cwd()).replace(/^<!--.*-->\n\n/, '');
    const note = rule.configured !== rule.severity ? `\n(The config here sets it to ${rule.configured}.)\n` : '';
    process.stdout.write(page + note);
  });
}
