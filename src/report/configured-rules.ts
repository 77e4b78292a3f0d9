// The rules of a configuration as `aslint rules`, `aslint explain` and `aslint docs` list them:
// described (kind, severity, message), not compiled, with the severity the config here gives.
import { join } from 'node:path';
import { CHECK_KINDS } from '../checks/index.js';
import type { ConfigSeverity } from '../config/config-schema.js';
import { severityFor } from '../config/discovery.js';
import { loadRulePacks } from '../packs/loader.js';
import { contentFiles, type ContentSources } from '../core/package.js';
import { contentRules } from '../engine/ruleset.js';
import { loadGlossary } from '../glossary/loader.js';
import { DIRECTIVE_RULES, type RuleInfo } from './rule-docs.js';
import { InputError } from '../core/types.js';
import { workingConfig, workingContent, type ConfigChoice, type ContentChoice } from '../runner/options.js';

/** The rules of the bundled and given glossary and rule packs, uncompiled (no matcher is built). */
export async function loadRuleInfos(options: ContentSources = {}): Promise<RuleInfo[]> {
  const files = contentFiles(options);
  return [...contentRules(await loadGlossary(files.glossary), loadRulePacks(files.rules)), ...DIRECTIVE_RULES];
}

export interface ConfiguredRule extends RuleInfo {
  /** The severity in the configuration of the working folder (`off` included). */
  configured: ConfigSeverity;
}

/** The rules as the config of the working folder loads and rates them (command-line files added). */
export async function loadConfiguredRules(options: ConfigChoice & ContentChoice): Promise<ConfiguredRule[]> {
  const config = workingConfig(options);
  const rules = await loadRuleInfos(workingContent(options));
  const here = join(process.cwd(), 'any-file');
  return rules.map((r) => ({ ...r, configured: severityFor(config, r.id, here, r.severity) }));
}

export interface RuleFilter {
  /** Only rules of this check kind (or `directive`). */
  kind?: string;
  /** Also the rules the config turns off. */
  all?: boolean;
}

/** The configured rules `aslint rules` lists. */
export async function listRules(options: ConfigChoice & ContentChoice & RuleFilter): Promise<ConfiguredRule[]> {
  if (options.kind !== undefined && !CHECK_KINDS.has(options.kind) && options.kind !== 'directive') {
    throw new InputError(`unknown kind "${options.kind}"`, undefined, undefined, undefined, `Use one of: ${[...CHECK_KINDS.keys(), 'directive'].join(', ')}.`);
  }
  return (await loadConfiguredRules(options)).filter(
    (r) => (options.kind === undefined || r.kind.name === options.kind) && (options.all || r.configured !== 'off'),
  );
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
export async function ungatedRegexes(options: ConfigChoice & ContentChoice, shown: ReadonlySet<string>): Promise<{ rule: string; regex: RegExp }[]> {
  const { loadRuleSet } = await import('../runner/rulesets.js');
  const ruleSet = await loadRuleSet(workingContent(options));
  return ruleSet.patterns.ungated
    .map((k) => ruleSet.patterns.regexes[k]!)
    .filter((r) => shown.has(ruleSet.rules[r.rule]!.id))
    .map((r) => ({ rule: ruleSet.rules[r.rule]!.id, regex: r.regex }));
}
