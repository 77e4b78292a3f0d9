// A small JSON parser that keeps where every value is, for exact error positions and for
// mapping string contents back to the source (JSON documents, reply libraries, a JSONL line that
// JSON.parse refuses). JSONL lines are parsed with JSON.parse (fast); where their values are is
// found, when a finding or an error needs it, by indexJson: a lean index of a valid line.
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
 * A container of a JSON text that JSON.parse has accepted: where its children are. A scalar is
 * only its start offset, and keys are not sliced out (they are compared in place), so indexing
 * a line allocates per object and array, not per value.
 */
export interface JsonSpot {
  start: number;
  /** Where an object's keys start (their opening quote); null for an array. */
  keyStarts: number[] | null;
  /** Each child: a container, or a scalar's start offset. */
  children: (JsonSpot | number)[];
}

/**
 * Where the values of `src` (one JSON value, already accepted by JSON.parse, so not checked
 * again) are; null where parseJson would refuse it (nested deeper than MAX_DEPTH). JSONL lines'
 * texts are located with this instead of parseJson. Measured on the 5,127 lines of a 4 MiB
 * export (CPU): parseJson 26 ms, this 13 ms (JSON.parse itself 19 ms). A class with the cursor in a
 * field, and strings skipped by a char loop, measured faster than closures or indexOf here
 * (chat texts are short).
 */
export function indexJson(src: string): JsonSpot | number | null {
  return new JsonIndexer(src).value(0);
}

class JsonIndexer {
  private i = 0;
  constructor(private readonly src: string) {}

  /** A container, a scalar's start, or null when nested too deep. */
  value(depth: number): JsonSpot | number | null {
    if (depth > MAX_DEPTH) return null;
    this.ws();
    const src = this.src;
    const at = this.i;
    const c = src.charCodeAt(at);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const object = c === 123;
      const spot: JsonSpot = { start: at, keyStarts: object ? [] : null, children: [] };
      this.i++;
      this.ws();
      if (src.charCodeAt(this.i) === (object ? 125 : 93)) {
        this.i++;
        return spot;
      }
      for (;;) {
        if (object) {
          this.ws();
          spot.keyStarts!.push(this.i);
          this.string();
          this.ws();
          this.i++; // ':'
        }
        const child = this.value(depth + 1);
        if (child === null) return null;
        spot.children.push(child);
        this.ws();
        if (src.charCodeAt(this.i++) !== 44 /* , */) return spot; // it was the closing bracket
      }
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

/** The index of the last key of `spot` that is `name` (JSON.parse keeps the last of duplicate keys), or -1. */
export function lastKeyIndex(src: string, spot: JsonSpot, name: string): number {
  const starts = spot.keyStarts;
  if (starts === null) return -1;
  for (let k = starts.length - 1; k >= 0; k--) if (keyIs(src, starts[k]!, name)) return k;
  return -1;
}

/** The value of `src` at a path (its first `length` steps) of keys and indexes, from its index. */
export function spotAt(src: string, root: JsonSpot | number, path: readonly (string | number)[], length = path.length): JsonSpot | number | undefined {
  let n: JsonSpot | number | undefined = root;
  for (let k = 0; k < length; k++) {
    if (n === undefined || typeof n === 'number') return undefined;
    const step = path[k]!;
    if (typeof step === 'number') n = n.keyStarts === null ? n.children[step] : undefined;
    else n = n.children[lastKeyIndex(src, n, step)];
  }
  return n;
}

/** Where a value starts. */
export const spotStart = (n: JsonSpot | number): number => (typeof n === 'number' ? n : n.start);
