// A streaming line reader that keeps exact offsets. Node's readline is not used: it drops the
// line terminator (so "\r\n" and "\n" can't be told apart and offsets drift) and treats a lone
// "\r" as a line end. Here a line ends at "\n"; a "\r" just before it belongs to the terminator.
//
// For UTF-8, GB18030 and Big5 the file is split at 0x0A bytes, which never occur inside a
// multi-byte character of those encodings, and each block of whole lines is decoded at once.
// UTF-16 is decoded with a streaming TextDecoder. Memory stays at about one read chunk plus
// the longest line.
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { InputError } from '../core/types.js';
import { checkLegacyText, fileError, iconv, invalidUtf8Error, type DetectedEncoding } from './encoding.js';

export interface Line {
  /** The line's text without its terminator. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** UTF-16 offset of the line's start in the decoded file text (after the BOM). */
  offset: number;
  /** Set when the line has bytes its encoding cannot decode (its text then has U+FFFD there). */
  invalid?: UndecodableLine;
}

/** What is wrong with a line that could not be decoded, for the unreadable-record finding. */
export interface UndecodableLine {
  message: string;
  hint: string;
  /** 1-based UTF-16 column of the first undecodable byte. */
  column: number;
}

const CHUNK = 1 << 20;

/** Splits decoded text into lines, tracking numbers and offsets across blocks. */
class Splitter {
  constructor(
    public line = 1,
    public offset = 0,
  ) {}

  /** Lines of a block; `final` when this is the end of the text (the last line may lack "\n"). */
  split(text: string, final: boolean): { lines: Line[]; rest: string } {
    const lines: Line[] = [];
    let pos = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', pos)) {
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lines.push({ text: text.slice(pos, end), line: this.line, offset: this.offset });
      this.line++;
      this.offset += nl + 1 - pos;
      pos = nl + 1;
    }
    let rest = pos === 0 ? text : text.slice(pos);
    if (final && rest.length > 0) {
      lines.push({ text: rest, line: this.line, offset: this.offset });
      this.offset += rest.length;
      rest = '';
    }
    return { lines, rest };
  }
}

/**
 * The lines of a string (stdin, tests), in batches of about a million characters. `start`: where
 * the text begins in its file, for a part of a file (the runner's chunks of a large JSONL).
 */
export async function* linesOfString(text: string, start: { line: number; offset: number } = { line: 1, offset: 0 }): AsyncGenerator<Line[]> {
  const s = new Splitter(start.line, start.offset);
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', Math.min(text.length, pos + CHUNK));
    end = end === -1 ? text.length : end + 1;
    const { lines } = s.split(pos === 0 && end === text.length ? text : text.slice(pos, end), end === text.length);
    if (lines.length) yield lines;
    pos = end;
  }
}

/** The lines of a file, in batches (one per read chunk). */
export async function* linesOfFile(file: string, enc: DetectedEncoding): AsyncGenerator<Line[]> {
  const stream = createReadStream(file, { start: enc.bomLength, highWaterMark: CHUNK });
  const splitter = new Splitter();
  try {
    if (enc.encoding === 'utf-16le' || enc.encoding === 'utf-16be') {
      const decoder = new TextDecoder(enc.encoding, { ignoreBOM: true });
      let carry = '';
      let odd = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        odd += chunk.length;
        const { lines, rest } = splitter.split(carry + decoder.decode(chunk, { stream: true }), false);
        carry = rest;
        if (lines.length) yield lines;
      }
      if (odd % 2 !== 0) throw invalidEnd(file, splitter.line);
      const { lines } = splitter.split(carry + decoder.decode(), true);
      if (lines.length) yield lines;
      return;
    }
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
    let pending: Buffer[] = [];
    let pendingLength = 0;
    // Lines that can't be decoded are marked, not fatal: one damaged line costs only its record.
    let damaged = new Map<number, UndecodableLine>();
    const decode = (bytes: Buffer): string => {
      if (enc.encoding === 'utf-8') {
        // TextDecoder is faster than Buffer#toString for CJK text on Node 20; the bytes are whole
        // lines, so no character is cut.
        if (isUtf8(bytes)) return utf8.decode(bytes);
        damaged = damagedUtf8Lines(bytes, file, splitter.line);
        return lenientUtf8.decode(bytes);
      }
      const text = iconv().decode(bytes, enc.encoding);
      if (text.includes('\ufffd')) damaged = damagedLegacyLines(text, enc.encoding, file, splitter.line);
      return text;
    };
    const mark = (lines: Line[]): Line[] => {
      if (damaged.size === 0) return lines;
      for (const l of lines) {
        const d = damaged.get(l.line);
        if (d) l.invalid = d;
      }
      damaged = new Map();
      return lines;
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const nl = chunk.lastIndexOf(0x0a);
      if (nl === -1) {
        pending.push(chunk);
        pendingLength += chunk.length;
        continue;
      }
      const head = pendingLength ? Buffer.concat([...pending, chunk.subarray(0, nl + 1)]) : chunk.subarray(0, nl + 1);
      pending = nl + 1 < chunk.length ? [chunk.subarray(nl + 1)] : [];
      pendingLength = chunk.length - nl - 1;
      const { lines } = splitter.split(decode(head), false);
      if (lines.length) yield mark(lines);
    }
    if (pendingLength) {
      const { lines } = splitter.split(decode(Buffer.concat(pending)), true);
      if (lines.length) yield mark(lines);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fileError(err, file);
  } finally {
    stream.destroy();
  }
}

const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The lines of a block of whole lines (the first is `firstLine`) that are not valid UTF-8. */
function damagedUtf8Lines(bytes: Buffer, file: string, firstLine: number): Map<number, UndecodableLine> {
  const out = new Map<number, UndecodableLine>();
  let line = firstLine;
  for (let pos = 0; pos < bytes.length; line++) {
    let nl = bytes.indexOf(0x0a, pos);
    if (nl === -1) nl = bytes.length;
    const lineBytes = bytes.subarray(pos, nl);
    if (!isUtf8(lineBytes)) {
      const e = invalidUtf8Error(lineBytes, file, line);
      out.set(line, { message: e.message, hint: e.hint ?? '', column: e.column ?? 1 });
    }
    pos = nl + 1;
  }
  return out;
}

/** The lines of decoded GB18030/Big5 text (the first is `firstLine`) with undecodable bytes. */
function damagedLegacyLines(text: string, encoding: DetectedEncoding['encoding'], file: string, firstLine: number): Map<number, UndecodableLine> {
  const out = new Map<number, UndecodableLine>();
  text.split('\n').forEach((l, k) => {
    if (!l.includes('\ufffd')) return;
    try {
      checkLegacyText(l, encoding, file, firstLine + k);
    } catch (err) {
      const e = err as InputError;
      out.set(firstLine + k, { message: e.message, hint: e.hint ?? '', column: e.column ?? 1 });
    }
  });
  return out;
}

function invalidEnd(file: string, line: number): InputError {
  return new InputError('the UTF-16 file has an odd number of bytes', file, line, 1, 'the file is cut short or not UTF-16: save it again as UTF-8');
}
