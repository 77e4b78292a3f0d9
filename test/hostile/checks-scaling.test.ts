import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { runFiles } from '../../src/runner/run.js';
import { reply, testRuleSet, TEST_RUN_OPTIONS } from '../helpers.js';
import { folderWith } from './helpers.js';
import { growth, LINEAR_BOUND } from './scaling.js';

let rules: RuleSet;
beforeAll(async () => {
  rules = await testRuleSet();
});

describe('checks are linear in the hits of one utterance', () => {
  it('finds every misuse of a term repeated on one line, at its place', () => {
    const findings = lintConversation(reply('r1', '无条件退货，'.repeat(1000)), rules);
    expect(findings).toHaveLength(1000);
    expect(findings.map((f) => f.start)).toEqual(Array.from({ length: 1000 }, (_, i) => 6 * i));
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['term/seven-day-return']));
  });

  it('a misuse inside a longer accepted form is not flagged, one beside it is', () => {
    // 七天无理由退货 is a variant of seven-day-return; 无理由退货 alone is not a misuse in the test glossary,
    // so use the exact shape: accepted form, then the misuse.
    const findings = lintConversation(reply('r1', '七日无理由退货，无条件退货'), rules).filter((f) => f.ruleId === 'term/seven-day-return');
    expect(findings.map((f) => [f.start, f.end])).toEqual([[8, 13]]);
  });

  it('the term check grows linearly with misuses per utterance (40,000 on one line took 29 s)', async () => {
    const make = (n: number) => {
      const c = reply('r1', '无条件退货，'.repeat(n));
      return () => lintConversation(c, rules);
    };
    expect(await growth(make, 5_000)).toBeLessThan(LINEAR_BOUND);
  });

  it('forbidden phrases with except phrases grow linearly too', async () => {
    const make = (n: number) => {
      const c = reply('r1', '不知道，如果您不知道，'.repeat(n));
      return () => lintConversation(c, rules);
    };
    expect(await growth(make, 5_000)).toBeLessThan(LINEAR_BOUND);
  });

  it.each([
    ['m.jsonl', (n: number) => `${JSON.stringify({ id: 'c1', turns: [{ role: 'agent', text: '无条件退货，'.repeat(n) }] })}\n`],
    ['m.txt', (n: number) => `客服：${'无条件退货，'.repeat(n)}\n`],
  ])('a whole %s run grows linearly with misuses on one line', async (name, body) => {
    const make = (n: number) => {
      const dir = folderWith({ [name]: body(n) });
      return () => runFiles([join(dir, name)], TEST_RUN_OPTIONS);
    };
    expect(await growth(make, 2_000)).toBeLessThan(LINEAR_BOUND);
  });
});
