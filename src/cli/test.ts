import type { Command } from 'commander';
import { workingConfig } from '../runner/options.js';
import { RuleSetPool } from '../runner/run.js';
import { exampleText, runSelfTest } from '../engine/selftest.js';
import type { CommandState } from './index.js';
import { configOptions, ruleSourceOptions } from './options.js';

interface TestOptions {
  glossary: string[];
  rules: string[];
  defaults: boolean;
  config?: string | false;
  strict?: boolean;
}

export function registerTest(program: Command, state: CommandState): void {
  const command = program
    .command('test')
    .description('run the good and bad examples of every glossary term and rule; list those without examples')
    .option('--strict', 'fail when a rule or term has no good or no bad example');
  configOptions(ruleSourceOptions(command)).action(async (options: TestOptions) => {
    // The rules as `aslint lint` would load them here: bundled, the config's, then the command line's.
    const { ruleSet } = await new RuleSetPool(options).get(workingConfig(options));
    const { examples, rules, failures, missing } = runSelfTest(ruleSet);
    const out: string[] = [];
    for (const f of failures) out.push(`${f.origin.file}:${f.origin.line}:${f.origin.column}: ${f.ruleId}: ${f.problem}: ${exampleText(f.example)}`);
    for (const m of missing) out.push(`${m.origin.file}:${m.origin.line}:${m.origin.column}: ${m.ruleId}: has no ${m.lacks.replace(/^a /, '')}`);
    out.push(`${examples} examples of ${rules} rules`);
    if (missing.length > 0)
      out.push(`${missing.length} rules without good and bad examples${options.strict ? ' (--strict: that fails)' : ' (--strict makes that fail)'}`);
    out.push(`examples: ${examples - failures.length} passed, ${failures.length} failed`);
    process.stdout.write(out.join('\n') + '\n');
    state.exitCode = failures.length > 0 || (options.strict && missing.length > 0) ? 1 : 0;
  });
}
