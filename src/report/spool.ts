// Text a streamed report must write later than it learns it (the JSON report's conversation
// scores come after every file; a large file's findings come after its counts; the JSONL file
// record lists a file's conversations after its findings). Kept in memory up to a limit, then
// in a temporary file, so a report of any size is written in flat memory.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sinkBytes, Utf8Text, type Sink } from './sink.js';

/**
 * Bytes kept in memory before they go to a temporary file. Measured with 2 workers on 16 MiB of
 * JSONL, --format json, when the spool kept strings: at 4 Mi UTF-16 units the main thread's old
 * space held 48-73 MB, at 1 Mi 7-33 MB (many small strings cost more than their text). 8 MiB of
 * bytes saved nothing measurable on 5,000 small files (whose scores then stay in memory).
 */
const IN_MEMORY = 1 << 20;
/**
 * Bytes handed to the sink at a time, and read back from the file at a time. Measured with 1 MiB
 * instead (a new buffer each read, so a fresh memory mapping each): the JSON writer alone on the
 * 270k findings of a 24 MiB JSONL took 0.80 s of CPU, against 0.54-0.59 s at 64 KiB.
 */
const READ_BACK = 1 << 16;

export class Spool {
  /** `folder`: where the temporary file goes (the system's temporary folder). */
  constructor(private readonly folder: string = tmpdir()) {}

  /** What was added, as UTF-8, in order: text is encoded as it comes (into `text`'s chunks). */
  private parts: Uint8Array[] = [];
  private readonly text = new Utf8Text();
  private held = 0;
  private file: { dir: string; fd: number; removed: boolean } | undefined;
  private written = false;

  /** Whether anything was added since the last drain. */
  get empty(): boolean {
    return !this.written && this.held === 0;
  }

  /**
   * Text, or UTF-8 bytes (a part a worker rendered). Text is encoded now, not kept as strings and
   * encoded when spilled: a spill flattened ropes of hundreds of thousands of units (a part's
   * findings or scores) and encoded them again (fs writeString). Measured on the 270k findings of
   * a 24 MiB JSONL, the JSON writer alone in process (its part() and file()): 0.96-1.05 s of CPU
   * before, 0.54-0.60 s so.
   */
  add(text: string | Uint8Array): void {
    if (text.length === 0) return;
    if (typeof text === 'string') this.held += this.text.add(text);
    else {
      this.gatherText();
      this.parts.push(text);
      this.held += text.length;
    }
    if (this.held >= IN_MEMORY) this.spill();
  }

  /** The text encoded so far, to the parts. */
  private gatherText(): void {
    for (const chunk of this.text.bytes()) this.parts.push(chunk);
  }

  /** Hands everything added, in order, to the sink in pieces of at most READ_BACK bytes, and empties the spool. */
  drainTo(sink: Sink): void {
    const decoder = new TextDecoder('utf-8');
    // Whole characters or not, the bytes go on as they were written to a sink that takes bytes;
    // another is given them decoded (a character cut by a piece's end comes whole with the next).
    const piece = (bytes: Uint8Array): void => {
      if (sink.bytes) return sinkBytes(sink, bytes);
      const text = decoder.decode(bytes, { stream: true });
      if (text) sink(text);
    };
    if (this.file) {
      this.spill();
      const { fd } = this.file;
      for (let position = 0; ;) {
        // A buffer each read: a sink that takes bytes may keep them (write-batch.ts).
        const buffer = Buffer.allocUnsafe(READ_BACK);
        const n = readSync(fd, buffer, 0, READ_BACK, position);
        if (n === 0) break;
        position += n;
        piece(buffer.subarray(0, n));
      }
      this.close();
    } else {
      this.gatherText();
      for (const part of this.parts) for (let at = 0; at < part.length; at += READ_BACK) piece(part.subarray(at, at + READ_BACK));
    }
    const rest = decoder.decode();
    if (rest) sink(rest);
    this.parts = [];
    this.held = 0;
    this.written = false;
  }

  /** Whether what was added went to a temporary file. */
  get spilled(): boolean {
    return this.file !== undefined;
  }

  /** Closes the temporary file, if any (a run that fails before its report is written), and removes it where it is still there. */
  close(): void {
    if (!this.file) return;
    closeSync(this.file.fd);
    if (!this.file.removed) rmSync(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
  }

  private spill(): void {
    if (!this.file) {
      const dir = mkdtempSync(join(this.folder, 'aslint-report-'));
      const fd = openSync(join(dir, 'spool'), 'w+');
      // Removed at once, the open descriptor keeping its data: a run killed while it writes a
      // report (a hundred MB of spooled findings) leaves nothing behind in the temporary folder.
      // Where an open file cannot be removed (Windows), close() removes it.
      let removed = true;
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        removed = false;
      }
      this.file = { dir, fd, removed };
    }
    // Chunks of encoded text (up to 256 KiB each) or a worker's parts: a write each.
    this.gatherText();
    const { fd } = this.file;
    for (const part of this.parts) for (let done = 0; done < part.length;) done += writeSync(fd, part, done);
    this.written = true;
    this.parts = [];
    this.held = 0;
  }
}
