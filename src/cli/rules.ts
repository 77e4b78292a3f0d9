// `aslint rules` lists the rules of a configuration; `aslint explain <rule-id>` shows one rule's
// docs and examples, the same page as docs/rules/<rule-id>.md.
import type { Command } from 'commander';
import { ruleDocPage } from '../report/rule-docs.js';
import { rulesJson, rulesTable, ungatedNote } from '../report/rule-list.js';
import type { ConfigChoice, ContentChoice } from '../runner/options.js';
import { findRule, listRules, loadConfiguredRules, ungatedRegexes, type RuleFilter } from '../report/configured-rules.js';
import type { CommandState } from './index.js';
import { configOptions, ruleSourceOptions } from './options.js';

interface RulesOptions extends ConfigChoice, ContentChoice, RuleFilter {
  json?: boolean;
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
    const rules = await listRules(options);
    if (options.json) process.stdout.write(rulesJson(rules));
    else process.stdout.write(rulesTable(rules) + ungatedNote(await ungatedRegexes(options, new Set(rules.map((r) => r.id)))));
  });

  configOptions(
    ruleSourceOptions(program.command('explain').description("show a rule's docs and examples").argument('<rule-id>', 'the rule, e.g. term/seven-day-return')),
  ).action(async (id: string, options: ConfigChoice & ContentChoice) => {
    const rule = findRule(await loadConfiguredRules(options), id);
    const page = ruleDocPage(rule, process.cwd()).replace(/^<!--.*-->\n\n/, '');
    const note = rule.configured !== rule.severity ? `\n(The config here sets it to ${rule.configured}.)\n` : '';
    process.stdout.write(page + note);
  });
}
