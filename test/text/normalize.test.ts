import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, normalizeText } from '../../src/text/normalize.js';

// Characters from every family the normalizer treats differently.
const ALPHABET = [
  ...'退货款换修包保价这不归我管软件联系',
  ...'退貨換歸軟體聯繫說説裡裏麵',
  ...'ＡＢＣａｂｃ０１２！？　',
  ...'AbcXYZ019 .,!?',
  '😀',
  '👍🏽',
  '𠮷',
  '𡈽',
  '\u{2F81A}',
  ...'İſK', // case folds that change length stay as they are
];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join(''));

describe('normalize', () => {
  it('folds full-width, case and Traditional characters', () => {
    expect(normalizeText('ＡＢＣ　退貨，這不歸我管！Sorry')).toBe('abc 退货,这不归我管!sorry');
    expect(normalizeText('説明書')).toBe('说明书');
    // Standard Simplified characters keep their form even where a regional table lists an old one.
    expect(normalizeText('什么 什麼 吃 台灣 臺灣')).toBe('什么 什么 吃 台湾 台湾');
  });

  it('keeps the text as it is when nothing folds', () => {
    const { norm, map } = normalize('退货😀ok');
    expect(norm).toBe('退货😀ok');
    // The low half of a surrogate pair maps to the start of its character.
    expect([...map]).toEqual([0, 1, 2, 2, 4, 5, 6]);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(text, (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
  });

  it('maps every match on normalized text back to exactly the original substring', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const { norm, map } = normalize(s);
        expect(map.length).toBe(norm.length + 1);
        // A pattern cut from the original on code point boundaries, as a rule would write it.
        const cps = [...s];
        const from = cps.length ? a % cps.length : 0;
        const to = from + (cps.length ? b % (cps.length - from + 1) : 0);
        const pattern = normalizeText(cps.slice(from, to).join(''));
        if (pattern.length === 0) return;
        for (let at = norm.indexOf(pattern); at >= 0; at = norm.indexOf(pattern, at + 1)) {
          const original = s.slice(map[at], map[at + pattern.length]);
          expect(normalizeText(original)).toBe(pattern);
          // Never a broken surrogate pair at either end.
          expect(original).toBe([...original].join(''));
          expect(/^[\udc00-\udfff]/.test(original)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('makes no offset map when offsets stay, and gives the same one when asked', () => {
    const n = normalize('ＡＢ退貨，ok');
    expect(n.norm).toBe('ab退货,ok');
    expect(n.original(3)).toBe(3);
    expect([...n.map]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(n.map).toBe(n.map);
    // a character that folds to an astral one, or a surrogate pair, takes the path with a map
    expect(normalize('a😀Ｂ').original(3)).toBe(3);
    expect([...normalize('a😀Ｂ').map]).toEqual([0, 1, 1, 3, 4]);
  });

  it('folds any text as it folds each of its characters, whatever comes before the first that folds', () => {
    expect(normalizeText('这不归我管，說')).toBe('这不归我管,说');
    expect(normalizeText('这不归我管😀說')).toBe('这不归我管😀说');
    fc.assert(
      fc.property(text, text, (unchanged, rest) => {
        const s = unchanged.replace(/[^这不我管软件联系bc019 ]/gu, '') + rest;
        expect(normalizeText(s)).toBe([...s].map((ch) => normalizeText(ch)).join(''));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds long text as it folds each of its characters (the reused buffer grows)', () => {
    expect(normalizeText('Ａ退貨'.repeat(3000))).toBe('a退货'.repeat(3000));
    expect(normalizeText('Ｂ說'.repeat(20000))).toBe('b说'.repeat(20000));
    fc.assert(
      fc.property(fc.array(text, { minLength: 50, maxLength: 300 }), (parts) => {
        // with astral characters (the path with a map) and without them (the path without)
        for (const long of [parts.join(''), parts.join('').replace(/[\ud800-\udfff]/g, '')]) {
          expect(normalizeText(long)).toBe([...long].map((ch) => normalizeText(ch)).join(''));
        }
        expect(normalizeText('ok')).toBe('ok');
      }),
      { numRuns: 50 },
    );
  });
});
