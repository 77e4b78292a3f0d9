// `aslint report merge`: the reduce step of a map step run on shards (docs/scale.md). Thin: it
// parses the options and calls the library (report/merge), then a reporter.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command } from 'commander';
import { FORMATS } from '../report/formats.js';
import { mergeShards } from '../report/merge.js';
import { writeScoresFile, checkScoresFile } from '../report/scores-file.js';
import { InputError } from '../types.js';
import type { CommandState } from './index.js';
import { useColor } from './lint.js';

/** Formats that describe the rules of the run (their docs, help texts). */
const DESCRIBING_FORMATS: ReadonlySet<string> = new Set(['sarif', 'html']);

interface MergeCliOptions {
  format: string;
  outputFile?: string;
  color?: boolean;
  scoresFile?: string;
}

export function registerReport(program: Command, state: CommandState): void {
  const report = program.command('report').description('work with JSONL reports of shards of a run');
  report
    .command('merge')
    .description('merge the JSONL reports of shards (aslint lint --format jsonl) into one report, scores included')
    .argument('<shards...>', 'JSONL reports, in input order')
    .option('-f, --format <name>', `output format: ${Object.keys(FORMATS).join(', ')}`, 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file (its folder is created)')
    .option('--color', 'colours in the output, even when it is not a terminal')
    .option('--no-color', 'no colours in the output')
    .option('--scores-file <file>', 'write the scores, one row per conversation and per agent, to a .csv or .xlsx file')
    .action(async (shards: string[], options: MergeCliOptions) => {
      state.exitCode = await runMerge(shards, options);
    });
}

async function runMerge(shards: string[], options: MergeCliOptions): Promise<number> {
  const makeReport = FORMATS[options.format];
  if (!makeReport) throw new InputError(`unknown format "${options.format}"`, undefined, undefined, undefined, `Use one of: ${Object.keys(FORMATS).join(', ')}.`);
  if (options.scoresFile) checkScoresFile(options.scoresFile);
  const result = await mergeShards(shards, { describeRules: DESCRIBING_FORMATS.has(options.format) });
  const color = useColor(options.color, process.env, !options.outputFile && process.stdout.isTTY === true);
  const text = (await makeReport())(result, { color, cwd: process.cwd() });
  if (options.outputFile) {
    try {
      mkdirSync(dirname(options.outputFile), { recursive: true });
      writeFileSync(options.outputFile, text);
    } catch (e) {
      throw new InputError(`cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, options.outputFile, undefined, undefined, 'Choose a path you can write to.');
    }
  } else process.stdout.write(text);
  if (options.scoresFile) await writeScoresFile(options.scoresFile, result.scores, process.cwd());
  // As `aslint lint` would have exited on the whole run.
  return result.summary.errors > 0 ? 1 : 0;
}
