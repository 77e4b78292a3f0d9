import type { CompiledRule } from '../checks/kind.js';
import { SEVERITY_PLURALS, type ConversationInfo, type Finding, type SkippedCounts } from '../core/types.js';
import type { Dismissal } from './dismissed.js';

export interface FileResult {
  /** The path as given on the command line (or `<stdin>`). */
  path: string;
  findings: Finding[];
  /** How many utterances (turns or replies) were linted. */
  units: number;
  /** The file's dialogues, findings or not, so each gets a score (none for reply libraries). */
  conversations?: ConversationInfo[];
  /** Messages the reader left out: media (images, stickers …) and empty ones. */
  skipped?: SkippedCounts;
}

export interface Summary {
  files: number;
  units: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Messages left out of the files, by why (present when any was). */
  skipped?: SkippedCounts;
}

// Quality-inspection scores (computed by the runner: src/runner/scores.ts).
export const FULL_SCORE = 100;
/** Below this a conversation fails inspection (the usual 质检 pass mark). */
export const PASS_MARK = 60;

export interface ConversationScore {
  path: string;
  /** Which file of the result it belongs to (two files may share a path). */
  fileIndex: number;
  conversation: string;
  agents: string[];
  score: number;
  /** The fatal rules it broke; a non-empty list means a score of 0. */
  fatal: string[];
  /** Points each broken rule took off. */
  deductions: { ruleId: string; points: number }[];
  findings: number;
}

