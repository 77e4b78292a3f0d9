// `aslint report merge`: the reduce step of a map step run on shards (docs/scale.md). Thin: it
// parses the options and calls the library (report/merge), then a reporter.
import { Command } from 'commander';
import { FORMATS } from '../report/formats.js';
import { mergeShards } from '../report/merge.js';
import { writeScoresFile, checkScoresFile } from '../report/scores-file.js';
import type { CommandState } from './index.js';
import { openOutput, reportOptions, reporterOf, useColor } from './output.js';

interface MergeCliOptions {
  format: string;
  outputFile?: string;
  color?: boolean;
  scoresFile?: string;
}

export function registerReport(program: Command, state: CommandState): void {
  const report = program.command('report').description('work with JSONL reports of shards of a run');
  reportOptions(
    report
      .command('merge')
      .description('merge the JSONL reports of shards (aslint lint --format jsonl) into one report, scores included')
      .argument('<shards...>', 'JSONL reports, in input order'),
  ).action(async (shards: string[], options: MergeCliOptions) => {
    state.exitCode = await runMerge(shards, options);
  });
}

async function runMerge(shards: string[], options: MergeCliOptions): Promise<number> {
  const makeReport = reporterOf(options.format);
  if (options.scoresFile) checkScoresFile(options.scoresFile);
  const result = await mergeShards(shards, { describeRules: FORMATS[options.format]?.describesRules === true });
  const color = useColor(options.color, process.env, !options.outputFile && process.stdout.isTTY === true);
  const text = (await makeReport())(result, { color, cwd: process.cwd() });
  const output = openOutput(options.outputFile);
  try {
    output.write(text);
  } finally {
    output.close();
  }
  if (options.scoresFile) await writeScoresFile(options.scoresFile, result.scores, process.cwd());
  // As `aslint lint` would have exited on the whole run.
  return result.summary.errors > 0 ? 1 : 0;
}
