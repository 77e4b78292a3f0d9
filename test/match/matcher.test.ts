// The flat-table Aho–Corasick finds exactly what a naive search finds: every occurrence of every
// pattern, overlapping ones and duplicates included, in order of end offset.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatcherBuilder } from '../../src/match/matcher.js';

function naive(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((p, k) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) found.push(`${i + p.length}:${i}:${k}`);
  });
  return found;
}

function scan(patterns: readonly string[], text: string): string[] {
  const b = new MatcherBuilder();
  const ids = patterns.map((p) => b.add(p));
  expect(ids).toEqual(patterns.map((_, k) => k));
  return b
    .build()
    .scan(text)
    .map((m) => `${m.end}:${m.start}:${m.pattern}`);
}

const byEnd = (xs: string[]) => [...xs].sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b));

describe('Matcher', () => {
  it('finds what a naive search finds, in order of end offset (small alphabet: many overlaps and failure links)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ab退货]{1,5}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[ab退货]{0,40}$/), (patterns, s) => {
        const got = scan(patterns, s);
        expect(byEnd(got)).toEqual(byEnd(naive(patterns, s)));
        // Matches come in order of their end.
        expect(got.map((g) => Number(g.split(':')[0]))).toEqual([...got.map((g) => Number(g.split(':')[0]))].sort((a, b) => a - b));
      }),
      { numRuns: 1000 },
    );
  });
  it('finds what a naive search finds on any UTF-16 text (surrogates, characters above the root table)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        (patterns, s) => {
          const text = s + patterns.join('') + s;
          expect(byEnd(scan(patterns, text))).toEqual(byEnd(naive(patterns, text)));
        },
      ),
      { numRuns: 500 },
    );
  });
  it('reports nested and repeated patterns at every place', () => {
    expect(scan(['退货', '无理由退货', '货', '退货'], '七日无理由退货退货')).toEqual(['7:2:1', '7:5:0', '7:5:3', '7:6:2', '9:7:0', '9:7:3', '9:8:2']);
    expect(scan(['aa'], 'aaaa')).toEqual(['2:0:0', '3:1:0', '4:2:0']);
    expect(scan(['x'], '')).toEqual([]);
  });
});
