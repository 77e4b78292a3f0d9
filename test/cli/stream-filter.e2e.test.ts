// `aslint lint - --stdin-format jsonl --format jsonl` as a pure streaming filter (the map step of
// docs/scale.md): a conversation's findings come out before the next conversation goes in.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, TEST_DATA } from '../helpers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'aslint.js');
const CONTENT = ['--no-defaults', '--no-config', '--rules', join(TEST_DATA, 'rules.yaml'), '--glossary', join(TEST_DATA, 'glossary.yaml')];

const LINES = [
  '{"id":"s1","turns":[{"role":"agent","text":"您好，这不归我管"}]}',
  '{"id":"s2","turns":[{"role":"agent","text":"您好"},{"role":"agent","text":"我不知道"}]}',
  '{"id":"s3","turns":[{"role":"agent","text":"您好，马上为您处理"}]}',
];

describe('the streaming filter', () => {
  it("writes each conversation's findings while stdin is still open, in input order", async () => {
    const child = spawn(process.execPath, [BIN, 'lint', '-', '--stdin-format', 'jsonl', '--format', 'jsonl', ...CONTENT], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    const waiters: { test: () => boolean; resolve: () => void }[] = [];
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      for (const w of waiters.splice(0)) {
        if (w.test()) w.resolve();
        else waiters.push(w);
      }
    });
    const until = (test: () => boolean) => new Promise<void>((resolve) => (test() ? resolve() : waiters.push({ test, resolve })));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));

    // The first line, in two pieces: nothing is linted before its end.
    child.stdin.write(LINES[0]!.slice(0, 20));
    child.stdin.write(LINES[0]!.slice(20) + '\n');
    await until(() => out.includes('"conversation":"s1"'));
    expect(out).not.toContain('"type":"file"');
    child.stdin.write(LINES[1] + '\n');
    await until(() => out.includes('"conversation":"s2"'));
    child.stdin.end(LINES[2] + '\n');
    expect(await closed).toBe(1);
    expect(err).toBe('');

    const records = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.type)).toEqual(['run', 'finding', 'finding', 'file', 'end']);
    expect(records.filter((r) => r.type === 'finding').map((r) => [r.ruleId, r.conversation, r.line, r.column])).toEqual([
      ['test/blame-shifting', 's1', 1, 48],
      ['test/dont-know', 's2', 2, 75],
    ]);
    expect(records[3]).toMatchObject({ type: 'file', path: '<stdin>', units: 4, findings: 2 });
    expect(records[3].conversations.map((c: { id: string }) => c.id)).toEqual(['s1', 's2', 's3']);
  }, 30_000);

  it('finds what linting the same lines as a file finds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-filter-'));
    const file = join(dir, 'chats.jsonl');
    writeFileSync(file, LINES.join('\n') + '\n');
    const { spawnSync } = await import('node:child_process');
    const piped = spawnSync(process.execPath, [BIN, 'lint', '-', '--stdin-format', 'jsonl', '--format', 'json', ...CONTENT], {
      cwd: ROOT,
      input: '\uFEFF' + LINES.join('\n'),
      encoding: 'utf8',
    });
    const asFile = await runCli(['lint', '--format', 'json', ...CONTENT, file]);
    const findings = (text: string) => JSON.parse(text).files[0].findings;
    expect(piped.status).toBe(asFile.code);
    expect(findings(piped.stdout)).toEqual(findings(asFile.stdout));
  }, 30_000);
});
