// The JSONL report: its record types, in input order, and what --quiet keeps.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, TEST_DATA } from '../helpers.js';

let dir: string;
let A: string;
let B: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-jsonl-'));
  A = join(dir, 'a.jsonl');
  B = join(dir, 'b.jsonl');
  writeFileSync(
    join(dir, 'a.jsonl'),
    [
      '{"id":"a1","turns":[{"role":"customer","text":"坏了"},{"role":"agent","speaker":"小王","text":"您好，这不归我管"}]}',
      '{"id":"a2","turns":[{"role":"agent","speaker":"小李","text":"您好，我不知道"},{"role":"customer","text":"[图片]","type":"image"}]}',
    ].join('\n') + '\n',
  );
  writeFileSync(join(dir, 'b.jsonl'), '{"id":"b1","turns":[{"role":"agent","text":"您好，我稍后回复"}]}\n');
});

const lint = (...args: string[]) =>
  runCli(['lint', '--no-defaults', '--no-config', '--rules', join(TEST_DATA, 'rules.yaml'), '--glossary', join(TEST_DATA, 'glossary.yaml'), ...args], dir);

const records = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('--format jsonl', () => {
  it("writes a run record, each file's findings then its file record, in input order, and an end record", async () => {
    const { code, stdout, stderr } = await lint('--format', 'jsonl', A, B);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const lines = records(stdout);
    expect(lines.map((r) => r.type)).toEqual(['run', 'finding', 'finding', 'finding', 'file', 'finding', 'file', 'end']);
    expect(lines[0]).toMatchObject({ type: 'run', format: 'aslint-jsonl', version: 1, aslint: expect.any(String) });
    expect(Number.isNaN(Date.parse(lines[0].date))).toBe(false);
    expect(lines.filter((r) => r.type === 'finding').map((r) => [r.file, r.path, r.ruleId, r.line, r.column, r.endColumn, r.text, r.speaker ?? null])).toEqual([
      [0, A, 'test/missing-apology', 1, 92, 100, '您好，这不归我管', '小王'],
      [0, A, 'test/blame-shifting', 1, 95, 100, '这不归我管', '小王'],
      [0, A, 'test/dont-know', 2, 64, 67, '不知道', '小李'],
      [1, B, 'test/vague-time', 1, 49, 51, '稍后', null],
    ]);
    expect(lines[4]).toEqual({
      type: 'file',
      file: 0,
      path: A,
      units: 3,
      findings: 3,
      conversations: [
        { id: 'a1', agents: ['小王'], turns: 2 },
        { id: 'a2', agents: ['小李'], turns: 1 },
      ],
      skipped: { media: 1, empty: 0 },
    });
    expect(lines[7]).toMatchObject({ type: 'end', summary: { files: 2, units: 4, errors: 2, warnings: 2, infos: 0, skipped: { media: 1, empty: 0 } } });
    expect(lines[7].rules).toContain('test/blame-shifting');
    expect(lines[7].run.inputs).toEqual([A, B]);
    expect(lines[7].run.contentFiles).toEqual({ glossary: [join(TEST_DATA, 'glossary.yaml')], rules: [join(TEST_DATA, 'rules.yaml')] });
  });

  it('writes the same lines to -o as to stdout (the date aside)', async () => {
    const out = join(dir, 'out', 'report.jsonl');
    const toFile = await lint('--format', 'jsonl', '-o', out, A, B);
    expect(toFile.stdout).toBe('');
    const toStdout = await lint('--format', 'jsonl', A, B);
    const withoutDate = (text: string) => records(text).map((r) => (r.type === 'run' ? { ...r, date: '' } : r));
    expect(withoutDate(readFileSync(out, 'utf8'))).toEqual(withoutDate(toStdout.stdout));
  });

  it('--quiet keeps the error findings only, and the file records count what was written', async () => {
    const lines = records((await lint('--format', 'jsonl', '--quiet', A, B)).stdout);
    expect(lines.filter((r) => r.type === 'finding').map((r) => r.ruleId)).toEqual(['test/missing-apology', 'test/blame-shifting']);
    expect(lines.filter((r) => r.type === 'file').map((r) => r.findings)).toEqual([2, 0]);
    expect(lines.at(-1).summary).toMatchObject({ errors: 2, warnings: 0 });
  });

  it('refuses a report file that is also an input, which streaming would overwrite before reading it', async () => {
    const before = readFileSync(A, 'utf8');
    const { code, stdout, stderr } = await lint('--format', 'jsonl', '-o', A, A);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`aslint: ${A}: the report file is also a file to lint\n  Write the report (-o) to another path.\n`);
    expect(readFileSync(A, 'utf8')).toBe(before);
  });
});
