// Text a streamed report must write later than it learns it (the JSON report's conversation
// scores come after every file; a large file's findings come after its counts; the JSONL file
// record lists a file's conversations after its findings). Kept in memory up to a limit, then
// in a temporary file, so a report of any size is written in flat memory.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sinkBytes, write, type Sink } from './sink.js';

/**
 * Text kept in memory before it goes to a temporary file (UTF-16 code units: 2 MiB of them).
 * Measured with 2 workers on 16 MiB of JSONL, --format json: at 4 Mi units the main thread's
 * old space held 48-73 MB, at 1 Mi 7-33 MB (many small strings cost more than their text).
 */
const IN_MEMORY = 1 << 20;
/** UTF-16 code units of text gathered for a write to the temporary file. */
const SPILL_WRITE = 1 << 14;
/** Bytes read back per write to the sink. */
const READ_BACK = 1 << 16;

export class Spool {
  /** `folder`: where the temporary file goes (the system's temporary folder). */
  constructor(private readonly folder: string = tmpdir()) {}

  private parts: (string | Uint8Array)[] = [];
  private held = 0;
  private file: { dir: string; fd: number } | undefined;
  private written = false;

  /** Whether anything was added since the last drain. */
  get empty(): boolean {
    return !this.written && this.held === 0;
  }

  /** Text, or UTF-8 bytes (a part a worker rendered). */
  add(text: string | Uint8Array): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.held += text.length;
    if (this.held >= IN_MEMORY) this.spill();
  }

  /** Hands everything added, in order, to the sink in bounded pieces, and empties the spool. */
  drainTo(sink: Sink): void {
    if (this.file) {
      this.spill();
      const { fd } = this.file;
      const decoder = new TextDecoder('utf-8');
      for (let position = 0; ;) {
        // A buffer each read: a sink that takes bytes may keep them (write-batch.ts).
        const buffer = Buffer.allocUnsafe(READ_BACK);
        const n = readSync(fd, buffer, 0, READ_BACK, position);
        if (n === 0) break;
        position += n;
        if (sink.bytes) {
          // Whole characters or not: the bytes go on as they were written.
          sinkBytes(sink, buffer.subarray(0, n));
          continue;
        }
        const text = decoder.decode(buffer.subarray(0, n), { stream: true });
        if (text) sink(text);
      }
      const rest = decoder.decode();
      if (rest) sink(rest);
      this.close();
    } else {
      // Part by part, not one string of all (the sink batches the writes: write-batch.ts).
      for (const part of this.parts) write(sink, part);
    }
    this.parts = [];
    this.held = 0;
    this.written = false;
  }

  /** Removes the temporary file, if any (a run that fails before its report is written). */
  close(): void {
    if (!this.file) return;
    closeSync(this.file.fd);
    rmSync(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
  }

  private spill(): void {
    if (!this.file) {
      const dir = mkdtempSync(join(this.folder, 'aslint-report-'));
      this.file = { dir, fd: openSync(join(dir, 'spool'), 'w+') };
    }
    // Consecutive strings gathered up to SPILL_WRITE units a write: written one by one, the scores
    // of 5,000 small files were 5,000 writes of ~500 bytes (strace), ~20 ms of CPU. Not more: the
    // write flattens its text, and gathered up to 64 Ki units or more, the flat copies (large
    // objects, garbage until a full collection) took the peak RSS of big4.jsonl's JSON report up ~10 MB.
    const { fd } = this.file;
    let text = '';
    for (const part of this.parts) {
      if (typeof part === 'string') {
        text += part;
        if (text.length < SPILL_WRITE) continue;
        writeSync(fd, text);
        text = '';
      } else {
        if (text !== '') writeSync(fd, text);
        text = '';
        writeSync(fd, part);
      }
    }
    if (text !== '') writeSync(fd, text);
    this.written = true;
    this.parts = [];
    this.held = 0;
  }
}
