import { statSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { runFiles } from '../runner/run.js';
import { expandPaths } from '../index.js';
import { FORMATS } from '../report/formats.js';
import { summarize } from '../report/result.js';
import { SOURCE_FORMATS, TEXT_FORMATS } from '../sources/index.js';
import { checkScoresFile, writeScoresFile } from '../report/scores-file.js';
import { InputError, type SourceFormat } from '../types.js';
import type { CommandState } from './index.js';
import { configOptions, ruleSourceOptions } from './options.js';
import { ProgressBar } from './progress.js';

const STDIN_FORMATS: readonly SourceFormat[] = TEXT_FORMATS;

interface LintOptions {
  format: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  glossary?: string[];
  rules?: string[];
  defaults: boolean;
  stdinFormat?: SourceFormat;
  inputFormat?: SourceFormat;
  color?: boolean;
  config?: string | false;
  fix?: boolean;
  fixDryRun?: boolean;
  reportUnusedDisableDirectives?: boolean;
  cache?: boolean;
  cacheLocation: string;
  baseline?: string;
  writeBaseline?: string;
  scoresFile?: string;
  dismissed?: string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

export function registerLint(program: Command, state: CommandState): void {
  const command = program
    .command('lint')
    .description('lint chat transcripts and canned-reply libraries')
    .argument('[paths...]', 'files, folders or globs; - reads stdin')
    .option('-f, --format <name>', `output format: ${Object.keys(FORMATS).join(', ')}`, 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--quiet', 'report errors only');
  configOptions(ruleSourceOptions(command))
    .addOption(new Option('--stdin-format <format>', 'format of stdin (with -)').choices(STDIN_FORMATS))
    .addOption(new Option('--input-format <format>', 'the format of every file named, where name and content cannot tell it (docs/inputs.md)').choices(SOURCE_FORMATS))
    .option('--no-color', 'no colours in the output')
    .option('--fix', 'fix safe term substitutions in canned-reply libraries (YAML, JSON, text), in place')
    .option('--fix-dry-run', 'print the fixes as a unified diff; change no file')
    .option('--report-unused-disable-directives', 'warn about aslint-disable comments that suppress nothing')
    .option('--cache', 'skip files unchanged since the last run under the same config, glossary, rules and version')
    .option('--cache-location <file>', 'the cache file', '.aslintcache')
    .option('--baseline <file>', 'report only findings that are not in this baseline')
    .option('--write-baseline <file>', "record this run's findings as the baseline")
    .option('--scores-file <file>', 'write the scores, one row per conversation and per agent, to a .csv or .xlsx file')
    .option('--dismissed <file>', 'leave out the findings a reviewer dismissed in the HTML report (its exported JSON file)')
    .action(async (paths: string[], options: LintOptions) => {
      state.exitCode = await runLint(paths, options);
    });
}

async function runLint(paths: string[], options: LintOptions): Promise<number> {
  const makeReport = FORMATS[options.format];
  if (!makeReport) throw new InputError(`unknown format "${options.format}"`, undefined, undefined, undefined, `Use one of: ${Object.keys(FORMATS).join(', ')}.`);
  let maxWarnings = -1;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new InputError(`--max-warnings takes a whole number, not "${options.maxWarnings}"`);
  }
  if (paths.length === 0) throw new InputError('no files to lint', undefined, undefined, undefined, 'Name files, folders or globs: aslint lint chats/*.jsonl replies/');
  const useStdin = paths.includes('-');
  if (useStdin && !options.stdinFormat) throw new InputError('reading stdin needs --stdin-format', undefined, undefined, undefined, `Add --stdin-format ${STDIN_FORMATS.join('|')}.`);

  if (options.fix && options.fixDryRun) throw new InputError('--fix and --fix-dry-run exclude each other', undefined, undefined, undefined, 'Use --fix-dry-run to see the changes, --fix to make them.');
  if (options.scoresFile) checkScoresFile(options.scoresFile);
  const files = await expandPaths(paths.filter((p) => p !== '-'));
  const progress = new ProgressBar(process.stderr, new Map(process.stderr.isTTY ? files.map((f) => [f, statSync(f).size]) : []));
  const { result, fixed, unfixed } = await runFiles(
    files,
    {
      glossary: options.glossary,
      rules: options.rules,
      format: options.inputFormat,
      defaults: options.defaults,
      config: typeof options.config === 'string' ? options.config : undefined,
      useConfig: options.config !== false,
      fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : undefined,
      reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
      cacheFile: options.cache ? options.cacheLocation : undefined,
      baseline: options.baseline,
      writeBaseline: options.writeBaseline,
      describeRules: options.format === 'sarif' || options.format === 'html',
      transcripts: options.format === 'html',
      dismissed: options.dismissed,
      onFile: (file) => progress.fileDone(file),
    },
    useStdin ? { text: await readStdin(), format: options.stdinFormat! } : undefined,
  ).finally(() => progress.done());
  if (options.fixDryRun) for (const f of fixed) process.stdout.write(f.diff);
  for (const u of unfixed) {
    process.stderr.write(`aslint: not fixed: ${u.path}:${u.finding.line}:${u.finding.column} ${u.finding.ruleId}: ${u.reason}\n`);
  }
  for (const f of fixed) if (f.notWritten) process.stderr.write(`aslint: ${f.notWritten}\n`);
  const written = fixed.filter((f) => f.written);
  if (options.fix && written.length > 0) {
    const n = written.reduce((sum, f) => sum + f.applied, 0);
    process.stderr.write(`aslint: fixed ${n} finding${n === 1 ? '' : 's'} in ${written.length} file${written.length === 1 ? '' : 's'}\n`);
  }
  if (options.quiet) for (const f of result.files) f.findings = f.findings.filter((x) => x.severity === 'error');
  result.summary = summarize(result.files);

  const report = (await makeReport())(result, {
    color: options.color !== false && !options.outputFile && process.stdout.isTTY === true && !process.env.NO_COLOR,
    cwd: process.cwd(),
  });
  if (options.outputFile) writeFileSync(options.outputFile, report);
  else process.stdout.write(report);
  if (options.scoresFile) await writeScoresFile(options.scoresFile, result.scores, process.cwd());

  const { errors, warnings } = result.summary;
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) return 1;
  return 0;
}
