import type { Command } from 'commander';
import { ConfigResolver } from '../config/discovery.js';
import { RuleSetPool } from '../runner/run.js';
import { runSelfTest } from '../engine/selftest.js';
import type { CommandState } from './index.js';
import { configOptions, ruleSourceOptions } from './options.js';

interface TestOptions {
  glossary: string[];
  rules: string[];
  defaults: boolean;
  config?: string | false;
}

export function registerTest(program: Command, state: CommandState): void {
  const command = program.command('test').description('run the good and bad examples of every glossary term and rule');
  configOptions(ruleSourceOptions(command)).action(async (options: TestOptions) => {
    // The rules as `aslint lint` would load them here: bundled, the config's, then the command line's.
    const config = new ConfigResolver({ config: typeof options.config === 'string' ? options.config : undefined, useConfig: options.config !== false }).forFile('<stdin>');
    const { ruleSet } = await new RuleSetPool(options).get(config);
    const { examples, failures } = runSelfTest(ruleSet);
    for (const f of failures) {
      const text = typeof f.example === 'string' ? f.example : f.example.turns.map((t) => Object.entries(t)[0]!.join(': ')).join(' / ');
      const what = f.side === 'bad' ? 'bad example gave no finding' : `good example was flagged (${f.found.map((s) => `“${s}”`).join(', ')})`;
      process.stdout.write(`${f.origin.file}:${f.origin.line}:${f.origin.column}: ${f.ruleId}: ${what}: ${text}\n`);
    }
    process.stdout.write(`${examples} examples of ${ruleSet.rules.length} rules\n`);
    process.stdout.write(`examples: ${examples - failures.length} passed, ${failures.length} failed\n`);
    state.exitCode = failures.length > 0 ? 1 : 0;
  });
}
