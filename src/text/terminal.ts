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

/** Display columns of a text in a terminal (a CJK character takes two), in linear time. */
export function displayWidth(text: string): number {
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
