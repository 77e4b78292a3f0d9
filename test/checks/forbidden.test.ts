import { beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { dialogue, reply, testRuleSet } from '../helpers.js';

let rules: RuleSet;
beforeAll(async () => {
  rules = await testRuleSet();
});

const found = (text: string) =>
  lintConversation(reply('r1', text), rules)
    .filter((f) => f.kind === 'forbidden')
    .map((f) => [f.ruleId, f.column, f.endColumn, f.text]);

describe('forbidden', () => {
  it('finds a phrase with its exact span', () => {
    expect(found('亲，这不归我管。')).toEqual([['test/blame-shifting', 3, 8, '这不归我管']]);
  });
  it('finds Traditional and full-width writing of the same phrase', () => {
    expect(found('這不歸我管')).toEqual([['test/blame-shifting', 1, 6, '這不歸我管']]);
    expect(found('ＮＯＴＨＩＮＧ we can do')).toEqual([['test/dont-know', 1, 18, 'ＮＯＴＨＩＮＧ we can do']]);
  });
  it('finds regex families', () => {
    expect(found('你去问别的部门吧')).toEqual([['test/blame-shifting', 1, 8, '你去问别的部门']]);
    expect(found('你自己去问问别的部门')).toEqual([['test/blame-shifting', 1, 11, '你自己去问问别的部门']]);
    expect(found('你自己去問問別的部門')).toEqual([['test/blame-shifting', 1, 11, '你自己去問問別的部門']]);
  });
  it('leaves legitimate uses named in except alone', () => {
    expect(found('如果您不知道型号，可以发图片给我')).toEqual([]);
    expect(found('我也不知道')).toEqual([['test/dont-know', 3, 6, '不知道']]);
  });
  it('matches Latin phrases as whole words only', () => {
    expect(found('There is nothing we can do.')).toEqual([['test/dont-know', 10, 27, 'nothing we can do']]);
    expect(found('nothing we can doubt')).toEqual([]);
  });
  it('checks only the agent role by default', () => {
    const conv = dialogue('c1', [
      ['customer', '这不归我管'],
      ['agent', '您好，我来处理'],
    ]);
    expect(lintConversation(conv, rules).filter((f) => f.kind === 'forbidden')).toEqual([]);
  });
});

describe('forbidden regexes written in Traditional', () => {
  it('match Simplified and Traditional text alike', () => {
    expect(found('怎么又是你')).toEqual([['test/traditional-regex', 1, 6, '怎么又是你']]);
    expect(found('怎麼還是你')).toEqual([['test/traditional-regex', 1, 6, '怎麼還是你']]);
  });
});
