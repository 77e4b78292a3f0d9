import { foldTable } from './chartable.js';

/** Text folded for matching, and for each of its UTF-16 offsets the offset in the original. */
export interface Normalized {
  norm: string;
  /** map[i] = original offset of norm offset i; map[norm.length] = original length. */
  map: Uint32Array;
}

/**
 * Folds text per code point: full-width → half-width, Latin lower case, Traditional →
 * Simplified. A code point never becomes more than one, so every norm offset maps back to the
 * start of the original character it came from.
 */
export function normalize(text: string): Normalized {
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
  return { norm: out, map: map.subarray(0, j + 1) };
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
