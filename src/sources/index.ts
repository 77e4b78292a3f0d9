// Input readers: open a file (or text from stdin) as a SourceDocument whose conversations are
// read lazily, one at a time. Every utterance's `locate` gives exact positions in the file.
// Formats are looked up in the registry (registry.ts), never switched on here.
//
// Errors: a missing or unreadable file and an undetectable encoding throw from openSource. A
// record that can't be read is a conversation with `problems` (the readers go on with the next
// record); an error that stops a reader (a JSON document that does not parse, a CSV without a
// text column) ends the file with one such problem.
import { isAscii } from 'node:buffer';
import { open, readFile, stat } from 'node:fs/promises';
import { InputError, type Conversation } from '../core/types.js';
import type { SourceDocument } from './format.js';
import type { SourceFormat } from './registry.js';
import { decodeBytes, detectEncoding, fileError, iconv, readTextFile, type SourceEncoding, type DetectedEncoding } from './encoding.js';
import type { InputOptions, SourceInput } from './format.js';
import { linesOfFile, linesOfString } from './lines.js';
import { problemOf } from './messages.js';
import { LineMap } from './positions.js';
import { binaryFormatOf, detectFormat, inputFormat } from './registry.js';

export type { InputFormat, InputOptions, LibraryFormat, MessageField, SourceDocument, SourceInput } from './format.js';
export type { SourceFormat } from './registry.js';
export {
  binaryFormatOf,
  detectFormat,
  inputFormat,
  isSourceFormat,
  FIXABLE_FORMATS,
  INPUT_FORMATS,
  SOURCE_EXTENSIONS,
  SOURCE_FORMATS,
  TEXT_FORMATS,
} from './registry.js';
export { parseTime, timeline } from './time.js';

export type { SourceEncoding, DecodedText } from './encoding.js';
export { decodeBytes, encodeText, readTextFile, parseEncodingName, SOURCE_ENCODINGS } from './encoding.js';
export { parseRole } from './roles.js';
export { OffsetMap, LineMap } from './positions.js';

/** A SourceDocument read from a file, with what is needed to write the file back unchanged. */
export interface SourceFile extends SourceDocument {
  encoding: SourceEncoding;
  bom: boolean;
}

export interface OpenOptions {
  format?: SourceFormat | 'auto';
  encoding?: SourceEncoding | 'auto';
  /** How the exports name their columns and roles (the config's `input`). */
  input?: InputOptions;
}

const SAMPLE = 64 * 1024;
const MAX_SAMPLE = 4 * 1024 * 1024;

/**
 * The conversations of a reader, read again on each iteration. An InputError that stops the
 * reader becomes a last conversation holding it as a problem, so the run goes on with other files.
 * An iterator written out rather than an async generator around the reader's: one generator
 * layer less per conversation and per file (reading 5,000 small transcripts: 75 → 56 ms CPU, measured).
 * Classes rather than an object literal with a computed (symbol) key and closures: made per file,
 * those cost ~2 µs each (5,000 small transcripts: ~10 ms, measured).
 */
function reiterable(path: string, make: () => AsyncIterable<Conversation>, lineMap?: () => Promise<LineMap>): AsyncIterable<Conversation> {
  return new Reiterable(path, make, lineMap);
}

class Reiterable implements AsyncIterable<Conversation> {
  constructor(
    private readonly path: string,
    private readonly make: () => AsyncIterable<Conversation>,
    private readonly lineMap: (() => Promise<LineMap>) | undefined,
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<Conversation> {
    return new ReaderIterator(this.path, this.make, this.lineMap);
  }
}

const end = (): IteratorReturnResult<undefined> => ({ done: true, value: undefined });

class ReaderIterator implements AsyncIterator<Conversation> {
  private reader: AsyncIterator<Conversation> | undefined;
  private done = false;
  constructor(
    private readonly path: string,
    private readonly make: () => AsyncIterable<Conversation>,
    private readonly lineMap: (() => Promise<LineMap>) | undefined,
  ) {}

  async next(): Promise<IteratorResult<Conversation>> {
    if (this.done) return end();
    try {
      const r = await (this.reader ??= this.make()[Symbol.asyncIterator]()).next();
      if (r.done) this.done = true;
      return r;
    } catch (err) {
      this.done = true;
      if (!(err instanceof InputError) || (err.file !== undefined && err.file !== this.path)) throw err;
      // The error's line and column are in the decoded text: its offset is found there.
      const lines = err.line !== undefined && this.lineMap ? await this.lineMap().catch(() => undefined) : undefined;
      return { done: false, value: problemOf(err, { line: 1, column: 1, offset: 0 }, lines) };
    }
  }

