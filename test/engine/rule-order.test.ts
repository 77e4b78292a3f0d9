// Findings at the same place are ordered by rule id as localeCompare orders them; plain ids
// (a-z, 0-9, `-`, `/`) are compared without it (src/engine/order.ts), and must come out the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRuleIds } from '../../src/engine/order.js';

const sign = (n: number) => Math.sign(n);

describe('compareRuleIds', () => {
  it('orders plain ids as localeCompare does', () => {
    const id = fc.stringMatching(/^[a-z0-9/-]{0,12}$/);
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(sign(compareRuleIds(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('orders the characters of plain ids as localeCompare does, each against each', () => {
    const chars = [...'-/0123456789abcdefghijklmnopqrstuvwxyz'];
    for (const a of chars) for (const b of chars) expect(sign(compareRuleIds(`x${a}`, `x${b}`))).toBe(sign(`x${a}`.localeCompare(`x${b}`)));
    // A prefix first, as localeCompare has it.
    expect(compareRuleIds('term/return', 'term/return-policy')).toBeLessThan(0);
    expect(compareRuleIds('term/return-policy', 'term/return')).toBeGreaterThan(0);
  });

  it('leaves other ids to localeCompare (upper case, underscores, dots sort as it says)', () => {
    for (const [a, b] of [
      ['aB', 'ab'],
      ['a_b', 'a-b'],
      ['a.b', 'a/b'],
      ['Z', 'a'],
    ]) {
      expect(sign(compareRuleIds(a!, b!))).toBe(sign(a!.localeCompare(b!)));
    }
    // Code-unit order would put 'Z' first: localeCompare puts it after 'a'.
    expect(compareRuleIds('Z', 'a')).toBeGreaterThan(0);
  });
});
