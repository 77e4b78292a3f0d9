import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import type { InputError } from '../../src/core/types.js';
import { reply } from '../helpers.js';
import { packRuleSet, spans } from './pack.js';

let rules: RuleSet;
beforeAll(async () => {
  rules = await packRuleSet(`
pack: p
rules:
  - id: offer
    kind: forbidden
    severity: info
    phrases: [还有…其他…帮, "let…know", "any … questions"]
  - id: short-gap
    kind: forbidden
    severity: info
    gap: 1
    phrases: [不…退]
  - id: refuse
    kind: forbidden
    severity: error
    phrases:
      - {phrase: 能退, not-after: [$negation]}
      - {phrase: 退不了, not-before: [吗, 呢]}
      - {phrase: 赔, unless: [$hypothetical], not-after: [不]}
  - id: rule-level
    kind: forbidden
    severity: warning
    not-after: [$negation]
    unless: [规定]
    phrases: [包邮, "refund"]
    regex: ['七天(内)?发货']
`);
});

const found = (text: string, rule?: string) => spans(reply('r1', text), rules).filter((f) => !rule || f[0] === rule);

describe('gapped phrases', () => {
  it('match with no gap, a short gap and across scripts, spanning the whole match', () => {
    expect(found('还有其他帮')).toEqual([['p/offer', null, 1, 6, '还有其他帮']]);
    expect(found('请问还有什么其他的可以帮您')).toEqual([['p/offer', null, 3, 13, '还有什么其他的可以帮']]);
    expect(found('請問還有什麼其他的可以幫您')).toEqual([['p/offer', null, 3, 13, '還有什麼其他的可以幫']]);
    expect(found('ＬＥＴ  us know')).toEqual([['p/offer', null, 1, 13, 'ＬＥＴ  us know']]);
  });
  it('allow no more than the gap (spaces not counted)', () => {
    expect(found('还有一二三四五其他帮')).toEqual([]);
    expect(found('还有一二三四其他帮')).toEqual([['p/offer', null, 1, 10, '还有一二三四其他帮']]);
    expect(found('我不给退')).toEqual([['p/short-gap', null, 2, 5, '不给退']]);
    expect(found('我不给你退')).toEqual([]);
    expect(found('any more questions')).toEqual([['p/offer', null, 1, 19, 'any more questions']]);
    expect(found('any other questions')).toEqual([]);
  });
  it('never cross a clause separator', () => {
    expect(found('还有，其他帮')).toEqual([]);
    expect(found('还有其他。帮')).toEqual([]);
    expect(found('let me. know')).toEqual([]);
  });
  it('keep the Latin pieces whole words', () => {
    expect(found('letter know')).toEqual([]);
  });
});

describe('guards', () => {
  it('not-after drops a hit right after a negation, spaces allowed, in any script', () => {
    expect(found('这个能退', 'p/refuse')).toEqual([['p/refuse', null, 3, 5, '能退']]);
    expect(found('这个不能退', 'p/refuse')).toEqual([]);
    expect(found('這個不 能退', 'p/refuse')).toEqual([]);
    expect(found('这个没有能退的', 'p/refuse')).toEqual([]);
  });
  it('not-before drops a hit right before one of its phrases', () => {
    expect(found('这个退不了', 'p/refuse')).toEqual([['p/refuse', null, 3, 6, '退不了']]);
    expect(found('这个退不了吗', 'p/refuse')).toEqual([]);
  });
  it('unless drops a hit when its phrase is anywhere in the same clause, and only that clause', () => {
    expect(found('我们赔', 'p/refuse')).toEqual([['p/refuse', null, 3, 4, '赔']]);
    expect(found('如果坏了我们赔', 'p/refuse')).toEqual([]);
    expect(found('要是坏了的话，我们赔', 'p/refuse')).toEqual([['p/refuse', null, 10, 11, '赔']]);
    expect(found('我们不赔', 'p/refuse')).toEqual([]);
  });
  it('rule-level guards apply to every phrase and regex of the rule', () => {
    expect(found('全场包邮')).toEqual([['p/rule-level', null, 3, 5, '包邮']]);
    expect(found('这里不包邮')).toEqual([]);
    expect(found('按规定包邮')).toEqual([]);
    expect(found('We refund it')).toEqual([['p/rule-level', null, 4, 10, 'refund']]);
    expect(found("We don't refund")).toEqual([]);
    expect(found('We don’t refund')).toEqual([]);
    expect(found('no refund')).toEqual([]);
    expect(found('I know refund')).toEqual([['p/rule-level', null, 8, 14, 'refund']]);
    expect(found('七天内发货')).toEqual([['p/rule-level', null, 1, 6, '七天内发货']]);
    expect(found('不七天内发货')).toEqual([]);
  });
});

describe('pack validation', () => {
  it('rejects an unknown guard list and an unknown key in a phrase entry', async () => {
    const error = (yaml: string) =>
      packRuleSet(yaml).then(
        () => '',
        (e: InputError) => e.format().replace(/^.*pack\.yaml/, 'pack.yaml'),
      );
    expect(await error('pack: p\nrules:\n  - {id: a, kind: forbidden, severity: info, phrases: [x], not-after: [$nope]}\n')).toBe(
      'pack.yaml:3:72: rule "a": rules[0].not-after[0]: must be one of: $negation, $hypothetical\n  See docs/formats.md for what this file may contain.',
    );
    expect(await error('pack: p\nrules:\n  - {id: a, kind: forbidden, severity: info, phrases: [{phrase: x, colour: red}]}\n')).toBe(
      'pack.yaml:3:68: rule "a": rules[0].phrases[0].colour: unknown key "colour"\n  See docs/formats.md for what this file may contain.',
    );
  });
});
