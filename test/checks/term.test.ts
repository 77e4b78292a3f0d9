import { beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { dialogue, reply, testRuleSet } from '../helpers.js';

let rules: RuleSet;
beforeAll(async () => {
  rules = await testRuleSet();
});

const terms = (text: string) =>
  lintConversation(reply('r1', text), rules)
    .filter((f) => f.kind === 'term')
    .map((f) => ({ rule: f.ruleId, col: f.column, end: f.endColumn, text: f.text, suggestions: f.suggestions, fix: f.fix?.replacement }));

describe('term', () => {
  it('suggests the preferred term and fixes it when there is one suggestion', () => {
    expect(terms('本店支持无条件退货。')).toEqual([
      { rule: 'term/seven-day-return', col: 5, end: 10, text: '无条件退货', suggestions: ['七日无理由退货'], fix: '七日无理由退货' },
    ]);
  });
  it('writes the suggestion in the script the text uses', () => {
    expect(terms('本店支援無條件退貨。')).toEqual([
      { rule: 'term/seven-day-return', col: 5, end: 10, text: '無條件退貨', suggestions: ['七日無理由退貨'], fix: '七日無理由退貨' },
    ]);
  });
  it('answers an English misuse in English', () => {
    expect(terms('We offer a no-questions-asked return.')[0]).toMatchObject({ text: 'no-questions-asked return', suggestions: ['7-day no-reason return'] });
  });
  it('does not fix a misuse that may stand for another term', () => {
    expect(terms('这件商品支持保价吗')).toEqual([
      { rule: 'term/price-protection', col: 7, end: 9, text: '保价', suggestions: ['价保', '保价运输'], fix: undefined },
    ]);
  });
  it('checks the word boundary of a short misuse with the segmenter', () => {
    expect(terms('我们确保价格最低')).toEqual([]);
  });
  it('matches a regional phrase written in another region’s words', () => {
    // The misuse is written 破解软件; Taiwan text says 破解軟體.
    expect(terms('可以用破解軟體')).toMatchObject([{ rule: 'term/software', col: 4, end: 8, text: '破解軟體', suggestions: ['軟體', '正版软件'] }]);
  });
  it('ignores customers’ words', () => {
    const conv = dialogue('c1', [
      ['customer', '你们是无条件退货吗'],
      ['agent', '您好，本店支持七日无理由退货'],
    ]);
    expect(lintConversation(conv, rules).filter((f) => f.kind === 'term')).toEqual([]);
  });
});

describe('register', () => {
  it('suggests plain wording for formal jargon in a reply', () => {
    const found = lintConversation(reply('r1', '本商品支持七日无理由退货'), rules).filter((f) => f.kind === 'register');
    expect(found.map((f) => [f.ruleId, f.severity, f.column, f.endColumn, f.suggestions])).toEqual([
      ['register/seven-day-return', 'info', 6, 13, ['签收后七天内，商品完好可以申请退货']],
    ]);
  });
});
