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
import type { FileResult, LintResult, Reporter, RunInfo, Summary } from '../runner/result.js';

export const JSONL_FORMAT = 'aslint-jsonl';
export const JSONL_VERSION = 1;
/** About 64 KiB of UTF-16 code units per write. */
const WRITE_BATCH = 1 << 15;

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
export type Sink = (text: string) => void;

/**
 * Writes the records of one run to a sink as results arrive: `start` once, `file` for each file
 * in input order (or `findings` for parts of a file, then `file` with no findings), `end` once.
 */
export class JsonlWriter {
  private index = 0;
  private streamed = 0;

  constructor(private readonly sink: Sink) {}

  start(date: string = new Date().toISOString()): void {
    const record: RunRecord = { type: 'run', format: JSONL_FORMAT, version: JSONL_VERSION, aslint: PACKAGE.version, date };
    this.sink(JSON.stringify(record) + '\n');
  }

  /** Findings of the file being read, before its end (a streamed input). */
  findings(path: string, findings: readonly Finding[]): void {
    // Written in batches: one write per line costs a system call each, one per file holds a large file's findings at once.
    let lines = '';
    for (const f of findings) {
      lines += JSON.stringify({ type: 'finding', file: this.index, path, ...f } satisfies FindingRecord) + '\n';
      this.streamed++;
      if (lines.length >= WRITE_BATCH) {
        this.sink(lines);
        lines = '';
      }
    }
    if (lines) this.sink(lines);
  }

  /** A file's result; its findings unless `findings()` already wrote them. */
  file(result: FileResult, findingsWritten = false): void {
    if (!findingsWritten) this.findings(result.path, result.findings);
    const record: FileRecord = { type: 'file', file: this.index, path: result.path, units: result.units, findings: this.streamed };
    if (result.conversations) record.conversations = result.conversations;
    if (result.skipped) record.skipped = result.skipped;
    this.sink(JSON.stringify(record) + '\n');
    this.index++;
    this.streamed = 0;
  }

  end(result: Pick<LintResult, 'summary' | 'rules' | 'run'>): void {
    const record: EndRecord = { type: 'end', summary: result.summary, rules: result.rules.map((r) => r.id) };
    if (result.run) {
      const { date: _date, version: _version, ...run } = result.run;
      record.run = run;
    }
    this.sink(JSON.stringify(record) + '\n');
  }
}

/** The JSONL report of a finished result, as one string (what `report merge --format jsonl` writes). */
export const jsonl: Reporter = (result) => {
  const parts: string[] = [];
  const writer = new JsonlWriter((s) => parts.push(s));
  writer.start(result.run?.date);
  for (const f of result.files) writer.file(f);
  writer.end(result);
  return parts.join('');
};
