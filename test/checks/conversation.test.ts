import { beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { dialogue, reply, testRuleSet } from '../helpers.js';

let rules: RuleSet;
beforeAll(async () => {
  rules = await testRuleSet();
});

const ofKind = (conv: ReturnType<typeof dialogue>, kind: string) =>
  lintConversation(conv, rules)
    .filter((f) => f.kind === kind)
    .map((f) => [f.ruleId, f.turn, f.line, f.column, f.endLine, f.endColumn, f.message]);

describe('require', () => {
  it('points at the whole agent turn where the apology was due', () => {
    const conv = dialogue('c1', [
      ['customer', '快递太慢了'],
      ['agent', '您好，已为您催促'],
      ['agent', '请耐心等待'],
    ]);
    expect(ofKind(conv, 'require')).toEqual([['test/missing-apology', 1, 2, 1, 2, 9, '顾客说“太慢了”后，客服 2 轮内没有致歉。']]);
  });
  it('is satisfied by an apology in any of the next `within` agent turns, in any script', () => {
    expect(
      ofKind(
        dialogue('c1', [
          ['customer', '快遞太慢了'],
          ['agent', '您好'],
          ['agent', '很抱歉讓您久等'],
        ]),
        'require',
      ),
    ).toEqual([]);
    expect(
      ofKind(
        dialogue('c2', [
          ['customer', 'my parcel is late'],
          ['agent', 'We apologize for the delay'],
        ]),
        'require',
      ),
    ).toEqual([]);
  });
  it('points at the trigger when no agent turn follows', () => {
    expect(
      ofKind(
        dialogue('c1', [
          ['agent', '您好'],
          ['customer', '东西坏了'],
        ]),
        'require',
      ),
    ).toEqual([['test/missing-apology', 1, 2, 3, 2, 5, '顾客说“坏了”后，客服 2 轮内没有致歉。']]);
  });
  it('reports a turn once when several complaints precede it', () => {
    const conv = dialogue('c1', [
      ['customer', '太慢了'],
      ['customer', '东西也坏了'],
      ['agent', '您好，我看一下'],
    ]);
    expect(ofKind(conv, 'require')).toHaveLength(1);
  });
  it('does not apply to canned replies', () => {
    expect(lintConversation(reply('r1', '东西坏了'), rules).filter((f) => f.kind === 'require')).toEqual([]);
  });
});

describe('position', () => {
  it('wants a greeting in the first agent turn', () => {
    expect(
      ofKind(
        dialogue('c1', [
          ['customer', '在吗'],
          ['agent', '什么事'],
          ['agent', '您好'],
        ]),
        'position',
      ),
    ).toEqual([['test/greeting', 1, 2, 1, 2, 4, '这一轮缺少应有的表达。']]);
    expect(
      ofKind(
        dialogue('c2', [
          ['customer', '在吗'],
          ['agent', '亲，在的'],
        ]),
        'position',
      ),
    ).toEqual([]);
  });
});

describe('conditional', () => {
  it('wants a concrete time with a vague promise', () => {
    expect(ofKind(dialogue('c1', [['agent', '您好，我们会尽快处理']]), 'conditional')).toEqual([
      ['test/vague-time', 0, 1, 7, 1, 9, '“尽快”需要同时说明具体内容。'],
    ]);
    expect(ofKind(dialogue('c2', [['agent', '您好，我们会尽快处理，24小时内回复']]), 'conditional')).toEqual([]);
  });
});