export interface AgentSummary {
  /** The speaker name, or '' for agent turns that name none. */
  agent: string;
  conversations: number;
  averageScore: number;
  fatalConversations: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Scores {
  conversations: ConversationScore[];
  agents: AgentSummary[];
}

export interface LintResult {
  files: FileResult[];
  summary: Summary;
  /** Computed once on the findings as linted (after config and baseline, before display filters such as --quiet). */
  scores: Scores;
  /** The rules of the run, for formats that describe them (SARIF). */
  rules: readonly CompiledRule[];
  /** What the run was: shown at the top of the HTML report. */
  run?: RunInfo;
  /** Findings that reviewers dismissed (--dismissed) and this run left out. */
  dismissed?: Dismissal[];
}

export interface RunInfo {
  /** ISO 8601. */
  date: string;
  version: string;
  /** The files linted. */
  inputs: string[];
  /** The config files applied (presets as `aslint:…`). */
  config: string[];
  /** The glossary and rule files. */
  content: string[];
  /** The same files by what they are, so that `report merge` can describe the rules again. */
  contentFiles?: { glossary: string[]; rules: string[] };
}

export interface ReportOptions {
  color: boolean;
  /** Where paths are relative to. */
  cwd: string;
  /** How long the run took, in seconds, when the caller measured it (JUnit's `time`). */
  seconds?: number;
  /** Where a report says what a reader of stderr should know (the HTML report's cap); else stderr. */
  warn?: (message: string) => void;
}

/** One output format: turns a lint result into the text written to stdout or `-o`. */
export type Reporter = (result: LintResult, options: ReportOptions) => string;

/**
 * How a worker renders a streamed report's text for a batch (report/render.ts): plain data, so
 * that it can be posted to a worker with the batch.
 */
export interface RenderSpec {
  format: 'json' | 'jsonl' | 'sarif';
  /** Where report paths are relative to. */
  cwd: string;
  /** Only errors are written (--quiet); every finding is still counted and scored. */
  errorsOnly: boolean;
  /** SARIF: the ids of the rules described, in order (a result gives its rule's index). */
  ruleIds?: string[];
  /** The module (a file: URL) whose renderPart() renders a part (report/part-renderer.ts). */
  renderer: string;
}

/** What renders a part of a large file where it is linted (report/render.ts renderPart). */
export type PartRenderer = (spec: RenderSpec, part: FileResult, scores: readonly ConversationScore[], index: number) => Promise<RenderedBatch>;

/**
 * A part's report text, rendered where it was linted (a worker), as UTF-8. The writer stitches
 * it in: what goes out now, and what waits (the JSON report's scores come after every file; a
 * JSONL file record lists the dialogues of all the file's parts).
 */
export interface RenderedBatch extends RenderedItems {
  /**
   * The text. Every item (a finding, a result) is led by its separator, ',' and indentation:
   * the writer drops the ',' of the first item it writes.
   */
  bytes: Uint8Array[];
}

/** What a format's renderer says of the text it wrote (report/render.ts). */
export interface RenderedItems {
  /** How many items the text has. */
  items: number;
  /** JSON: the counts of the part's findings, for the head of the file's entry. */
  counts?: number[];
  /** Text that waits: the JSON report's conversation scores, or a JSONL part's dialogues (each led by ','). */
  later: string;
  laterItems: number;
}

/** Where a streaming run hands its results, in input order (runner/run.ts RunOptions.stream). */
export interface ResultStream {
  /** The rules of the run, before any result (given when the run describes its rules). */
  rules?(rules: readonly CompiledRule[]): void;
  /** The findings and dialogues of one part of a large file, in order, before its file(). */
  part(path: string, findings: readonly Finding[], conversations: readonly ConversationInfo[]): void;
  /** A file's result; with `parts`, its findings and dialogues went to part() (findings is then empty). */
  file(result: FileResult, parts: boolean): void;
  /** The scores of dialogues just linted, in order. */
  scores(scores: readonly ConversationScore[]): void;
  /**
   * How workers may render the text of this stream's report, when it can be rendered elsewhere:
   * they then hand rendered() a part's text in place of part() and scores(). Asked after rules().
   */
  renderSpec?(): RenderSpec | undefined;
  /** The text a worker rendered with renderSpec() for a part of a large file (file() with `parts` follows). */
  rendered?(batch: RenderedBatch): void;
}

/**
 * A report written as the results arrive, in flat memory: start, the run's results (a
 * ResultStream), then end with the summary and what only the end knows. The format's Reporter
 * writes the same bytes from a whole result.
 */
export interface ReportWriter extends ResultStream {
  start(): void;
  end(result: LintResult): void;
  /** Removes what the writer spooled, when the run fails before end(). */
  abort(): void;
}

/** A whole result through a report writer: what a streamed run writes, as one string. */
export function writeWhole(result: LintResult, make: (sink: (text: string) => void) => ReportWriter): string {
  const parts: string[] = [];
  const writer = make((s) => parts.push(s));
  try {
    writer.start();
    writer.rules?.(result.rules);
    for (const f of result.files) writer.file(f, false);
    writer.scores(result.scores.conversations);
    writer.end(result);
  } finally {
    writer.abort();
  }
  return parts.join('');
}

export function emptySummary(): Summary {
  return { files: 0, units: 0, errors: 0, warnings: 0, infos: 0 };
}

/** Adds findings to a summary's counts (a run that streams adds them part by part). */
export function countFindings(summary: Summary, findings: readonly Finding[]): void {
  for (const finding of findings) summary[SEVERITY_PLURALS[finding.severity]]++;
}

/** Adds a file (its units and skipped messages; its findings with countFindings) to a summary. */
export function countFile(summary: Summary, file: Pick<FileResult, 'units' | 'skipped'>): void {
  summary.files++;
  summary.units += file.units;
  if (file.skipped && (file.skipped.media || file.skipped.empty)) {
    summary.skipped ??= { media: 0, empty: 0 };
    summary.skipped.media += file.skipped.media;
    summary.skipped.empty += file.skipped.empty;
  }
}

export function summarize(files: readonly FileResult[]): Summary {
  const summary = emptySummary();
  for (const f of files) {
    countFile(summary, f);
    countFindings(summary, f.findings);
  }
  return summary;
}
