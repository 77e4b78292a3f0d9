// One record that can't be read costs only that record: the rest of the file and every other
// file are linted, each bad record is an aslint/unreadable-record error where it is, the report
// is written and the exit code is 1.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, TEST_DATA } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'aslint-bad-'));
const CONTENT = ['--no-config', '--no-defaults', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml')];

const conv = (id: string, turns: object[]) => JSON.stringify({ id, turns });
const JSONL = Buffer.concat([
  Buffer.from(
    [
      conv('a', [{ role: 'agent', text: '这不归我管' }]),
      '{"id": "b", "turns": [',
      conv('c', [
        { role: '经理', text: '你好' },
        { role: 'agent', text: '不关我事' },
      ]),
      conv('d', [
        { role: 'customer', text: null },
        { role: 'agent', text: '这不归我管' },
      ]),
      '',
    ].join('\n'),
  ),
  Buffer.from('{"id": "e", "turns": [{"role": "agent", "text": "'),
  Buffer.from([0xff, 0xfe]),
  Buffer.from('"}]}\n'),
  Buffer.from(conv('f', [{ role: 'agent', text: '不关我事' }]) + '\n'),
]);
const CSV = '会话ID,发送方,内容\r\nx,客服,这不归我管\r\nx,店长,好的\r\ny,客服,不关我事\r\n';

describe('unreadable records', () => {
  test('findings for the good records, one unreadable-record per bad one, report written, exit 1', async () => {
    const jsonl = join(tmp, 'chats.jsonl');
    const csv = join(tmp, 'export.csv');
    const good = join(tmp, 'good.jsonl');
    writeFileSync(jsonl, JSONL);
    writeFileSync(csv, CSV);
    writeFileSync(good, conv('g', [{ role: 'agent', text: '不关我事' }]) + '\n');
    const out = join(tmp, 'report.json');
    const r = await runCli(['lint', ...CONTENT, '-f', 'json', '-o', out, jsonl, csv, good]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      files: { path: string; findings: { ruleId: string; line: number; column: number; conversation: string | null; message: string }[] }[];
    };
    const seen = report.files.map((f) => [
      f.path,
      f.findings.filter((x) => x.ruleId !== 'test/greeting').map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.conversation ?? '-'}`),
    ]);
    expect(seen).toEqual([
      [
        jsonl,
        [
          '1:44 test/blame-shifting a',
          '2:23 aslint/unreadable-record -',
          '3:28 aslint/unreadable-record -',
          '3:70 test/blame-shifting c',
          '4:46 aslint/unreadable-record -',
          '4:76 test/blame-shifting d',
          '5:50 aslint/unreadable-record -',
          '6:44 test/blame-shifting f',
        ],
      ],
      [csv, ['2:6 test/blame-shifting x', '3:3 aslint/unreadable-record -', '4:6 test/blame-shifting y']],
      [good, ['1:44 test/blame-shifting g']],
    ]);
    const messages = report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'aslint/unreadable-record').map((x) => x.message));
    expect(messages).toEqual([
      expect.stringMatching(/^invalid JSON: unexpected end of input: the record was not linted; /),
      expect.stringMatching(/^unknown role "经理": the record was not linted; use agent \(客服/),
      expect.stringMatching(/^the message text is null: the record was not linted; give the text/),
      expect.stringMatching(/^invalid UTF-8 byte 0xff: the record was not linted; /),
      expect.stringMatching(/^unknown role "店长": .*input: \{ roles: \{ 名称: agent \} \}/),
    ]);
  });

  test('stylish names file, line and column of a bad record', async () => {
    const jsonl = join(tmp, 'one-bad.jsonl');
    writeFileSync(jsonl, conv('a', [{ role: 'agent', text: '好的' }]) + '\n{"id": "b", "turns": [\n');
    const r = await runCli(['lint', ...CONTENT, '--no-color', jsonl]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  unreadable record, line 2\n');
    expect(r.stdout).toMatch(/2:23\s+error\s+invalid JSON: unexpected end of input/);
  });

  test('the config maps roles and columns', async () => {
    const dir = mkdtempSync(join(tmp, 'mapped-'));
    writeFileSync(join(dir, 'aslint.config.yaml'), 'root: true\ninput:\n  columns: { text: 聊天记录, conversation: 咨询单 }\n  roles: { 店长: agent }\n');
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, '咨询单,发送方,聊天记录\r\nx,店长,这不归我管\r\n');
    const r = await runCli([
      'lint',
      '--no-defaults',
      '--glossary',
      join(TEST_DATA, 'glossary.yaml'),
      '--rules',
      join(TEST_DATA, 'rules.yaml'),
      '-f',
      'json',
      csv,
    ]);
    const report = JSON.parse(r.stdout) as { files: { findings: { ruleId: string; conversation: string; line: number; column: number }[] }[] };
    expect(report.files[0]!.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.conversation}`)).toEqual([
      '2:6 test/blame-shifting x',
      '2:6 test/greeting x',
    ]);
  });

  test('--input-format and a config files entry state a format', async () => {
    const dir = mkdtempSync(join(tmp, 'format-'));
    const file = join(dir, 'export.dat');
    writeFileSync(file, 'session;role;message\r\nx;agent;这不归我管\r\n');
    let r = await runCli(['lint', ...CONTENT, file]);
    expect(r.code).toBe(1);
    r = await runCli(['lint', ...CONTENT, '-f', 'json', '--input-format', 'csv', file]);
    expect((JSON.parse(r.stdout) as { files: { findings: { ruleId: string }[] }[] }).files[0]!.findings.map((f) => f.ruleId)).toEqual([
      'test/blame-shifting',
      'test/greeting',
    ]);
    writeFileSync(join(dir, 'aslint.config.yaml'), 'root: true\nfiles:\n  - files: "*.dat"\n    format: csv\n');
    r = await runCli(['lint', '--no-defaults', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml'), '-f', 'json', file]);
    expect((JSON.parse(r.stdout) as { files: { findings: { ruleId: string }[] }[] }).files[0]!.findings.map((f) => f.ruleId)).toEqual([
      'test/blame-shifting',
      'test/greeting',
    ]);
    r = await runCli(['lint', ...CONTENT, '--input-format', 'nope', file]);
    expect(r.code).toBe(2);
  });
});
