import stringWidth from 'string-width';

const MAX_WIDTH = 76;

/**
 * The utterance line that holds a span, and a marker line under the span. Widths are display
 * columns (a CJK character takes two), so the marker sits under the span in a terminal.
 */
export function codeFrame(utterance: string, start: number, end: number): { line: string; marker: string } {
  const lineStart = utterance.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = utterance.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = utterance.length;
  const spanEnd = Math.min(Math.max(end, start + 1), lineEnd);
  let before = utterance.slice(lineStart, start).replace(/\t/g, ' ');
  const span = utterance.slice(start, spanEnd).replace(/\t/g, ' ');
  let after = utterance.slice(spanEnd, lineEnd).replace(/\t/g, ' ').replace(/\r$/, '');
  // Keep the span in view on long lines: trim the context on both sides.
  while (stringWidth(before) + stringWidth(span) + stringWidth(after) > MAX_WIDTH && stringWidth(before) > 12) {
    before = '…' + [...before].slice(2).join('');
  }
  while (stringWidth(before) + stringWidth(span) + stringWidth(after) > MAX_WIDTH && after.length > 1) {
    after = [...after].slice(0, -2).join('') + '…';
  }
  const marker = ' '.repeat(stringWidth(before)) + '^'.repeat(Math.max(1, stringWidth(span)));
  return { line: before + span + after, marker };
}
