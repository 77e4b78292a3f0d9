// ≥ 100,000 generated inputs across the readers and content formats, split over test files so
// that vitest runs them in parallel; each file is seeded, so a failure reproduces.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../../src/engine/lint.js';
import type { RuleSet } from '../../../src/engine/ruleset.js';
import { openText } from '../../../src/sources/index.js';
import { testRuleSet } from '../../helpers.js';
import { readAndLint, READER_FORMATS, textFor } from './harness.js';

export const RUNS_PER_READER = Number(process.env.ASLINT_FUZZ_RUNS ?? 12_500);

let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = await testRuleSet();
  // Load the segmenter now (保价 needs a word-boundary check), not inside the first timed input.
  for await (const c of openText('warm-up.txt', '客服：保价坐席（', 'text').conversations) lintConversation(c, ruleSet);
}, 120_000);

describe('fuzzing the readers', () => {
  it.each(READER_FORMATS)(
    '%s: no crash, no hang, every input error placed, every finding where its text is',
    async (format) => {
      const exits = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(textFor(format), async (text) => {
          const { exit } = await readAndLint(format, text, ruleSet);
          exits.set(exit, (exits.get(exit) ?? 0) + 1);
        }),
        { numRuns: RUNS_PER_READER, seed: 11 + format.length },
      );
      expect([...exits.keys()].every((k) => k === 0 || k === 1 || k === 2)).toBe(true);
      expect([...exits.values()].reduce((a, b) => a + b, 0)).toBe(RUNS_PER_READER);
    },
    600_000,
  );
});
