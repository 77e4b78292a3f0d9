// Reading for the runner. A small file is read once, whole (one open, one read), decoded and
// handed to the linter as text; a large one is streamed. A large UTF-8 JSONL file can also be
// cut into parts of whole lines, each with the line and offset it starts at, for worker threads.
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { binaryFormatOf, decodeBytes, detectFormat, inputFormat, openSource, type DecodedText, type InputOptions, type SourceFile } from '../sources/index.js';
import { InputError } from '../core/types.js';
import type { SourceFormat } from '../sources/index.js';

/** Files up to this size are read whole (a chat export rarely is; a reply library always is). */
export const SMALL_FILE = 1 << 20;
/** The size of a part of a large JSONL file sent to a worker. */
export const PART_BYTES = 1 << 20;

export type ReadSource =
  | {
      kind: 'whole';
      path: string;
      format: SourceFormat;
      /** Whether the format was told from the file's name and text (not given). */
      detected: boolean;
      decoded: DecodedText;
    }
  | { kind: 'stream'; path: string; format: SourceFormat; doc: SourceFile };

/** Where small files are read: one buffer for all, as each is decoded before the next is read. */
let scratch: Buffer | undefined;

/**
 * The bytes of a regular file of at most SMALL_FILE bytes, with one open, synchronously: for small
 * files the thread-pool round trips of an asynchronous stat, open, read and close cost more than
 * the reads (measured on 5,000 files of ~600 bytes: ~40 % of the run was reading, the event loop
 * idle). undefined for a larger file, anything but a regular file, or one that cannot be opened
 * (the streaming reader then names the problem). The bytes are a view of a shared buffer, valid
 * until the next call.
 *
 * Read to the end (a read of 0 bytes) at explicit positions rather than after an fstat: a pipe, a
 * socket or a terminal can't be read at a position (ESPIPE), a folder not at all (EISDIR), and a
 * device that can (/dev/zero) fills the buffer; only an empty read is asked what it is. On 5,000
 * small files that spares an fstat, its Stats object with four Dates and a buffer a file (~10 ms of
 * ~155 reading them, measured).
 */
function readSmallFile(path: string): Buffer | undefined {
  let fd: number;
  try {
    // Non-blocking: opening a named pipe for reading otherwise waits for a writer, forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const limit = SMALL_FILE;
    const buf = (scratch ??= Buffer.allocUnsafe(limit + 1));
    let filled = 0;
    for (let n = readSync(fd, buf, 0, limit + 1, 0); n > 0; n = readSync(fd, buf, filled, limit + 1 - filled, filled)) {
      filled += n;
      if (filled > limit) return undefined;
    }
    // Nothing read: an empty file, or a device that gives nothing (/dev/null).
    if (filled === 0 && !fstatSync(fd).isFile()) return undefined;
    return buf.subarray(0, filled);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Reads a small text file whole, or opens a large or binary one (xlsx) for streaming. */
export async function readSource(path: string, format?: SourceFormat, input?: InputOptions): Promise<ReadSource> {
  // Binary formats (.xlsx) are never read as text; a map of extensions, not a search of the formats per file.
  const binary = format ? inputFormat(format).binary : binaryFormatOf(path) !== undefined;
  const bytes = binary ? undefined : readSmallFile(path);
  if (bytes) {
    // A file with a damaged line can't be decoded whole: the streaming reader reads it line by
    // line and makes the damaged lines unreadable-record findings.
    let decoded: DecodedText | undefined;
    try {
      decoded = decodeBytes(bytes, path);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
    }
    if (decoded) return { kind: 'whole', path, format: format ?? detectFormat(path, decoded.text), detected: format === undefined, decoded };
  }
  // Large, missing or not a file: the reader streams it (and names the problem, if any).
  const doc = await openSource(path, { format, input });
  return { kind: 'stream', path, format: doc.format, doc };
}

export interface JsonlPart {
  text: string;
  start: { line: number; offset: number };
}

/**
 * The parts of a UTF-8 JSONL file, in order, each of whole lines; null when a part is not valid
 * UTF-8 (the caller then reads the file the ordinary way, which names the line).
 */
export async function* jsonlParts(path: string, bomLength: number): AsyncGenerator<JsonlPart | null> {
  const stream = createReadStream(path, { start: bomLength, highWaterMark: PART_BYTES });
  try {
    yield* jsonlPartsOf(stream as AsyncIterable<Buffer>);
  } finally {
    stream.destroy();
  }
}

/**
 * The parts of a UTF-8 JSONL byte stream (stdin), each of the whole lines that have arrived, as
 * soon as they have; a leading BOM is skipped when `skipBom`; null when a part is not UTF-8.
 */
export async function* jsonlPartsOf(stream: AsyncIterable<Buffer>, skipBom = false): AsyncGenerator<JsonlPart | null> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: !skipBom });
  let line = 1;
  let offset = 0;
  let carry: Buffer = Buffer.alloc(0);
  const part = (bytes: Buffer): JsonlPart | null => {
    if (!isUtf8(bytes)) return null;
    const text = decoder.decode(bytes, { stream: true });
    const start = { line, offset };
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
    offset += text.length;
    return { text, start };
  };
  for await (const chunk of stream) {
    const nl = chunk.lastIndexOf(0x0a);
    if (nl === -1) {
      carry = Buffer.concat([carry, chunk]);
      continue;
    }
    const p = part(carry.length ? Buffer.concat([carry, chunk.subarray(0, nl + 1)]) : chunk.subarray(0, nl + 1));
    yield p;
    if (p === null) return;
    carry = Buffer.from(chunk.subarray(nl + 1));
  }
  if (carry.length) yield part(carry);
}
