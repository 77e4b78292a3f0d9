// The scan of one utterance: exact hits of gapped phrases, guards, Latin and word edges and
// regexes, in text order and in original offsets; and, on random text, exactly the hits of the
// plain reference scan (scan-reference.ts), which the allocation-free scan replaced.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Utterance } from '../../src/core/types.js';
import { PatternSet, type CompiledPatterns } from '../../src/match/patterns.js';
import { isClauseEnd, isSpace, scanUnit, type UnitScan } from '../../src/match/scan.js';
import { Segmenter } from '../../src/text/segment.js';
import { referenceScan, type ReferenceScan } from './scan-reference.js';
import { growth, LINEAR_BOUND } from '../hostile/scaling.js';

const utterance = (text: string): Utterance => ({
  id: 'u',
  conversationId: null,
  index: null,
  role: 'agent',
  text,
  locate: (i) => ({ line: 1, column: i + 1, offset: i }),
});

/** Rules 0–8 and their slots, each exercising one part of the scan. */
const SLOTS: [number, string][] = [
  [0, 'match'],
  [1, 'match'],
  [1, 'except'],
  [2, 'match'],
  [3, 'if'],
  [3, 'unless'],
  [4, 'term'],
  [5, 'match'],
  [6, 'match'],
  [7, 'match'],
  [8, 'match'],
];

async function compile(): Promise<CompiledPatterns> {
  const set = new PatternSet();
  // gapped phrases; one piece of a phrase shared with another phrase
  set.addPhrase(0, 'match', '还…没…发');
  set.addPhrase(0, 'match', '退款');
  set.addPhrase(0, 'match', { phrase: '退…款', gap: 1 });
  // a guard before, and an except slot of the same rule
  set.addPhrase(1, 'match', { phrase: '能退', 'not-after': ['$negation'] });
  set.addPhrase(1, 'except', '能退款');
  // Latin words and a stem
  set.addPhrase(2, 'match', 'no');
  set.addPhrase(2, 'match', 'apologi*');
  set.addPhrase(2, 'match', "don't");
  // word-boundary edges (a one-character phrase), and a clause guard
  set.addPhrase(3, 'if', '亲');
  set.addPhrase(3, 'if', { phrase: '发货', unless: ['$hypothetical'] });
  set.addPhrase(3, 'unless', '您好');
  // a Latin gapped phrase with a guard after it
  set.addPhrase(4, 'term', { phrase: 'refund…today', gap: 2, 'not-before': ['please'] });
  // regexes: gated by a group of alternatives (day, hour), gated by a literal, guarded, and an ungated one that matches empty strings
  set.addRegex(5, 'match', /[0-9]+ ?(?:days?|hours?)/gu);
  set.addRegex(6, 'match', /退(?:款|货)/gu, { 'not-after': ['不'] });
  set.addRegex(7, 'match', /x*/gu);
  // a gapped phrase, and a gapped guard, whose last piece has two regional forms (软件, 软体; 打印, 列印)
  set.addPhrase(8, 'match', { phrase: '下载…软件', 'not-after': ['请…打印'] });
  return set.compile();
}

let patterns: CompiledPatterns;
let segmenter: Segmenter;
beforeAll(async () => {
  patterns = await compile();
  segmenter = new Segmenter(patterns.words);
});

/** Every slot's hits as `text@start-end`, original offsets. */
function hits(text: string): Record<string, string[]> {
  const scan = scanUnit(utterance(text), patterns, segmenter);
  const found: Record<string, string[]> = {};
  for (const [rule, slot] of SLOTS) {
    const list = scan.get(rule, slot).map((h) => `${text.slice(h.start, h.end)}@${h.start}-${h.end}`);
    if (list.length > 0) found[`${rule} ${slot}`] = list;
  }
  return found;
}

