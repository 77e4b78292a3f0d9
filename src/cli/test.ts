import type { Command } from 'commander';
import { runSelfTest } from '../engine/selftest.js';
import { loadRuleSet } from '../index.js';
import type { CommandState } from './index.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerTest(program: Command, state: CommandState): void {
  program
    .command('test')
    .description("run the good and bad examples of every glossary term and rule")
    .option('--glossary <file>', 'a glossary file to test with the bundled ones (repeatable)', collect, [])
    .option('--rules <file>', 'a rule pack to test with the bundled ones (repeatable)', collect, [])
    .option('--no-defaults', 'test only the files given')
    .action(async (options: { glossary: string[]; rules: string[]; defaults: boolean }) => {
      const ruleSet = await loadRuleSet(options);
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
