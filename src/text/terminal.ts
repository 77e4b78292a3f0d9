// Text from transcripts on its way to a terminal.
//
// Transcripts are untrusted: an ESC sequence in a chat message could clear the screen, retitle the
// window or plant an OSC 8 link when stylish prints it. Every control character (C0, DEL, C1)
// and the bidirectional overrides that reorder what is shown are printed as visible escapes.
//
// Widths: string-width is the library for display columns, but measured here it is quadratic on
// long strings (10,000 characters: 0.6 s; 40,000: 14 s). Its result is additive over grapheme
// clusters, so long strings are measured in slices cut before characters that always start a
// cluster (printable ASCII and CJK ideographs: never Extend, ZWJ or SpacingMark).
import stringWidth from 'string-width';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with control and bidi-control characters written as visible escapes (\x1b, \u202e). */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const SLICE = 256;

function startsCluster(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0x4e00 && code <= 0x9fff);
}

/** Text followed by spaces up to a number of display columns (for aligned tables). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Characters that are a grapheme cluster each when they stand among their own kind (Grapheme_
 * Cluster_Break Other: never Extend, ZWJ, SpacingMark, Prepend or a regional indicator):
 * printable ASCII, CJK ideographs, CJK and general punctuation, full-width forms. Text made of
 * them is measured a character at a time, each character's width asked of string-width once: it
 * costs string-width ~0.1 ms a cluster (it builds its emoji regex for each), which made the
 * stylish report of a 4 MiB export (27k findings) take 2.9 s of its 6.5 s in string-width.
 */
function standsAlone(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3000 && code <= 0x3029) ||
    (code >= 0x3030 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x205e)
  );
}

/** string-width of a character that stands alone, by its code (0xff: not asked yet). */
const charWidths = new Uint8Array(0x10000).fill(0xff);

function charWidth(code: number): number {
  let w = charWidths[code]!;
  if (w === 0xff) charWidths[code] = w = stringWidth(String.fromCharCode(code));
  return w;
}

/**
 * Display columns of a text in a terminal (a CJK character takes two), in linear time: the same
 * number as string-width's. A character that stands alone between two of its kind is one cluster
 * and is counted by itself; the rest (emoji, combining marks and their neighbours) is measured by
 * string-width in pieces that start and end at cluster boundaries.
 */
export function displayWidth(text: string): number {
  // string-width strips ANSI escapes first, whose letters would otherwise count.
  if (text.includes('\u001b') || text.includes('\u009b')) return measuredWidth(text);
  let width = 0;
  let other = -1;
  for (let i = 0; i < text.length; i++) {
    const alone =
      standsAlone(text.charCodeAt(i)) && (i === 0 || standsAlone(text.charCodeAt(i - 1))) && (i + 1 === text.length || standsAlone(text.charCodeAt(i + 1)));
    if (!alone) {
      if (other < 0) other = i;
      continue;
    }
    if (other >= 0) {
      width += measuredWidth(text.slice(other, i));
      other = -1;
    }
    width += charWidth(text.charCodeAt(i));
  }
  return other >= 0 ? width + measuredWidth(text.slice(other)) : width;
}

/** string-width's display columns, a long text in slices (see the top of this file). */
function measuredWidth(text: string): number {
  if (text.length <= SLICE) return stringWidth(text);
  let width = 0;
  let from = 0;
  for (let i = SLICE; i < text.length; i++) {
    if (i - from >= SLICE && startsCluster(text.charCodeAt(i))) {
      width += stringWidth(text.slice(from, i));
      from = i;
    }
  }
  return width + stringWidth(text.slice(from));
}