  /** A consumer that stops early (break) closes the reader, and so its file. */
  async return(): Promise<IteratorResult<Conversation>> {
    if (!this.done && this.reader) {
      this.done = true;
      await this.reader.return?.();
    }
    this.done = true;
    return end();
  }
}

/** Read the start of a file: 64 KiB, or more (up to 4 MiB) while it is all ASCII. */
async function readHead(path: string): Promise<{ sample: Buffer; complete: boolean }> {
  // Opening a FIFO blocks until something writes to it, and reading at a position then fails
  // (ESPIPE): only regular files are opened. Pipes go to stdin (-).
  const kind = await stat(path).catch((err: unknown) => {
    throw fileError(err, path);
  });
  if (!kind.isFile() && !kind.isDirectory()) {
    throw new InputError(
      `is not a regular file (${kind.isFIFO() ? 'a named pipe' : kind.isSocket() ? 'a socket' : 'a device'})`,
      path,
      undefined,
      undefined,
      'aslint reads files; send a stream to its standard input instead: … | aslint lint - --stdin-format jsonl',
    );
  }
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw fileError(err, path);
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw fileError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), path);
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = total === 0 ? SAMPLE : Math.min(total, MAX_SAMPLE - total);
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await fh.read(buf, 0, want, total);
      const got = buf.subarray(0, bytesRead);
      parts.push(got);
      total += bytesRead;
      if (bytesRead < want) return { sample: Buffer.concat(parts), complete: true };
      // Only the bytes just read are looked at, natively, and the parts joined once: an ASCII file
      // rejoined and searched byte by byte at every step cost ~40 ms to open (9 MiB, measured).
      if (total >= MAX_SAMPLE || !isAscii(got)) return { sample: Buffer.concat(parts), complete: false };
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fileError(err, path);
  } finally {
    await fh.close();
  }
}

function decodeHead(sample: Buffer, enc: DetectedEncoding): string {
  const body = sample.subarray(enc.bomLength);
  switch (enc.encoding) {
    case 'utf-8':
      return body.toString('utf8');
    case 'utf-16le':
    case 'utf-16be':
      return new TextDecoder(enc.encoding, { ignoreBOM: true }).decode(body.subarray(0, body.length & ~1));
    default:
      return iconv().decode(body, enc.encoding);
  }
}

/** Open a source file. */
export async function openSource(path: string, options: OpenOptions = {}): Promise<SourceFile> {
  const named = options.format && options.format !== 'auto' ? inputFormat(options.format) : binaryFormatOf(path);
  if (named?.binary) {
    const input: SourceInput = {
      path,
      lines: () => {
        throw new InputError(`${named.name} is not a text format`, path);
      },
      text: () => Promise.reject(new InputError(`${named.name} is not a text format`, path)),
      bytes: () => readFile(path).catch((err: unknown) => Promise.reject(fileError(err, path))),
    };
    return { path, format: named.name, encoding: 'utf-8', bom: false, conversations: reiterable(path, () => named.read(input, options.input ?? {})) };
  }
  const { sample, complete } = await readHead(path);
  let enc: DetectedEncoding;
  if (options.encoding && options.encoding !== 'auto') {
    const bom = detectBom(sample);
    enc = { encoding: options.encoding, bomLength: bom && bom.encoding === options.encoding ? bom.bomLength : 0 };
  } else enc = detectEncoding(sample, complete, path);
  const format = named ?? inputFormat(detectFormat(path, decodeHead(sample, enc)));
  const input: SourceInput = {
    path,
    lines: () => linesOfFile(path, enc),
    text: async () => (await readTextFile(path, enc.encoding)).text,
    bytes: () => readFile(path),
  };
  return {
    path,
    format: format.name,
    encoding: enc.encoding,
    bom: enc.bomLength > 0,
    conversations: reiterable(
      path,
      () => format.read(input, options.input ?? {}),
      async () => new LineMap(await input.text()),
    ),
  };
}

function detectBom(sample: Buffer): DetectedEncoding | undefined {
  try {
    const d = detectEncoding(sample.subarray(0, 3), false, '');
    return d.bomLength ? d : undefined;
  } catch {
    return undefined;
  }
}

/** A source from text already in memory (stdin: path `<stdin>`). A leading BOM is dropped. */
export function openText(path: string, text: string, format: SourceFormat, input: InputOptions = {}): SourceDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const f = inputFormat(format);
  if (f.binary) throw new InputError(`${format} can't be read from text`, path, undefined, undefined, 'give the file itself');
  const source: SourceInput = {
    path,
    lines: () => linesOfString(body),
    text: () => Promise.resolve(body),
    bytes: () => Promise.resolve(Buffer.from(body, 'utf8')),
  };
  return {
    path,
    format,
    conversations: reiterable(
      path,
      () => f.read(source, input),
      async () => new LineMap(body),
    ),
  };
}

/** Decode stdin bytes (any supported encoding) to text for openText. */
export function decodeStdin(bytes: Uint8Array): string {
  return decodeBytes(bytes, '<stdin>').text;
}

/**
 * A part of a JSONL file already in memory, made of whole lines, that starts at `start` in the
 * file: its positions and default ids are those of the whole file. (The runner splits large
 * JSONL files into such parts for worker threads.)
 */
export function openJsonlPart(path: string, text: string, start: { line: number; offset: number }, input: InputOptions = {}): SourceDocument {
  const source: SourceInput = {
    path,
    lines: () => linesOfString(text, start),
    text: () => Promise.resolve(text),
    bytes: () => Promise.resolve(Buffer.from(text, 'utf8')),
  };
  return {
    path,
    format: 'jsonl',
    conversations: reiterable(
      path,
      () => inputFormat('jsonl').read(source, input),
      async () => new LineMap(text, start.line, start.offset),
    ),
  };
}
