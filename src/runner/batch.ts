// What a worker does with a batch when the report is rendered where the batch is linted (a
// streamed json, jsonl or sarif report, --concurrency): it lints (reading small files itself),
// applies the configured severities, scores the dialogues and renders the report text, and hands
// back that text with the counts the run adds up, never the findings. Measured on a 4 MiB JSONL
// with 2 workers: unpacking each part's findings (v8.deserialize), scoring and formatting them
// took ~1.8 s of the main thread's CPU, more than either worker's share of the linting, so that
// --concurrency auto was no faster than one thread.
import { formatFor, type ResolvedConfig } from '../config/discovery.js';
import { type ConversationInfo, type Finding, type SkippedCounts } from '../core/types.js';
import { lintWholeDocument } from '../engine/lint.js';
import type { RuleSet } from '../engine/ruleset.js';
import { renderBatch } from '../report/render.js';
import { FIXABLE_FORMATS, openText, type SourceFormat } from '../sources/index.js';
import { readSource } from './read.js';
import type { RenderedBatch, RenderSpec } from './result.js';
import { agentBatch, scoreBatch, type AgentBatch } from './scores.js';
import { applySeverities, lintLibraryText } from './configured.js';
import { serializeError, type SerializedError } from './pool.js';

/** What a worker hands back of a batch it rendered: the text and what the run adds up. */
export interface RenderedResult {
  rendered: RenderedBatch;
  /** Its findings by severity (every one, --quiet or not): errors, warnings, infos. */
  severities: [number, number, number];
  agents: AgentBatch;
  units: number;
  skipped?: SkippedCounts;
  /** A whole file's dialogues (the progress bar counts them); none for a part. */
  conversations?: ConversationInfo[];
}

/** How a batch is rendered: the report's spec, the config (its severities) and the file's place in the run. */
export interface RenderJob {
  spec: RenderSpec;
  config: ResolvedConfig;
  /** The file's index among the run's files: its place in the report, when known. */
  fileIndex: number;
  /** Whether fileIndex is known (a large file's parts are linted when its turn comes). */
  known: boolean;
}

/** A linted text (a whole file, or a part of a large one) as it is handed back: severities applied, scored, rendered. */
export function renderLinted(
  path: string,
  linted: { findings: readonly Finding[]; units: number; conversations?: ConversationInfo[]; skipped?: SkippedCounts },
  job: RenderJob,
  part: boolean,
  configured = false,
): RenderedResult {
  const findings = configured ? (linted.findings as Finding[]) : applySeverities(linted.findings, job.config, path);
  const conversations = linted.conversations;
  const scores = conversations ? scoreBatch(path, job.fileIndex, findings, conversations) : [];
  const severities: [number, number, number] = [0, 0, 0];
  for (const f of findings) severities[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
  const file = { path, findings, units: linted.units, conversations, skipped: linted.skipped };
  return {
    rendered: renderBatch(job.spec, file, scores, part, job.known ? job.fileIndex : undefined),
    severities,
    agents: agentBatch(scores, findings),
    units: linted.units,
    ...(linted.skipped ? { skipped: linted.skipped } : {}),
    ...(part ? {} : { conversations }),
  };
}

/** A small file a worker reads, lints and renders. */
export interface FileJob {
  path: string;
  /** Which of the batch's configs applies (FilesJob.configs). */
  config: number;
  /** Which rule set (RuleSetPool key). */
  ruleSet: string;
  /** Found by a walk: linted only when it reads as an input (runner/inputs.ts). */
  candidate: boolean;
}

/** Small files to read, lint and render in a worker, in input order. */
export interface FilesJob {
  files: FileJob[];
  configs: ResolvedConfig[];
  spec: RenderSpec;
  /** The input format of every file (--input-format), else by name and content. */
  format?: SourceFormat;
  reportUnused?: boolean;
  /** The run's index of the batch's first file, were every file before it an input (JSON scores name it; nothing written does). */
  firstIndex: number;
}

/** What became of a file of a FilesJob. */
export type FileOutcome =
  | { kind: 'rendered'; result: RenderedResult }
  /** Found by a walk, and not an input. */
  | { kind: 'not-input' }
  /** To be linted by the runner's own thread: a large file (streamed, or in parts). */
  | { kind: 'runner' }
  | { kind: 'error'; error: SerializedError };

/** Reads, lints and renders one small file of a batch, as the runner's lintPath would lint it. */
export async function lintFileJob(job: FilesJob, k: number, ruleSet: (key: string) => Promise<RuleSet>): Promise<FileOutcome> {
  const file = job.files[k]!;
  const config = job.configs[file.config]!;
  const { path } = file;
  try {
    const source = await readSource(path, job.format ?? formatFor(config, path), config.input);
    if (source.kind !== 'whole') return { kind: 'runner' };
    if (file.candidate && !(await (await import('./inputs.js')).isLintableSource(source))) return { kind: 'not-input' };
    const render: RenderJob = { spec: job.spec, config, fileIndex: job.firstIndex + k, known: false };
    const rules = await ruleSet(file.ruleSet);
    const { text } = source.decoded;
    if (FIXABLE_FORMATS.has(source.format)) {
      const linted = await lintLibraryText(path, text, source.format, rules, config, job.reportUnused);
      return { kind: 'rendered', result: renderLinted(path, linted, render, false, true) };
    }
    const linted = await lintWholeDocument(openText(path, text, source.format, config.input), rules, config.lint);
    return { kind: 'rendered', result: renderLinted(path, linted, render, false) };
  } catch (err) {
    return { kind: 'error', error: serializeError(err) };
  }
}
