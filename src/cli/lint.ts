// `aslint lint`: parses the options (ESLint's names and meanings where ESLint has the option) and
// calls the library: which files (runner/inputs), stdin (runner/stdin), the run (runner/run), the
// report (report/); it prints the report, the fixes and the warnings.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { IGNORED_FILE_WARNING, selectInputs } from '../runner/inputs.js';
import { CACHE_FILE_NAME, toRunOptions, type LintCliOptions } from '../runner/options.js';
import { canStream, runFiles, type RunOptions, type StdinInput } from '../runner/run.js';
import { checkStdinChoice, isStdinIgnored, stdinInput } from '../runner/stdin.js';
import { summarize, type ConversationScore, type ReportWriter } from '../runner/result.js';
import { FORMATS, streamWriterOf } from '../report/formats.js';
import { SOURCE_FORMATS, TEXT_FORMATS, type SourceFormat } from '../sources/index.js';
import { InputError, type Finding } from '../core/types.js';
import type { CommandState } from './index.js';
import { collect, configOptions, ruleSourceOptions } from './options.js';
import { ensureFolderOf, openOutput, reportOptions, reporterOf, useColor } from './output.js';

interface LintOptions extends LintCliOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  stdin?: boolean;
  stdinFormat?: SourceFormat;
  stdinFilename?: string;
  color?: boolean;
  errorOnUnmatchedPattern: boolean;
  scoresFile?: string;
}

export function registerLint(program: Command, state: CommandState): void {
  const command = program
    .command('lint')
    .description('lint chat transcripts and canned-reply libraries')
    .argument('[paths...]', 'files, folders or globs; - reads stdin')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)')
    .option('--quiet', 'report errors only');
  configOptions(ruleSourceOptions(reportOptions(command)))
    .option('--ignore-pattern <pattern>', 'also ignore files matching this glob, relative to the working folder (repeatable)', collect, [])
    .option('--no-ignore', 'lint files that ignore patterns (config ignores, --ignore-pattern) would skip')
    .option('--no-error-on-unmatched-pattern', 'a path or glob that matches no file is not an error')
    .option('--stdin', 'lint the text on stdin (as the path -)')
    .addOption(new Option('--stdin-format <format>', 'format of stdin (default: from --stdin-filename)').choices(TEXT_FORMATS))
    .option('--stdin-filename <name>', 'the file name stdin is reported as; its config, ignores and format apply')
    .addOption(
      new Option('--input-format <format>', 'the format of every file named, where name and content cannot tell it (docs/inputs.md)').choices(SOURCE_FORMATS),
    )
    .option('--fix', 'fix safe term substitutions in canned-reply libraries (YAML, JSON, text), in place')
    .option('--fix-dry-run', 'print the fixes as a unified diff and report what would remain; change no file')
    .option('--report-unused-disable-directives', 'warn about aslint-disable comments that suppress nothing')
    .option('--cache', 'skip files unchanged since the last run under the same config, glossary, rules and version')
    .option('--cache-location <path>', `the cache file, or a folder to keep ${CACHE_FILE_NAME} in`, CACHE_FILE_NAME)
    .option('--baseline <file>', 'report only findings that are not in this baseline')
    .option('--write-baseline <file>', "record this run's findings as the baseline")
    .option(
      '--concurrency <n>',
      'lint large JSONL files in n threads (this one and n-1 workers), or auto (one per core, for 32 MiB or more); the output is the same',
    )
    .option('--dismissed <file>', 'leave out the findings a reviewer dismissed in the HTML report (its exported JSON file)')
    .action(async (paths: string[], options: LintOptions) => {
      state.exitCode = await runLint(paths, options);
    });
}

function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InputError(`--max-warnings takes a whole number (or -1 for no limit), not "${value}"`);
  return n;
}

