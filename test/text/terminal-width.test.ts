// displayWidth counts characters that stand alone itself (src/text/terminal.ts): it must give
// string-width's number for any text, whatever joins clusters next to those characters.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/terminal.js';

/** Pieces that stand alone, and pieces that join or change clusters next to them. */
const PIECES = [
  'a',
  ' ',
  '~',
  '中',
  '退',
  '㐀',
  '，',
  '。',
  '、',
  '「',
  '」',
  '〰',
  '〽',
  '！',
  '～',
  '“',
  '”',
  '…',
  '‰',
  '\u3000',
  // Joining and zero-width: combining marks, ZWJ, variation selectors, Hangul jamo, a Prepend, regional indicators.
  '\u0301',
  '\u302a',
  '\u200d',
  '\ufe0f',
  '\ufe0e',
  '\u1100',
  '\u1161',
  '\u11a8',
  '\u0600',
  '\u0903',
  '🇨',
  '🇳',
  // Emoji, astral ideographs, controls and ANSI escapes (which string-width strips).
  '👍',
  '🏽',
  '👨‍👩‍👧',
  '❤️',
  '𠀀',
  '\u0007',
  '\t',
  '\u001b[31m',
  '\u001b[0m',
  '\u009b1m',
  '\u200b',
  '\u00ad',
  'é',
];
const text = (maxLength: number) => fc.array(fc.constantFrom(...PIECES), { maxLength }).map((parts) => parts.join(''));

describe('displayWidth', () => {
  it('is string-width on any mix of characters that stand alone and ones that join', () => {
    fc.assert(
      fc.property(text(40), (s) => displayWidth(s) === stringWidth(s)),
      { numRuns: 3000 },
    );
  });

  it('is string-width on long texts (measured in slices)', () => {
    fc.assert(
      fc.property(text(600), (s) => displayWidth(s) === stringWidth(s)),
      { numRuns: 100 },
    );
  });

  it('counts plain chat text: two columns a CJK character or full-width mark, one an ASCII one', () => {
    expect(displayWidth('您好，请问有什么可以帮您？ OK')).toBe(2 * 13 + 3);
    expect(displayWidth('c3 · turn 4 · agent 小美')).toBe(stringWidth('c3 · turn 4 · agent 小美'));
  });
});