describe('scanUnit', () => {
  it('joins the pieces of a gapped phrase within its gap and its clause', () => {
    expect(hits('我的还是没有发出')).toEqual({ '0 match': ['还是没有发@2-7'] });
    // the gap between 没 and 发 is too long (5 characters), or crosses a clause end
    expect(hits('还没有办法马上就发')).toEqual({});
    expect(hits('还没。发')).toEqual({});
    expect(hits('退了款 退款')).toEqual({ '0 match': ['退了款@0-3', '退款@4-6', '退款@4-6'], '6 match': ['退款@4-6'] });
    expect(
      scanUnit(utterance('退款'), patterns, segmenter)
        .get(0, 'match')
        .map((h) => h.phrase),
    ).toEqual(['退…款', '退款']);
  });

  it('joins a gapped phrase whose last piece occurs in any of its forms, and guards it the same way', () => {
    expect(hits('下载了软件')).toEqual({ '8 match': ['下载了软件@0-5'] });
    expect(hits('下载了软体')).toEqual({ '8 match': ['下载了软体@0-5'] });
    expect(hits('下载了')).toEqual({});
    expect(hits('请你列印下载了软体')).toEqual({});
    expect(hits('请你打印下载了软件')).toEqual({});
    expect(hits('请你打下载了软体')).toEqual({ '8 match': ['下载了软体@3-8'] });
  });

  it('drops a hit after a negation, keeps the except slot apart', () => {
    expect(hits('不能退')).toEqual({});
    expect(hits('能退')).toEqual({ '1 match': ['能退@0-2'] });
    expect(hits('不 能退款')).toEqual({ '0 match': ['退款@3-5', '退款@3-5'], '1 except': ['能退款@2-5'], '6 match': ['退款@3-5'] });
    // the regex's own guard
    expect(hits('不退货')).toEqual({});
  });

  it('matches Latin words whole, stems as prefixes, in original offsets through folding', () => {
    expect(hits('I know, no.')).toEqual({ '2 match': ['no@8-10'] });
    expect(hits('We APOLOGISE; Ｎｏ')).toEqual({ '2 match': ['APOLOGI@3-10', 'Ｎｏ@14-16'] });
    expect(hits('I don’t')).toEqual({ '2 match': ['don’t@2-7'] });
  });

  it('keeps word-boundary edges for the segmenter, and clause guards inside their clause', () => {
    expect(hits('亲，在的')).toEqual({ '3 if': ['亲@0-1'] });
    // 亲 inside the word 亲自 is not a word of its own
    expect(hits('我亲自去')).toEqual({});
    expect(hits('如果发货了')).toEqual({});
    expect(hits('如果可以。发货了')).toEqual({ '3 if': ['发货@5-7'] });
  });

  it('runs gated and ungated regexes, skips empty matches and guards the matches', () => {
    expect(hits('3 days or 12hours')).toEqual({ '5 match': ['3 days@0-6', '12hours@10-17'] });
    expect(hits('a xx b x')).toEqual({ '7 match': ['xx@2-4', 'x@7-8'] });
    expect(hits('refund it today')).toEqual({ '4 term': ['refund it today@0-15'] });
    expect(hits('refund it today please')).toEqual({});
    expect(hits('refund it all by today')).toEqual({});
  });

  it('gives every slot its hits in text order, however many (the sort for long lists)', () => {
    const text = Array.from({ length: 40 }, (_, k) => (k % 2 === 0 ? '退款' : 'x')).join(' ');
    const scan = scanUnit(utterance(text), patterns, segmenter);
    const starts = (rule: number) => scan.get(rule, 'match').map((h) => h.start);
    expect(starts(6)).toEqual(Array.from({ length: 20 }, (_, k) => 5 * k));
    expect(starts(7)).toEqual(Array.from({ length: 20 }, (_, k) => 5 * k + 3));
    expect(starts(0)).toEqual(Array.from({ length: 20 }, (_, k) => [5 * k, 5 * k]).flat());
    // equal hits keep the order their phrases were first matched in (退 of 退…款 before 退款)
    expect(scan.get(0, 'match').map((h) => h.phrase)).toEqual(Array.from({ length: 20 }, () => ['退…款', '退款']).flat());
    expect(new Set(scan.rules())).toEqual(new Set([0, 6, 7]));
    // the same hits, asked again
    expect(scan.get(6, 'match')).toBe(scan.get(6, 'match'));
  });

  it('answers mayHave and has without hits, and for slots no phrase fills', () => {
    const scan = scanUnit(utterance('您好'), patterns, segmenter);
    expect(scan.mayHave(3, 'unless')).toBe(true);
    expect(scan.has(3, 'unless')).toBe(true);
    expect(scan.mayHave(3, 'if')).toBe(false);
    expect(scan.has(0, 'no-such-slot')).toBe(false);
    expect(scan.get(99, 'match')).toEqual([]);
    expect(scan.rules()).toEqual([3]);
  });
});

