import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import { compileRuleSet, type RuleSet } from '../../src/engine/ruleset.js';
import { loadRulePacks } from '../../src/packs/loader.js';
import { loadGlossary } from '../../src/glossary/loader.js';
import { dialogue, reply, runCli } from '../helpers.js';
import { packFile } from './pack.js';

const PACK = `
pack: p
rules:
  - id: missing-apology
    kind: require
    severity: error
    message:
      zh-Hans: 顾客说了“{trigger}”（{category}），客服没有致歉。
      zh-Hant: 顧客說了「{trigger}」（{category}），客服沒有致歉。
      en: The customer said “{trigger}” ({category}) and got no apology.
    when:
      role: customer
      unless: [$hypothetical]
      categories:
        fault: [坏了, broken]
        delay: [还没…到, "still … not arrived"]
        emotion: [太坑了]
      any: [投诉]
    expect: { role: agent, within: 1, any: [抱歉, sorry] }
  - id: plain-string
    kind: forbidden
    severity: info
    message: 只有一种语言
    phrases: [滚]
  - id: default-message
    kind: forbidden
    severity: info
    phrases: [whatever, 随便]
`;

const GLOSSARY = `
category: statutory
terms:
  - id: price-protection
    zh-Hans: 价保
    en: price protection
    definition: {zh-Hans: 降价补差。, en: A refund of the difference.}
    misuses:
      - text: 保价
        why: {zh-Hans: 保价是物流的保价运输。, zh-Hant: 保價是物流的保價運輸。, en: Insured shipping is not price protection.}
      - text: price insurance
        why: {en: Say price protection.}
`;

let rules: RuleSet;
let packPath: string;
beforeAll(async () => {
  packPath = packFile(PACK);
  const dir = mkdtempSync(join(tmpdir(), 'aslint-gl-'));
  writeFileSync(join(dir, 'g.yaml'), GLOSSARY);
  rules = await compileRuleSet(await loadGlossary([join(dir, 'g.yaml')]), loadRulePacks([packPath]));
});

const messages = (c: ReturnType<typeof dialogue>) => lintConversation(c, rules).map((f) => [f.ruleId, f.turn, f.message]);

describe('complaint categories', () => {
  it('triggers on any category, quotes every trigger word and names the first one’s category', () => {
    const c = dialogue('c', [
      ['customer', '快递还没有到，东西坏了，太坑了'],
      ['agent', '我看一下'],
    ]);
    expect(messages(c)).toEqual([['p/missing-apology', 1, '顾客说了“还没有到”“坏了”“太坑了”（delay），客服没有致歉。']]);
  });
  it('gives a related location: the customer turn and the span of the trigger words', () => {
    const c = dialogue('c', [
      ['agent', '您好'],
      ['customer', '唉，东西坏了，太坑了！'],
      ['agent', '我看一下'],
    ]);
    const [f] = lintConversation(c, rules);
    expect([f!.turn, f!.column, f!.endColumn]).toEqual([2, 1, 5]);
    expect(f!.related).toEqual([
      {
        unit: 'c#1',
        turn: 1,
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 11,
        start: 4,
        end: 10,
        text: '坏了，太坑了',
        message: '触发的话：“坏了”“太坑了”（fault）',
      },
    ]);
  });
  it('the guards of `when` apply to every category: a hypothetical is no complaint', () => {
    expect(
      messages(
        dialogue('c', [
          ['customer', '如果坏了怎么办'],
          ['agent', '可以换'],
        ]),
      ),
    ).toEqual([]);
    expect(
      messages(
        dialogue('c', [
          ['customer', '我要投诉'],
          ['agent', '抱歉'],
        ]),
      ),
    ).toEqual([]);
    expect(
      messages(
        dialogue('c', [
          ['customer', '我要投诉'],
          ['agent', '好'],
        ]),
      ),
    ).toEqual([['p/missing-apology', 1, '顾客说了“投诉”（），客服没有致歉。']]);
  });
});

describe('messages in the language of the text', () => {
  it('uses en for Latin text, zh-Hant for Traditional, zh-Hans otherwise', () => {
    expect(
      messages(
        dialogue('c', [
          ['customer', 'My order is still not arrived'],
          ['agent', 'Let me check'],
        ]),
      ),
    ).toEqual([['p/missing-apology', 1, 'The customer said “still not arrived” (delay) and got no apology.']]);
    expect(
      messages(
        dialogue('c', [
          ['customer', '東西壞了'],
          ['agent', '我看一下喔'],
        ]),
      ),
    ).toEqual([['p/missing-apology', 1, '顧客說了「壞了」（fault），客服沒有致歉。']]);
  });
  it('a one-string message serves every language; kinds give their default in English too', () => {
    expect(messages(reply('r', 'go away, 滚'))).toEqual([['p/plain-string', null, '只有一种语言']]);
    expect(messages(reply('r', 'Whatever.'))).toEqual([['p/default-message', null, 'Avoid “Whatever”.']]);
    expect(messages(reply('r', '随便'))).toEqual([['p/default-message', null, '不宜使用“随便”。']]);
  });
  it('a misuse’s why may be given per language', () => {
    expect(messages(reply('r', '支持保价吗'))).toEqual([['term/price-protection', null, '“保价”应为“价保”：保价是物流的保价运输。']]);
    expect(messages(reply('r', '支援保價嗎'))).toEqual([['term/price-protection', null, '“保價”应为“價保”：保價是物流的保價運輸。']]);
    expect(messages(reply('r', 'We offer price insurance'))).toEqual([
      ['term/price-protection', null, '“price insurance” should be “price protection”: Say price protection.'],
    ]);
  });
});

describe('related locations in reports', () => {
  it('json has `related` on the finding; sarif has relatedLocations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-rel-'));
    const file = join(dir, 'c.jsonl');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'c1',
        turns: [
          { role: 'customer', text: '东西坏了' },
          { role: 'agent', text: '好的' },
        ],
      }) + '\n',
    );
    const json = await runCli(['lint', file, '--no-defaults', '--no-config', '--rules', packPath, '--format', 'json']);
    expect(json.code).toBe(1);
    const finding = JSON.parse(json.stdout).files[0].findings[0];
    expect(finding.related).toEqual([
      { unit: 'c1#0', turn: 0, line: 1, column: 50, endLine: 1, endColumn: 52, text: '坏了', message: '触发的话：“坏了”（fault）' },
    ]);
    const sarif = await runCli(['lint', file, '--no-defaults', '--no-config', '--rules', packPath, '--format', 'sarif'], dir);
    const result = JSON.parse(sarif.stdout).runs[0].results[0];
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'c.jsonl', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 50, endLine: 1, endColumn: 52, snippet: { text: '坏了' } },
        },
        logicalLocations: [{ name: 'c1#0' }],
        message: { text: '触发的话：“坏了”（fault）' },
      },
    ]);
  });
});
