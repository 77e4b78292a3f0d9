// A small JSON parser that keeps where every value is, for exact error positions and for
// mapping string contents back to the source (JSON documents, reply libraries, a JSONL line that
// JSON.parse refuses). JSONL lines are parsed with JSON.parse (fast); where their values are is
// found, when a finding or an error needs it, by JsonIndex: a lean index of a valid line.
import { MapBuilder, OffsetMap } from './positions.js';

export type JNode =
  | { kind: 'object'; start: number; end: number; entries: JEntry[] }
  | { kind: 'array'; start: number; end: number; items: JNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'boolean'; start: number; end: number; value: boolean }
  | { kind: 'null'; start: number; end: number; value: null };

export interface JEntry {
  key: string;
  keyStart: number;
  value: JNode;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset of the error in the parsed text. */
    readonly offset: number,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const MAX_DEPTH = 2000;

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'end of input';
  if (ch === '\n' || ch === '\r') return 'end of line';
  return `'${ch}'`;
}

/** Parse `src[start, end)` as one JSON value; offsets in nodes are offsets into `src`. */
export function parseJson(src: string, start = 0, end = src.length): JNode {
  let i = start;

  const ws = (): void => {
    while (i < end) {
      const c = src.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const fail = (message: string, at: number, hint: string): never => {
    throw new JsonSyntaxError(message, at, hint);
  };
  const peek = (): string | undefined => (i < end ? src[i] : undefined);

  const value = (depth: number): JNode => {
    if (depth > MAX_DEPTH) fail('JSON nested too deeply', i, 'flatten the structure');
    ws();
    const ch = peek();
    const at = i;
    switch (ch) {
      case '{': {
        i++;
        const entries: JEntry[] = [];
        ws();
        if (peek() === '}') {
          i++;
          return { kind: 'object', start: at, end: i, entries };
        }
        for (;;) {
          ws();
          const k = peek();
          if (k !== '"') {
            if (k === '}' && entries.length) fail(`unexpected '}' after ','`, i, 'remove the trailing comma');
            fail(`expected a property name in double quotes, found ${describe(k)}`, i, 'write keys as "key": value');
          }
          const keyStart = i;
          const key = string();
          ws();
          if (peek() !== ':') fail(`expected ':' after the property name, found ${describe(peek())}`, i, 'write "key": value');
          i++;
          const v = value(depth + 1);
          entries.push({ key: key.value, keyStart, value: v });
          ws();
          const n = peek();
          if (n === ',') {
            i++;
            continue;
          }
          if (n === '}') {
            i++;
            return { kind: 'object', start: at, end: i, entries };
          }
          fail(`expected ',' or '}' after a property value, found ${describe(n)}`, i, 'separate properties with commas and close the object with }');
        }
      }
      case '[': {
        i++;
        const items: JNode[] = [];
        ws();
        if (peek() === ']') {
          i++;
          return { kind: 'array', start: at, end: i, items };
        }
        for (;;) {
          ws();
          if (peek() === ']' && items.length) fail(`unexpected ']' after ','`, i, 'remove the trailing comma');
          items.push(value(depth + 1));
          ws();
          const n = peek();
          if (n === ',') {
            i++;
            continue;
          }
          if (n === ']') {
            i++;
            return { kind: 'array', start: at, end: i, items };
          }
          fail(`expected ',' or ']' after an array item, found ${describe(n)}`, i, 'separate items with commas and close the array with ]');
        }
      }
      case '"':
        return string();
      case 't':
      case 'f':
      case 'n': {
        for (const [word, kind, v] of [
          ['true', 'boolean', true],
          ['false', 'boolean', false],
          ['null', 'null', null],
        ] as const) {
          if (src.startsWith(word, i) && i + word.length <= end) {
            i += word.length;
            return kind === 'null' ? { kind, start: at, end: i, value: null } : { kind, start: at, end: i, value: v as boolean };
          }
        }
        return fail(`unexpected ${describe(ch)}`, i, 'strings must be in double quotes');
      }
      default: {
        if (ch !== undefined && (ch === '-' || (ch >= '0' && ch <= '9'))) {
          const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
          m.lastIndex = i;
          const r = m.exec(src);
          if (!r || r[0] === '-' || r.index + r[0].length > end) fail(`invalid number`, i, 'write numbers as JSON does (no leading zeros, no trailing dot)');
          i += r![0].length;
          return { kind: 'number', start: at, end: i, value: Number(r![0]) };
        }
        if (ch === undefined) return fail('unexpected end of input', i, 'the JSON value is incomplete: close every string, array and object');
        return fail(`unexpected ${describe(ch)}`, i, ch === "'" ? 'JSON strings use double quotes' : 'fix the JSON at this place');
      }
    }
  };

  const string = (): { kind: 'string'; start: number; end: number; value: string } => {
    const at = i;
    i++;
    let j = i;
    // Fast path: no escapes.
    for (; j < end; j++) {
      const c = src.charCodeAt(j);
      if (c === 34) {
        const v = src.slice(i, j);
        i = j + 1;
        return { kind: 'string', start: at, end: i, value: v };
      }
      if (c === 92 || c < 32) break;
    }
    const d = decodeJsonString(src, at, 0, end);
    i = d.end;
    return { kind: 'string', start: at, end: i, value: d.text };
  };

  const root = value(0);
  ws();
  if (i < end) fail(`unexpected ${describe(src[i])} after the JSON value`, i, 'put one JSON value per line (JSONL) or one value per file (JSON)');
  return root;
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decode the JSON string literal whose opening quote is at `src[start]`, with a map from each
 * text offset to its offset in the source (plus `base`). Throws JsonSyntaxError when invalid.
 */
export function decodeJsonString(src: string, start: number, base = 0, end = src.length): { text: string; map: OffsetMap; end: number } {
  const b = new MapBuilder(start + 1 + base);
  let i = start + 1;
  let run = i;
  while (i < end) {
    const c = src.charCodeAt(i);
    if (c === 34) {
      b.verbatim(src.slice(run, i), run + base);
      const r = b.finish(i + base);
      return { ...r, end: i + 1 };
    }
    if (c === 92) {
      b.verbatim(src.slice(run, i), run + base);
      const e = src[i + 1];
      if (e !== undefined && SIMPLE[e] !== undefined) {
        b.escape(SIMPLE[e]!, i + base, 2);
        i += 2;
      } else if (e === 'u') {
        const hex = src.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex) || i + 6 > end)
          throw new JsonSyntaxError('invalid \\u escape: it needs 4 hex digits', i, 'write \\uXXXX with four hex digits');
        b.escape(String.fromCharCode(parseInt(hex, 16)), i + base, 6);
        i += 6;
      } else {
        throw new JsonSyntaxError(
          `invalid escape \\${e ?? ''} in a string`,
          i,
          'JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\',
        );
      }
      run = i;
      continue;
    }
    if (c < 32)
      throw new JsonSyntaxError(
        c === 10 || c === 13 ? 'unterminated string' : 'control character in a string',
        c === 10 || c === 13 ? start : i,
        c === 10 || c === 13
          ? 'close the string with " before the line ends (write a line break as \\n)'
          : 'write control characters as escapes such as \\t or \\u0001',
      );
    i++;
  }
  throw new JsonSyntaxError('unterminated string', start, 'close the string with "');
}

/**
 * Where the values of a JSON text that JSON.parse has accepted are (not checked again). One array
 * a text: each container is a block [its start, its count of children × 2 (+1 for an object), its
 * children], an object's children as pairs (where the key's opening quote is, the value); a value
 * is a scalar's start (≥ 0) or ~(the place of a container's block) (< 0). Blocks are written when
 * their container closes (children first), the children gathered on a stack shared by all texts.
 * Keys are not sliced out (they are compared in place). Measured on the 43,468 turns of a 4 MiB
 * export: an object with two arrays a container allocated 21 MB; this, 3 MB. (Indexing a line
 * measured twice as fast as parsing it again with parseJson; a class with the cursor in a field,
 * and strings skipped by a char loop, faster than closures or indexOf: chat texts are short.)
 */
export class JsonIndex {
  private constructor(
    private readonly src: string,
    private readonly tape: number[],
    /** The root value. */
    readonly root: number,
  ) {}

  /** The index of `src`; null where parseJson would refuse it (nested deeper than MAX_DEPTH). */
  static of(src: string): JsonIndex | null {
    const b = new IndexBuilder(src);
    const root = b.value(0);
    // Copied out at its size: a tape of its own grown a push at a time left ~2× its size behind.
    return b.tooDeep ? null : new JsonIndex(src, blocks.slice(0, b.written), root);
  }

  /** The value at a path (its first `length` steps) of keys and indexes, or undefined. */
  at(path: readonly (string | number)[], length = path.length): number | undefined {
    let n = this.root;
    for (let k = 0; k < length; k++) {
      if (n >= 0) return undefined;
      const p = ~n;
      const step = path[k]!;
      const shape = this.tape[p + 1]!;
      if (typeof step === 'number') {
        if (shape & 1 || step < 0 || step >= shape >> 1 || !Number.isInteger(step)) return undefined;
        n = this.tape[p + 2 + step]!;
      } else {
        const e = this.lastKey(p, step);
        if (e === -1) return undefined;
        n = this.tape[e + 1]!;
      }
    }
    return n;
  }

  /** Where a value starts. */
  start(n: number): number {
    return n >= 0 ? n : this.tape[~n]!;
  }

  /** Where the last key `name` of the object `n` starts (its opening quote; JSON.parse keeps the last of duplicates), or -1. */
  keyStart(n: number, name: string): number {
    if (n >= 0) return -1;
    const e = this.lastKey(~n, name);
    return e === -1 ? -1 : this.tape[e]!;
  }

  /** The place in the tape of the pair of the last key `name` of the block at `p`, or -1 (an array: -1). */
  private lastKey(p: number, name: string): number {
    const shape = this.tape[p + 1]!;
    if (!(shape & 1)) return -1;
    for (let e = p + shape + 1 - 2; e >= p + 2; e -= 2) if (keyIs(this.src, this.tape[e]!, name)) return e;
    return -1;
  }
}

/**
 * The children of the containers being indexed, and the blocks written: shared, as a text's index
 * is built before the next one's, and filled up to a count of the builder's (setting an array's
 * length to 0 drops its storage: it would grow again for every text).
 */
const pending: number[] = [];
const blocks: number[] = [];

class IndexBuilder {
  private i = 0;
  private gathered = 0;
  /** The length of the tape written in `blocks`. */
  written = 0;
  tooDeep = false;
  constructor(private readonly src: string) {}

  /** A value: a scalar's start, or ~(its block). */
  value(depth: number): number {
    if (depth > MAX_DEPTH) {
      this.tooDeep = true;
      return 0;
    }
    this.ws();
    const src = this.src;
    const at = this.i;
    const c = src.charCodeAt(at);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const object = c === 123;
      const base = this.gathered;
      this.i++;
      this.ws();
      if (src.charCodeAt(this.i) === (object ? 125 : 93)) this.i++;
      else
        for (;;) {
          if (object) {
            this.ws();
            pending[this.gathered++] = this.i;
            this.string();
            this.ws();
            this.i++; // ':'
          }
          const child = this.value(depth + 1);
          if (this.tooDeep) return 0;
          pending[this.gathered++] = child;
          this.ws();
          if (src.charCodeAt(this.i++) !== 44 /* , */) break; // it was the closing bracket
        }
      const p = this.written;
      const n = this.gathered - base;
      blocks[p] = at;
      blocks[p + 1] = object ? n + 1 : n * 2;
      for (let k = 0; k < n; k++) blocks[p + 2 + k] = pending[base + k]!;
      this.written = p + 2 + n;
      this.gathered = base;
      return ~p;
    }
    if (c === 34) this.string();
    else {
      // a number, true, false or null: up to a separator, a closing bracket or white space
      let i = this.i;
      for (
        let d = src.charCodeAt(i);
        i < src.length && d !== 44 && d !== 93 && d !== 125 && d !== 32 && d !== 9 && d !== 10 && d !== 13;
        d = src.charCodeAt(++i)
      );
      this.i = i;
    }
    return at;
  }

  private ws(): void {
    const src = this.src;
    let i = this.i;
    for (let c = src.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = src.charCodeAt(++i));
    this.i = i;
  }

  /** Past the string literal whose opening quote is at the cursor. */
  private string(): void {
    this.i = stringEnd(this.src, this.i);
  }
}

/** The offset after the closing quote of the (valid) string literal that starts at `src[at]`. */
function stringEnd(src: string, at: number): number {
  for (let j = at + 1; j < src.length; j++) {
    const c = src.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92) j++; // an escape: skip the escaped character
  }
  return src.length;
}

/** Whether the key whose opening quote is at `src[at]` is `name` (decoded). */
function keyIs(src: string, at: number, name: string): boolean {
  // The key as written: a name without a backslash, followed by the closing quote, is the raw key.
  if (src.startsWith(name, at + 1) && src.charCodeAt(at + 1 + name.length) === 34 && !name.includes('\\')) return true;
  const end = stringEnd(src, at);
  return src.lastIndexOf('\\', end - 2) > at && JSON.parse(src.slice(at, end)) === name;
}
