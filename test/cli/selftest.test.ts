import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

/** A one-term glossary without examples: the tests add examples (or none) below it. */
const PRICE_PROTECTION = [
  'category: statutory',
  'terms:',
  '  - id: price-protection',
  '    zh-Hans: 价保',
  '    en: price protection',
  '    definition: {zh-Hans: 降价补差。, en: A refund of the difference.}',
  '    misuses: [{text: 保价, why: 保价是运输保险。}]',
];

const ROOT = join(import.meta.dirname, '..', '..');

function file(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'aslint-selftest-')), name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('aslint test', () => {
  it('passes on the bundled glossary and rule packs', async () => {
    const r = await runCli(['test', '--no-config']);
    expect(r.stdout).toMatch(/\nexamples: \d+ passed, 0 failed\n$/);
    expect(r.code).toBe(0);
  });

  it('runs examples whose turns carry times (for timing rules)', async () => {
    const pack = file('timing.yaml', [
      'pack: t',
      'rules:',
      '  - id: slow-first',
      '    kind: timing',
      '    severity: warning',
      '    measure: first-response',
      '    max: 30s',
      '    examples:',
      "      good: [{turns: [{customer: 在吗, time: '2026-01-05 10:00:00'}, {agent: 您好, time: '2026-01-05 10:00:20'}]}]",
      "      bad: [{turns: [{customer: 在吗, time: '2026-01-05 10:00:00'}, {agent: 您好, time: '2026-01-05 10:01:00'}]}]",
      '  - id: no-time',
      '    kind: timing',
      '    severity: warning',
      '    measure: first-response',
      '    max: 30s',
      '    examples:',
      '      bad: [{turns: [{customer: 在吗}, {agent: 您好}]}]',
    ]);
    const r = await runCli(['test', '--no-config', '--no-defaults', '--rules', pack]);
    expect(r.stdout).toBe(
      `${pack}:17:13: t/no-time: bad example gave no finding: customer: 在吗 / agent: 您好\n${pack}:11:5: t/no-time: has no good example\n3 examples of 2 rules\n1 rules without good and bad examples (--strict makes that fail)\nexamples: 2 passed, 1 failed\n`,
    );
  });

  it('lists the rules without examples; --strict fails on them', async () => {
    const args = ['test', '--no-config', '--no-defaults', '--glossary', 'test/data/glossary.yaml', '--rules', 'test/data/rules.yaml'];
    const expected = [
      'test/data/rules.yaml:13:5: test/dont-know: has no examples',
      'test/data/rules.yaml:28:5: test/greeting: has no examples',
      'test/data/rules.yaml:33:5: test/vague-time: has no examples',
      'test/data/rules.yaml:38:5: test/traditional-regex: has no examples',
      '12 examples of 11 rules',
    ];
    const r = await runCli(args, ROOT);
    expect(r.stdout).toBe([...expected, '4 rules without good and bad examples (--strict makes that fail)', 'examples: 12 passed, 0 failed', ''].join('\n'));
    expect(r.code).toBe(0);
    const strict = await runCli([...args, '--strict'], ROOT);
    expect(strict.stdout).toBe([...expected, '4 rules without good and bad examples (--strict: that fails)', 'examples: 12 passed, 0 failed', ''].join('\n'));
    expect(strict.code).toBe(1);
  });

  it('loads and lints a user glossary whose terms have no examples, and says so', async () => {
    const glossary = file('g.yaml', [...PRICE_PROTECTION]);
    const t = await runCli(['test', '--no-config', '--no-defaults', '--glossary', glossary]);
    expect(t.stdout).toBe(
      `${glossary}:3:5: term/price-protection: has no examples\n0 examples of 1 rules\n1 rules without good and bad examples (--strict makes that fail)\nexamples: 0 passed, 0 failed\n`,
    );
    const text = file('r.txt', ['支持保价吗']);
    const lint = await runCli(['lint', text, '--no-config', '--no-defaults', '--glossary', glossary, '--format', 'json']);
    expect(JSON.parse(lint.stdout).files[0].findings.map((f: { ruleId: string; text: string }) => [f.ruleId, f.text])).toEqual([
      ['term/price-protection', '保价'],
    ]);
  });

  it('imports a company term base whose terms have no examples, and the result loads', async () => {
    const csv = file('terms.csv', [
      'id,category,lang,term,definition,misuses,why',
      'acme-points,content,zh-Hans,乐享积分,本店会员积分。,积分宝,积分宝是别家的产品名。',
      'acme-points,content,en,Acme points,Member points of the shop.,,',
    ]);
    const out = join(mkdtempSync(join(tmpdir(), 'aslint-import-')), 'terms.yaml');
    const imported = await runCli(['glossary', 'import', csv, '-o', out]);
    expect(imported.code).toBe(0);
    const t = await runCli(['test', '--no-config', '--no-defaults', '--glossary', out]);
    expect(t.stdout).toMatch(/: term\/acme-points: has no examples\n0 examples of 1 rules\n/);
    expect(t.code).toBe(0);
  });

  it('names the file and line of each failing example, pinned flags and fixes included, and exits 1', async () => {
    const pack = file('pack.yaml', [
      'pack: p',
      'rules:',
      '  - id: rude',
      '    kind: forbidden',
      '    severity: error',
      '    phrases: [不关我事]',
      '    examples:',
      '      good: [这不关我事吧]',
      '      bad:',
      '        - 与我无关',
      '        - {text: 不关我事，不关我事, flags: 不关我事}',
      '        - {text: 这不关我事, flags: [不关我事], fix: 这事不关我事}',
      '        - {text: 这不关我事, flags: [不关我事], fix: 这事我来处理}',
      '  - id: sorry',
      '    kind: require',
      '    severity: error',
      '    when: { role: customer, any: [坏了] }',
      '    expect: { role: agent, any: [抱歉] }',
      '    examples:',
      '      bad: [{turns: [{customer: 坏了}, {agent: 非常抱歉}]}]',
    ]);
    const r = await runCli(['test', '--no-config', '--no-defaults', '--rules', pack]);
    expect(r.stdout).toBe(
      [
        `${pack}:8:14: p/rude: good example was flagged (“不关我事”): 这不关我事吧`,
        `${pack}:10:11: p/rude: bad example gave no finding: 与我无关`,
        `${pack}:11:11: p/rude: flagged “不关我事”, “不关我事”, not “不关我事”: 不关我事，不关我事`,
        `${pack}:12:11: p/rude: the fixed sentence is still flagged (“不关我事”): 这不关我事`,
        `${pack}:20:13: p/sorry: bad example gave no finding: customer: 坏了 / agent: 非常抱歉`,
        `${pack}:14:5: p/sorry: has no good example`,
        '6 examples of 2 rules',
        '1 rules without good and bad examples (--strict makes that fail)',
        'examples: 1 passed, 5 failed',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it('checks that a term’s fixes give the pinned fix', async () => {
    const glossary = file('g.yaml', [
      ...PRICE_PROTECTION,
      '    examples:',
      '      good: [支持价保吗]',
      '      bad:',
      '        - {text: 支持保价吗, flags: 保价, fix: 支持价保吗}',
      '        - {text: 支持保价吗, fix: 支持价格保护吗}',
    ]);
    const r = await runCli(['test', '--no-config', '--no-defaults', '--glossary', glossary]);
    expect(r.stdout).toBe(
      `${glossary}:12:11: term/price-protection: the fixes give “支持价保吗”, not “支持价格保护吗”: 支持保价吗\n3 examples of 1 rules\nexamples: 2 passed, 1 failed\n`,
    );
    expect(r.code).toBe(1);
  });
});
