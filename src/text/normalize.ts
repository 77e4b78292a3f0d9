import { foldTable } from './chartable.js';

/** Text folded for matching, and the way back from its offsets to the original's. */
export class Normalized {
  constructor(
    readonly norm: string,
    /** Undefined when every norm offset is the same original offset (no surrogate pair, no change of length). */
    private offsets?: Uint32Array,
  ) {}

  /** map[i] = original offset of norm offset i; map[norm.length] = original length. */
  get map(): Uint32Array {
    if (!this.offsets) {
      this.offsets = new Uint32Array(this.norm.length + 1);
      for (let i = 0; i <= this.norm.length; i++) this.offsets[i] = i;
    }
    return this.offsets;
  }

  /** The original offset of norm offset i (map[i], without making the map when it is the identity). */
  original(i: number): number {
    return this.offsets ? this.offsets[i]! : i;
  }
}

/** Folded text as UTF-16LE bytes, reused from one call to the next (grown as needed). */
let foldedBytes = Buffer.alloc(2048);

/**
 * Folds text per code point: full-width → half-width, Latin lower case, Traditional →
 * Simplified. A code point never becomes more than one, so every norm offset maps back to the
 * start of the original character it came from.
 */
export function normalize(text: string): Normalized {
  // The common case, text of BMP characters that fold to BMP characters, keeps every offset:
  // no offset map, and the folded code units are decoded once. Measured on the 43k utterances
  // of a 4 MiB export: 60 ms → 14 ms (the two typed arrays the general path makes per call
  // cost more than the folding). The folded code units are decoded by Buffer: fromCharCode.apply
  // over a typed array was as fast but allocated three times as much (a view and its arguments).
  const { bmp } = foldTable();
  const n = text.length;
  // Up to the first character that folds, the text is its own normal form; from there on each
  // character is looked up once and written folded (a first pass to find out whether anything
  // folds, then a second to fold, read each text twice: measured 12 → 10 ms on the 43k
  // utterances of a 4 MiB export, 85 % of which fold).
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return normalizeWithMap(text);
    if (bmp[c] !== 0) break;
  }
  if (i === n) return new Normalized(text);
  if (foldedBytes.length < 2 * n) foldedBytes = Buffer.alloc(Math.max(2 * n, 2 * foldedBytes.length));
  for (let k = 0; k < i; k++) {
    const c = text.charCodeAt(k);
    foldedBytes[2 * k] = c & 0xff;
    foldedBytes[2 * k + 1] = c >>> 8;
  }
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return normalizeWithMap(text);
    const f = bmp[c]! || c;
    if (f > 0xffff) return normalizeWithMap(text);
    foldedBytes[2 * i] = f & 0xff;
    foldedBytes[2 * i + 1] = f >>> 8;
  }
  return new Normalized(foldedBytes.toString('utf16le', 0, 2 * n));
}

/** normalize() for text with surrogates or characters that fold to another length: with an offset map. */
function normalizeWithMap(text: string): Normalized {
  const { bmp, astral } = foldTable();
  const n = text.length;
  // A BMP character may fold to an astral one, so norm can be longer than text.
  const map = new Uint32Array(2 * n + 1);
  let out: string;
  let changed = false;
  let j = 0;
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const folded = width === 1 ? bmp[c]! : (astral.get(cp) ?? 0);
    if (folded === 0) {
      map[j] = i;
      if (width === 2) map[j + 1] = i;
      j += width;
    } else {
      if (!changed) changed = true;
      parts.push(text.slice(runStart, i));
      const s = String.fromCodePoint(folded);
      parts.push(s);
      runStart = i + width;
      map[j] = i;
      if (s.length === 2) map[j + 1] = i;
      j += s.length;
    }
    i += width;
  }
  if (changed) {
    parts.push(text.slice(runStart));
    out = parts.join('');
  } else {
    out = text;
  }
  map[j] = n;
  return new Normalized(out, map.subarray(0, j + 1));
}

/** The normalized form alone, for patterns. */
export function normalizeText(text: string): string {
  return normalize(text).norm;
}

/**
 * A rule regex made to match normalized text whatever script it was written in: its CJK
 * characters are folded as text is. ASCII stays as it is (so \D or \S keep their meaning),
 * and so does any character that would fold to ASCII (full-width ＋ must not become +).
 */
export function normalizeRegexSource(source: string): string {
  return source.replace(/[^\x00-\x7f]/gu, (ch) => {
    const folded = normalizeText(ch);
    return /^[\x00-\x7f]*$/.test(folded) ? ch : folded;
  });
}
