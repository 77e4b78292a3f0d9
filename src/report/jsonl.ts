// The JSONL report: one JSON record per line, written as each file's result arrives, so a run
// of any size is reported without building the report in memory, and a shard's report carries
// all that `aslint report merge` needs to rebuild the other reports, scores included.
// Record types (version 1; docs/scale.md):
//   {"type":"run", …}       first line: the format, its version, aslint's version, the date
//   {"type":"finding", …}   one per finding, in input order: its file's index and path, then the finding
//   {"type":"file", …}      after a file's findings: path, units, conversations (for scores), skipped counts
//   {"type":"end", …}       last line: the summary, the rules that ran, the run's inputs and content
import { PACKAGE } from '../core/package.js';
import type { ConversationInfo, Finding, SkippedCounts } from '../core/types.js';
import {
  writeWhole,
  type FileResult,
  type LintResult,
  type RenderedBatch,
  type RenderedItems,
  type RenderSpec,
  type Reporter,
  type ReportWriter,
  type RunInfo,
  type Summary,
} from '../runner/result.js';
import { Spool } from './spool.js';
import { addChunks, sinkBytes, type Sink } from './sink.js';
import { PART_RENDERER } from './part-renderer.js';

export const JSONL_FORMAT = 'aslint-jsonl';
export const JSONL_VERSION = 1;

export interface RunRecord {
  type: 'run';
  format: typeof JSONL_FORMAT;
  version: number;
  aslint: string;
  date: string;
}

export interface FindingRecord extends Finding {
  type: 'finding';
  /** The index of the finding's file in this report. */
  file: number;
  path: string;
}

export interface FileRecord {
  type: 'file';
  file: number;
  path: string;
  units: number;
  /** How many finding records went before it for this file. */
  findings: number;
  conversations?: ConversationInfo[];
  skipped?: SkippedCounts;
}

export interface EndRecord {
  type: 'end';
  summary: Summary;
  /** The ids of the rules of the run, in the order reports describe them. */
  rules: string[];
  run?: Omit<RunInfo, 'date' | 'version'>;
}

export type JsonlRecord = RunRecord | FindingRecord | FileRecord | EndRecord;

/** Where lines go: stdout, a file, or a string being built. */
export type { Sink };

/**
 * The finding records of a file's findings (or a part's), a line each to `out`: the same bytes as
 * JSON.stringify({ type: 'finding', file, path, ...finding }) (a finding has no member of those
 * names), without the object spread, and the head with the path written once.
 */
function findingRecords(index: number, path: string, findings: readonly Finding[], out: (line: string) => void): void {
  const head = '{"type":"finding","file":' + index + ',"path":' + JSON.stringify(path) + ',';
  for (let i = 0; i < findings.length; i++) out(head + JSON.stringify(findings[i]).slice(1) + '\n');
}
/** A file record likewise: FILE_HEAD, the index, then the rest of the record. */
const FILE_HEAD = '{"type":"file","file":';

/** The rest of a whole file's file record after FILE_HEAD and the index, as JSON.stringify writes the FileRecord. */
function fileRecordTail(result: FileResult, findings: number): string {
  const rest: Omit<FileRecord, 'type' | 'file'> = { path: result.path, units: result.units, findings };
  if (result.conversations) rest.conversations = result.conversations;
  if (result.skipped) rest.skipped = result.skipped;
  return ',' + JSON.stringify(rest).slice(1) + '\n';
}

/**
 * The JSONL records of a part of a large file, where it is linted (report/render.ts): its
 * findings to `out`, and its dialogues (each led by ',') for the file record to come. JsonlWriter
 * writes the same records with the same functions when it is given the part's results.
 */
export function renderJsonl(part: FileResult, index: number, out: (text: string) => void): RenderedItems {
  findingRecords(index, part.path, part.findings, out);
  let later = '';
  for (const c of part.conversations ?? []) later += ',' + JSON.stringify(c);
  return { items: part.findings.length, later, laterItems: part.conversations?.length ?? 0 };
}

/**
 * Writes the records of one run to a sink as results arrive: `start` once, `file` for each file
 * in input order (or `part` for each part of a large file, then `file`), `end` once. A large
 * file's dialogues wait in a spool for its file record, in flat memory.
 */
export class JsonlWriter implements ReportWriter {
  private index = 0;
  private streamed = 0;
  private readonly conversations = new Spool();
  private conversationCount = 0;

  constructor(
    private readonly sink: Sink,
    private readonly date: string = new Date().toISOString(),
  ) {}

  start(): void {
    const record: RunRecord = { type: 'run', format: JSONL_FORMAT, version: JSONL_VERSION, aslint: PACKAGE.version, date: this.date };
    this.sink(JSON.stringify(record) + '\n');
  }

  renderSpec(): RenderSpec {
    return { format: 'jsonl', cwd: '', errorsOnly: false, renderer: PART_RENDERER };
  }

  /** Findings of the file being read, before its end (a streamed input). */
  private findings(path: string, findings: readonly Finding[]): void {
    // A line each: the sink batches the writes (write-batch.ts).
    findingRecords(this.index, path, findings, this.sink);
    this.streamed += findings.length;
  }

  part(path: string, findings: readonly Finding[], conversations: readonly ConversationInfo[]): void {
    this.findings(path, findings);
    let text = '';
    for (const c of conversations) text += ',' + JSON.stringify(c);
    this.addConversations(text, conversations.length);
  }

  private addConversations(text: string, n: number): void {
    this.conversations.add(this.conversationCount === 0 ? text.slice(1) : text);
    this.conversationCount += n;
  }

  /** A file's result; its findings unless `part()` already wrote them. */
  file(result: FileResult, parts = false): void {
    if (!parts) {
      this.findings(result.path, result.findings);
      this.sink(FILE_HEAD + this.index + fileRecordTail(result, this.streamed));
    } else {
      // The record as JSON.stringify writes it, its dialogues from the spool.
      const record: FileRecord = { type: 'file', file: this.index, path: result.path, units: result.units, findings: this.streamed };
      const line = JSON.stringify({ ...record, conversations: [], ...(result.skipped ? { skipped: result.skipped } : {}) });
      const [before, after] = splitAt(line, '"conversations":[]');
      this.sink(before + '"conversations":[');
      this.conversations.drainTo(this.sink);
      this.sink(']' + after + '\n');
      this.conversationCount = 0;
    }
    this.index++;
    this.streamed = 0;
  }

  rendered(batch: RenderedBatch): void {
    addChunks(batch.bytes, false, (bytes) => sinkBytes(this.sink, bytes));
    this.streamed += batch.items;
    this.addConversations(batch.later, batch.laterItems);
  }

  /** Scores are not recorded: `report merge` computes them from the dialogues and findings. */
  scores(): void {}

  end(result: Pick<LintResult, 'summary' | 'rules' | 'run'>): void {
    const record: EndRecord = { type: 'end', summary: result.summary, rules: result.rules.map((r) => r.id) };
    if (result.run) {
      const { date: _date, version: _version, ...run } = result.run;
      record.run = run;
    }
    this.sink(JSON.stringify(record) + '\n');
  }

  abort(): void {
    this.conversations.close();
  }
}

/** The text before and after the first `marker` in `text`. */
function splitAt(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/** The JSONL report of a finished result, as one string (what `report merge --format jsonl` writes). */
export const jsonl: Reporter = (result) => writeWhole(result, (sink) => new JsonlWriter(sink, result.run?.date));
