// How the engine turns a check's reports into findings: messages from templates cut once per
// rule and language, one finding shape, and a rule looking only at the turns it has a hit in.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMessage, compileMessages, fillMessage } from '../../src/engine/message.js';
import { lintConversation } from '../../src/engine/lint.js';
import type { RuleSet } from '../../src/engine/ruleset.js';
import type { Conversation, Role } from '../../src/core/types.js';
import { dialogue } from '../helpers.js';
import { packRuleSet } from '../checks/pack.js';

describe('message templates', () => {
  it('fill {text} with the span and the other names with the report’s values', () => {
    const t = compileMessage('“{text}”应为“{suggestion}”：{why}');
    expect(t).toEqual({ parts: ['“', '”应为“', '”：', ''], names: ['text', 'suggestion', 'why'] });
    expect(fillMessage(t, '无条件退货', { suggestion: '七日无理由退货', why: '须完好' })).toBe('“无条件退货”应为“七日无理由退货”：须完好');
  });
  it('keep a name that has no value as written, and let a report’s own `text` win over the span', () => {
    expect(fillMessage(compileMessage('{text} / {nope} / {text}'), 'span')).toBe('span / {nope} / span');
    expect(fillMessage(compileMessage('{text}!'), 'span', { text: 'given' })).toBe('given!');
    expect(fillMessage(compileMessage('{} {a-b} {x'), 'span')).toBe('{} {a-b} {x');
  });
  it('give a message without placeholders as it is', () => {
    expect(fillMessage(compileMessage('不要推诿。'), 'whatever')).toBe('不要推诿。');
    expect(fillMessage(compileMessage(''), 'whatever')).toBe('');
  });
  it('are one template for all languages when the message is one string, else one per language', () => {
    const one = compileMessages('不宜使用“{text}”。');
    expect(one.any).toBe(one.byLang.en);
    expect(one.byLang['zh-Hans']).toBe(one.byLang['zh-Hant']);
    const three = compileMessages({ 'zh-Hans': '简{text}', en: 'en {text}' });
    expect(three.any).toBeUndefined();
    expect([three.byLang['zh-Hans'].parts, three.byLang['zh-Hant'].parts, three.byLang.en.parts]).toEqual([
      ['简', ''],
      ['简', ''],
      ['en ', ''],
    ]);
  });
});

const PACK = `
pack: p
rules:
  - id: blame
    kind: forbidden
    severity: error
    phrases: [不归我管]
    message: { zh-Hans: "不要说“{text}”（{missing}）", en: "Don't say “{text}”" }
    score: { deduct: 5 }
  - id: hello
    kind: position
    severity: warning
    at: first
    any: [您好, hello]
    message: 问候。
`;

let rules: RuleSet;
beforeAll(async () => {
  rules = await packRuleSet(PACK);
});

const chat = (turns: [Role, string][], speaker?: string): Conversation => {
  const c = dialogue('c', turns);
  if (speaker) c.units[0]!.speaker = speaker;
  return c;
};

describe('findings', () => {
  it('of a rule hit in several turns are each on their turn, with the message in that turn’s language', () => {
    const c = chat([
      ['agent', '这个不归我管'],
      ['customer', '不归我管？'],
      ['agent', 'ok 不归我管 is what I said, you know'],
      ['agent', '真的不归我管'],
    ]);
    const found = lintConversation(c, rules).map((f) => [f.ruleId, f.turn, f.column, f.endColumn, f.message]);
    expect(found.sort((a, b) => Number(a[1]) - Number(b[1]) || String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['p/blame', 0, 3, 7, '不要说“不归我管”（{missing}）'],
      ['p/hello', 0, 1, 7, '问候。'],
      ['p/blame', 2, 4, 8, "Don't say “不归我管”"],
      ['p/blame', 3, 3, 7, '不要说“不归我管”（{missing}）'],
    ]);
  });
  it('have one shape: the same keys in the same order, what a finding lacks undefined and left out of JSON', () => {
    const found = lintConversation(chat([['agent', '这个不归我管']], '小王'), rules);
    const [blame, hello] = [found.find((f) => f.ruleId === 'p/blame'), found.find((f) => f.ruleId === 'p/hello')];
    expect(Object.keys(blame!)).toEqual(Object.keys(hello!));
    expect(Object.keys(blame!).slice(-5)).toEqual(['speaker', 'time', 'fix', 'score', 'related']);
    expect([blame!.speaker, blame!.score, hello!.score]).toEqual(['小王', { deduct: 5 }, undefined]);
    expect(Object.keys(JSON.parse(JSON.stringify(hello)) as object)).not.toContain('score');
    expect(Object.keys(JSON.parse(JSON.stringify(blame)) as object).slice(-3)).toEqual(['utterance', 'speaker', 'score']);
  });
  it('of one conversation do not leak into the next (the per-rule lists are reused) and come sorted by place, then rule', () => {
    const first = chat([
      ['customer', '在吗'],
      ['agent', '您好，这个不归我管'],
      ['agent', '真的不归我管'],
    ]);
    const second = chat([
      ['agent', 'hello'],
      ['agent', '好的'],
      ['agent', '稍等'],
    ]);
    const where = (c: Conversation) => lintConversation(c, rules).map((f) => `${f.ruleId}@${f.turn}:${f.column}`);
    // The helper's turns each start at offset 0 of their own line: by offset, turn 2's comes first.
    expect(where(first)).toEqual(['p/blame@2:3', 'p/blame@1:6']);
    expect(where(second)).toEqual([]);
    expect(where(chat([['agent', '不归我管']]))).toEqual(['p/blame@0:1', 'p/hello@0:1']);
    expect(where(first)).toEqual(['p/blame@2:3', 'p/blame@1:6']);
  });
});