describe('scanUnit on one long utterance', () => {
  // Each grew quadratically: gapped pieces joined from each list's head, guard spans scanned
  // whole, a clause walked to its ends for every hit (60,000 characters of 还没发 took 42 s).
  it.each([
    ['gapped phrases in one clause', '还没发'],
    ['gapped phrases in many clauses', '还没发，'],
    ['guards before and in the clause', '亲，不能退款吗？如果发货。'],
  ])('grows linearly: %s', async (_, piece) => {
    const make = (n: number) => {
      const unit = utterance(piece.repeat(n));
      return () => scanUnit(unit, patterns, segmenter).mayHave(0, 'match');
    };
    expect(await growth(make, 5_000)).toBeLessThan(LINEAR_BOUND);
  });

  it('finds every hit of a long clause', () => {
    const scan = scanUnit(utterance('不能退如果发货'.repeat(3000)), patterns, segmenter);
    expect(scan.get(1, 'match')).toEqual([]);
    expect(scan.get(3, 'if')).toEqual([]);
    expect(scan.get(6, 'match')).toEqual([]);
    expect(scanUnit(utterance('能退发货'.repeat(3000)), patterns, segmenter).get(1, 'match')).toHaveLength(3000);
  });
});

describe('scanUnit against the reference scan', () => {
  const TOKENS = [
    ...'还没发退款能不亲货了您好的',
    '如果',
    '退貨',
    '發',
    ' ',
    '，',
    '。',
    ',',
    '.',
    'no',
    'NO',
    'know',
    'apologize',
    "don't",
    'refund',
    'today',
    'please',
    '3',
    '12',
    'day',
    'hours',
    'x',
    '😀',
    'Ｎｏ',
    '下载',
    '软件',
    '软体',
    '请',
    '打印',
    '列印',
  ];
  const text = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join(''));

  function same(scan: UnitScan, reference: ReferenceScan): void {
    expect(new Set(scan.rules())).toEqual(new Set(reference.rules()));
    for (const [rule, slot] of SLOTS) {
      expect(scan.mayHave(rule, slot)).toBe(reference.mayHave(rule, slot));
      expect(scan.has(rule, slot)).toBe(reference.has(rule, slot));
      expect(scan.get(rule, slot)).toEqual(reference.get(rule, slot));
    }
    expect(scan.lang).toBe(reference.lang);
  }

  it('finds the same hits, in the same order, on random text', () => {
    fc.assert(
      fc.property(text, (s) => same(scanUnit(utterance(s), patterns, segmenter), referenceScan(utterance(s), patterns, segmenter))),
      { numRuns: 1500 },
    );
  });

  it('finds the same hits when one utterance after another reuses the scan lists', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (texts) => {
        const scans = texts.map((s) => scanUnit(utterance(s), patterns, segmenter));
        texts.forEach((s, k) => same(scans[k]!, referenceScan(utterance(s), patterns, segmenter)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('character classes of the scan', () => {
  it('isSpace is /\\s/ and isClauseEnd is /[。!?;,\\n\\r.]/ on every UTF-16 code unit', () => {
    const space: number[] = [];
    const clause: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) space.push(c);
      if (isClauseEnd(c) !== /[。!?;,\n\r.]/.test(String.fromCharCode(c))) clause.push(c);
    }
    expect(space).toEqual([]);
    expect(clause).toEqual([]);
  });
});
