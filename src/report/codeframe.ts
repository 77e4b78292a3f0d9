import { displayWidth as stringWidth, escapeControl } from '../text/terminal.js';

const MAX_WIDTH = 76;
/**
 * Context kept on each side before measuring: enough for MAX_WIDTH columns even with zero-width
 * characters in it, and short enough that trimming it column by column stays cheap (an
 * 8,000-character message took 61 s when the whole line was trimmed that way).
 */
const MAX_CONTEXT = 4 * MAX_WIDTH;

/** At most `max` UTF-16 units from the end (or start) of a text, not splitting a surrogate pair, marked with … when cut. */
function clip(text: string, max: number, from: 'start' | 'end'): string {
  if (text.length <= max) return text;
  if (from === 'end') {
    let cut = text.length - max;
    if (/[\udc00-\udfff]/.test(text[cut]!)) cut++;
    return '…' + text.slice(cut);
  }
  let cut = max;
  if (/[\udc00-\udfff]/.test(text[cut]!)) cut--;
  return text.slice(0, cut) + '…';
}

/**
 * The utterance line that holds a span, and a marker line under the span. Widths are display
 * columns (a CJK character takes two), so the marker sits under the span in a terminal.
 */
export function codeFrame(utterance: string, start: number, end: number): { line: string; marker: string } {
  const lineStart = utterance.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = utterance.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = utterance.length;
  const spanEnd = Math.min(Math.max(end, start + 1), lineEnd);
  // Control characters from the transcript are shown escaped, never sent to the terminal.
  let before = escapeControl(clip(utterance.slice(lineStart, start), MAX_CONTEXT, 'end').replace(/\t/g, ' '));
  const span = escapeControl(utterance.slice(start, spanEnd).replace(/\t/g, ' '));
  let after = escapeControl(clip(utterance.slice(spanEnd, lineEnd).replace(/\r$/, ''), MAX_CONTEXT, 'start').replace(/\t/g, ' '));
  // Keep the span in view on long lines: trim the context on both sides.
  const spanWidth = stringWidth(span);
  let afterWidth = stringWidth(after);
  while (stringWidth(before) + spanWidth + afterWidth > MAX_WIDTH && stringWidth(before) > 12) {
    before = '…' + [...before].slice(2).join('');
  }
  while (stringWidth(before) + spanWidth + afterWidth > MAX_WIDTH && after.length > 1) {
    after = [...after].slice(0, -2).join('') + '…';
    afterWidth = stringWidth(after);
  }
  const marker = ' '.repeat(stringWidth(before)) + '^'.repeat(Math.max(1, spanWidth));
  return { line: before + span + after, marker };
}