async function runLint(paths: string[], options: LintOptions): Promise<number> {
  reporterOf(options.format);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  // What the report needs of the run: the rules described (SARIF, HTML), the conversations' turns (HTML).
  const format = FORMATS[options.format];
  const run = { ...toRunOptions(options), describeRules: format?.describesRules === true, transcripts: format?.transcripts === true };
  const useStdin = options.stdin === true || paths.includes('-');
  if (paths.length === 0 && !useStdin)
    throw new InputError('no files to lint', undefined, undefined, undefined, 'Name files, folders or globs: aslint lint chats/*.jsonl replies/');
  const stdinChoice = { format: options.stdinFormat, filename: options.stdinFilename, whole: options.baseline !== undefined };
  if (useStdin) checkStdinChoice(stdinChoice);
  // What only some runs need is loaded only by them (spreadsheet writers, the progress bar's string widths).
  if (options.scoresFile) (await import('../report/scores-file.js')).checkScoresFile(options.scoresFile);
  if (run.cacheFile) ensureFolderOf(run.cacheFile, 'cache');
  if (options.writeBaseline) ensureFolderOf(options.writeBaseline, 'baseline');

  const ownFiles = [run.cacheFile, options.baseline, options.writeBaseline, options.outputFile].filter((f): f is string => f !== undefined);
  const inputs = await selectInputs(
    paths.filter((p) => p !== '-'),
    { ...run, ownFiles, errorOnUnmatchedPattern: options.errorOnUnmatchedPattern },
  );
  let stdin: StdinInput | undefined;
  if (useStdin) {
    // A --stdin-filename that an ignore pattern matches is skipped with ESLint's warning.
    if (isStdinIgnored(stdinChoice, run)) inputs.ignored.push(options.stdinFilename!);
    else stdin = await stdinInput(process.stdin as AsyncIterable<Buffer>, stdinChoice);
  }
  // Only the inputs named as the report is are resolved (resolving all 5,000 of a run cost ~20 ms, measured).
  const report = options.outputFile && resolve(options.outputFile);
  const reportName = report && basename(report);
  if (report && inputs.files.some((f) => f.endsWith(reportName!) && resolve(f) === report)) {
    // The report is written while the files are read: it would overwrite the input before it is linted.
    throw new InputError('the report file is also a file to lint', options.outputFile, undefined, undefined, 'Write the report (-o) to another path.');
  }
  const output = openOutput(options.outputFile);
  // json, jsonl and sarif are written as each file's result arrives, where the run can stream.
  const stream = canStream(options) ? await streamWriterOf(options.format, output.write, process.cwd()) : undefined;
  stream?.start();
  try {
    return await lintAndReport(options, run, inputs, stdin, maxWarnings, output, stream);
  } finally {
    stream?.abort();
    output.close();
  }
}

