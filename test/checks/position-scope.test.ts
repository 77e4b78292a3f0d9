import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { conversationLang, textLang } from '../../src/match/scope.js';
import type { Conversation, Role } from '../../src/core/types.js';
import { dialogue, reply, runCli } from '../helpers.js';
import { packFile, packRuleSet, spans } from './pack.js';

const PACK = `
pack: p
rules:
  - id: greet
    kind: position
    severity: warning
    at: first
    any: [您好, hello]
  - id: greet-bot
    kind: position
    severity: warning
    at: first
    window: 2
    any: [您好]
  - id: close
    kind: position
    severity: warning
    at: last
    any: [还有…其他, anything else]
  - id: close-last
    kind: position
    severity: warning
    at: last
    window: 1
    any: [还有…其他]
  - id: zh-only
    kind: forbidden
    severity: info
    lang: [zh]
    phrases: [ok, 好的]
  - id: hant-only
    kind: forbidden
    severity: info
    lang: [zh-Hant]
    phrases: [好的]
  - id: en-email
    kind: forbidden
    severity: info
    lang: [en]
    channel: [email]
    phrases: [ok]
`;

let rules: RuleSet;
beforeAll(async () => {
  rules = await packRuleSet(PACK);
});

const ids = (c: Conversation) =>
  spans(c, rules)
    .map((f) => `${f[0]}@${f[1]}`)
    .sort();
const chat = (turns: [Role, string][], extra: Partial<Conversation> = {}) => ({ ...dialogue('c', turns), ...extra });

describe('position windows', () => {
  it('greeting: the first agent turn, or the first N with window', () => {
    const c = chat([
      ['customer', '在吗'],
      ['agent', '我是机器人'],
      ['customer', '人工'],
      ['agent', '您好'],
      ['agent', '再见'],
    ]);
    expect(ids(c).filter((x) => x.startsWith('p/greet'))).toEqual(['p/greet@1']);
  });
  it('closing: any of the last three agent turns by default; the finding is on the last one', () => {
    const offered = chat([
      ['agent', '您好'],
      ['agent', '还有什么其他问题吗'],
      ['customer', '没有'],
      ['agent', '好'],
      ['agent', '再见'],
    ]);
    expect(ids(offered).filter((x) => x.startsWith('p/close'))).toEqual(['p/close-last@4']);
    const early = chat([
      ['agent', '您好，还有其他吗'],
      ['agent', '一'],
      ['agent', '二'],
      ['agent', '再见'],
    ]);
    expect(spans(early, rules).filter((f) => f[0] === 'p/close')).toEqual([['p/close', 3, 1, 3, '再见']]);
  });
  it('judges no excerpt: complete false / excerpt true on the conversation, or the lint option', async () => {
    const turns: [Role, string][] = [
      ['customer', '在吗'],
      ['agent', '嗯'],
    ];
    expect(ids(chat(turns))).toEqual(['p/close-last@1', 'p/close@1', 'p/greet-bot@1', 'p/greet@1']);
    expect(ids(chat(turns, { excerpt: true }))).toEqual([]);
    const { lintConversation } = await import('../../src/engine/lint.js');
    expect(lintConversation(chat(turns), rules, { excerpts: true })).toEqual([]);
    expect(lintConversation(chat(turns), rules, {}).length).toBe(4);
  });
  it('reads complete / excerpt / lang / channel from JSONL and input / channel from the config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-scope-'));
    const line = (extra: object) =>
      JSON.stringify({
        id: 'c',
        ...extra,
        turns: [
          { role: 'customer', text: 'hi' },
          { role: 'agent', text: 'ok' },
        ],
      });
    writeFileSync(
      join(dir, 'chats.jsonl'),
      [line({}), line({ complete: false }), line({ excerpt: true, channel: 'email' }), line({ lang: 'zh' })].join('\n') + '\n',
    );
    const run = async (...extra: string[]) => {
      const { code, stdout } = await runCli(['lint', join(dir, 'chats.jsonl'), '--no-defaults', '--rules', packFile(PACK), '--format', 'json', ...extra]);
      expect(code).toBe(0);
      return (JSON.parse(stdout) as { files: { findings: { ruleId: string; line: number }[] }[] }).files[0]!.findings.map(
        (f) => `${f.ruleId}@${f.line}`,
      ).sort();
    };
    expect(await run('--no-config')).toEqual([
      'p/close-last@1',
      'p/close-last@4',
      'p/close@1',
      'p/close@4',
      'p/en-email@3',
      'p/greet-bot@1',
      'p/greet-bot@4',
      'p/greet@1',
      'p/greet@4',
      'p/zh-only@4',
    ]);
    writeFileSync(join(dir, 'aslint.config.yaml'), 'input: {excerpts: true}\nchannel: email\n');
    expect(await run('-c', join(dir, 'aslint.config.yaml'))).toEqual(['p/en-email@1', 'p/en-email@2', 'p/en-email@3', 'p/zh-only@4']);
  });
});

describe('scope by language and channel', () => {
  it('tells the language from the text: Han against Latin letters, then the script', () => {
    expect(textLang('OK 好')).toBe('en');
    expect(textLang('OK 好的')).toBe('zh-Hans');
    expect(textLang('好的好的 OK')).toBe('zh-Hans');
    expect(textLang('這樣說好嗎 OK')).toBe('zh-Hant');
    expect(conversationLang({ ...reply('r', 'hello'), lang: 'zh-TW' })).toBe('zh-Hant');
    expect(conversationLang({ ...reply('r', 'hello'), lang: 'zh' })).toBe('zh-Hans');
    expect(conversationLang({ ...reply('r', '你好'), lang: 'en-GB' })).toBe('en');
  });
  it('skips a rule out of scope for the conversation', () => {
    expect(ids(reply('r', '好的，没问题'))).toEqual(['p/zh-only@null']);
    expect(ids(reply('r', '好的，沒問題'))).toEqual(['p/hant-only@null', 'p/zh-only@null']);
    expect(ids(reply('r', 'ok, sure'))).toEqual([]);
    expect(ids({ ...reply('r', 'ok, sure'), channel: 'email' })).toEqual(['p/en-email@null']);
    expect(ids({ ...reply('r', 'ok, sure'), lang: 'zh-Hans' })).toEqual(['p/zh-only@null']);
  });
});