async function lintAndReport(
  options: LintOptions,
  run: RunOptions,
  inputs: Awaited<ReturnType<typeof selectInputs>>,
  stdin: StdinInput | undefined,
  maxWarnings: number,
  output: ReturnType<typeof openOutput>,
  stream: ReportWriter | undefined,
): Promise<number> {
  const makeReport = reporterOf(options.format);
  const shown = (findings: readonly Finding[]) => (options.quiet ? findings.filter((x) => x.severity === 'error') : findings);
  const kept: ConversationScore[] = [];
  const progress = process.stderr.isTTY
    ? new (await import('./progress.js')).ProgressBar(process.stderr, new Map(inputs.files.map((f) => [f, statSync(f).size])))
    : undefined;
  for (const path of inputs.ignored) process.stderr.write(`aslint: warning: ${path}: ${IGNORED_FILE_WARNING}\n`);

  // process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks (~1-5 ms measured).
  const started = process.hrtime.bigint();
  const { result, fixed, unfixed } = await runFiles(
    inputs.files,
    {
      ...run,
      candidates: inputs.candidates,
      onFile: (file) => progress?.fileDone(file),
      // --quiet hides what is written, not what is scored.
      stream: stream && {
        rules: stream.rules && ((rules) => stream.rules!(rules)),
        part: (path, findings, conversations) => stream.part(path, shown(findings), conversations),
        file: (file, parts) => stream.file({ ...file, findings: shown(file.findings) as Finding[] }, parts),
        scores: (scores) => {
          stream.scores(scores);
          // A --scores-file lists every conversation: the only reason a streamed run keeps them.
          if (options.scoresFile) for (const c of scores) kept.push(c);
        },
        // Workers may render the report's text (and then keep no scores: not with --scores-file).
        ...(stream.renderSpec && !options.scoresFile
          ? { renderSpec: () => ({ ...stream.renderSpec!()!, errorsOnly: options.quiet === true }), rendered: (batch) => stream.rendered!(batch) }
          : {}),
      },
    },
    stdin,
  ).finally(() => progress?.done());
  reportFixes(options, fixed, unfixed);
  if (options.writeBaseline) {
    const { Baseline } = await import('../runner/baseline.js');
    const n = (await Baseline.load(options.writeBaseline)).size;
    const recorded = `recorded ${n} finding${n === 1 ? '' : 's'} in ${options.writeBaseline}; runs with --baseline ${options.writeBaseline} report only new ones`;
    // The report of this run is empty by definition: a person is told what was recorded instead of "no problems".
    if (options.format === 'stylish' && !options.outputFile) {
      process.stdout.write(`✔ ${recorded}\n`);
      return 0;
    }
    process.stderr.write(`aslint: ${recorded}\n`);
  }
  if (stream) {
    // The run kept counts only; --quiet shows errors only.
    if (options.quiet) Object.assign(result.summary, { warnings: 0, infos: 0 });
  } else {
    if (options.quiet) for (const f of result.files) f.findings = f.findings.filter((x) => x.severity === 'error');
    result.summary = summarize(result.files);
  }

  if (stream) stream.end(result);
  else {
    const color = useColor(options.color, process.env, !options.outputFile && process.stdout.isTTY === true);
    output.write((await makeReport())(result, { color, cwd: process.cwd(), seconds: Number(process.hrtime.bigint() - started) / 1e9 }));
  }
  if (options.scoresFile) {
    const { writeScoresFile } = await import('../report/scores-file.js');
    await writeScoresFile(options.scoresFile, stream ? { ...result.scores, conversations: kept } : result.scores, process.cwd());
  }

  const { errors, warnings } = result.summary;
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) return 1;
  return 0;
}

/** What --fix and --fix-dry-run did, said on stderr (a dry run's diff goes where a person reads it). */
function reportFixes(
  options: LintOptions,
  fixed: Awaited<ReturnType<typeof runFiles>>['fixed'],
  unfixed: Awaited<ReturnType<typeof runFiles>>['unfixed'],
): void {
  const n = fixed.reduce((sum, f) => sum + f.applied, 0);
  const counted = `${n} finding${n === 1 ? '' : 's'} in ${fixed.length} file${fixed.length === 1 ? '' : 's'}`;
  if (options.fixDryRun) {
    // Before a report read by people, on stdout; a machine-readable report keeps stdout to itself.
    const diffOut = options.outputFile || FORMATS[options.format]?.forPeople ? process.stdout : process.stderr;
    for (const f of fixed) diffOut.write(f.diff);
    process.stderr.write(`aslint: --fix would fix ${counted} (no file changed); the report shows what would remain\n`);
  }
  for (const u of unfixed) {
    process.stderr.write(`aslint: not fixed: ${u.path}:${u.finding.line}:${u.finding.column} ${u.finding.ruleId}: ${u.reason}\n`);
  }
  for (const f of fixed) if (f.notWritten) process.stderr.write(`aslint: ${f.notWritten}\n`);
  const written = fixed.filter((f) => f.written);
  if (options.fix && written.length > 0) {
    const w = written.reduce((sum, f) => sum + f.applied, 0);
    process.stderr.write(`aslint: fixed ${w} finding${w === 1 ? '' : 's'} in ${written.length} file${written.length === 1 ? '' : 's'}\n`);
  }
}
