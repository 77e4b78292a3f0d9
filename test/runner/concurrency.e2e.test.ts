// --concurrency: the same report, byte for byte, with the linting in this thread or in worker
// threads, for many small files (whole files to the workers) and a large JSONL (parts of whole
// lines to the workers: positions and default ids must be those of the whole file; for a
// streamed json, jsonl or sarif report the workers render the parts' text).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART_BYTES, SMALL_FILE } from '../../src/runner/read.js';
import { runCli, TEST_DATA } from '../helpers.js';

const AGENT = [
  '您好，这不归我管',
  '本店支持无条件退货',
  '我也不知道',
  '非常抱歉，已为您催促',
  '我们会尽快处理',
  '這不歸我管，你去問別的部門',
  '支持保价吗',
  'Sorry, nothing we can do',
];
const CUSTOMER = ['快递太慢了', '东西坏了', '我要投诉', '怎么回事', '好的'];

/** A conversation line; every 7th has no id (its id is then its line number) and every 5th ends in CRLF. */
function conversation(n: number): string {
  const turns = [];
  for (let k = 0; k < 2 + (n % 5); k++) {
    const agent = k % 2 === 1;
    turns.push({ role: agent ? 'agent' : 'customer', text: (agent ? AGENT : CUSTOMER)[(n * 7 + k * 3) % (agent ? AGENT.length : CUSTOMER.length)] });
  }
  const line = JSON.stringify(n % 7 === 0 ? { turns } : { id: `c${n}`, turns });
  return line + (n % 5 === 0 ? '\r\n' : '\n');
}

/** Conversation lines, at least `bytes` long. */
function conversations(bytes: number): string {
  const lines: string[] = [];
  for (let n = 0, size = 0; size < bytes; n++) {
    lines.push(conversation(n));
    size += Buffer.byteLength(lines[n]!);
  }
  return lines.join('');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-concurrency-'));
  // Large enough to be streamed and cut into several parts, with a BOM.
  writeFileSync(join(dir, 'big.jsonl'), '\ufeff' + conversations(Math.max(SMALL_FILE, 2 * PART_BYTES) + 12345));
  mkdirSync(join(dir, 'small'));
  for (let i = 0; i < 40; i++) {
    const lines = [0, 1, 2].map((k) => conversation(i * 3 + k));
    writeFileSync(join(dir, 'small', `chat-${String(i).padStart(2, '0')}.jsonl`), lines.join(''));
  }
  writeFileSync(join(dir, 'small', 'replies.yaml'), '- id: r1\n  text: 本店支持无条件退货\n- id: r2\n  text: 这不归我管\n');
  writeFileSync(join(dir, 'small', 'chat.txt'), '顾客：快递太慢了\n客服：我们会尽快处理\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const content = ['--no-defaults', '--no-config', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml')];

describe('--concurrency', () => {
  for (const format of ['json', 'stylish']) {
    it(`gives the same ${format} report with workers as without`, async () => {
      const args = ['lint', join(dir, 'small'), join(dir, 'big.jsonl'), '--format', format, ...content];
      const alone = await runCli(args);
      expect(alone.code).toBe(1);
      expect(alone.stderr).toBe('');
      for (const n of format === 'json' ? ['1', '3'] : ['2']) {
        const r = await runCli([...args, '--concurrency', n]);
        expect(r.stdout).toBe(alone.stdout);
        expect(r.code).toBe(alone.code);
      }
      if (format === 'json') {
        const report = JSON.parse(alone.stdout);
        expect(report.files).toHaveLength(43);
        // Positions past the first part: the last conversation's line is the file's last line.
        const big = report.files.find((f: { path: string }) => f.path.endsWith('big.jsonl'));
        const lines = big.findings.map((f: { line: number }) => f.line);
        expect(Math.max(...lines)).toBeGreaterThan(3000);
        expect(lines).toEqual([...lines].sort((a: number, b: number) => a - b));
        // A conversation without an id is named after its line, wherever its part starts.
        const unnamed = big.findings.filter((f: { conversation: string }) => f.conversation.startsWith('line'));
        expect(unnamed.length).toBeGreaterThan(0);
        for (const f of unnamed) expect(f.conversation).toBe(`line${f.line}`);
      }
    }, 300_000);
  }
  it('gives the same jsonl report with workers as without, its end record listing the rules that ran', async () => {
    // The run record's date aside (its first line).
    const records = (stdout: string) => stdout.slice(stdout.indexOf('\n') + 1);
    const args = ['lint', join(dir, 'big.jsonl'), '--format', 'jsonl', ...content];
    const alone = await runCli(args);
    const workers = await runCli([...args, '--concurrency', '2']);
    expect([workers.code, workers.stderr]).toEqual([alone.code, alone.stderr]);
    expect(records(workers.stdout)).toBe(records(alone.stdout));
    const end = JSON.parse(alone.stdout.trimEnd().split('\n').pop()!);
    expect(end.type).toBe('end');
    expect(end.rules.length).toBeGreaterThan(3);
  }, 300_000);
  it('reports the same unreadable record, at the same line, with workers as without', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, conversations(2 * PART_BYTES) + '{"id": "x", "turns": [\n' + conversation(1));
    const args = ['lint', bad, '--format', 'json', ...content];
    const alone = await runCli(args);
    const workers = await runCli([...args, '--concurrency', '2']);
    expect(workers).toEqual(alone);
    const unreadable = JSON.parse(alone.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'aslint/unreadable-record');
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0].line).toBeGreaterThan(1000);
  }, 300_000);
  it('gives the same report with --concurrency 1 and auto, from a cold and a warm compiled rule-set cache', async () => {
    const saved = process.env.ASLINT_CACHE_DIR;
    process.env.ASLINT_CACHE_DIR = join(dir, 'rule-cache');
    // A walked file that is neither a transcript nor a library is left out, in every mode.
    writeFileSync(join(dir, 'small', 'notes.txt'), 'remember to water the plants\nbuy milk\n');
    try {
      const args = ['lint', join(dir, 'small'), '--format', 'json', ...content];
      const cold = await runCli([...args, '--concurrency', '1']);
      expect(readdirSync(join(dir, 'rule-cache')).filter((f) => f.startsWith('ruleset-'))).toHaveLength(1);
      const files = JSON.parse(cold.stdout).files.map((f: { path: string }) => f.path);
      expect(files).toHaveLength(42);
      expect(files.some((f: string) => f.endsWith('notes.txt'))).toBe(false);
      for (const n of ['1', 'auto']) {
        const warm = await runCli([...args, '--concurrency', n]);
        expect(warm.stdout).toBe(cold.stdout);
        expect(warm.code).toBe(cold.code);
      }
      rmSync(join(dir, 'rule-cache'), { recursive: true, force: true });
      const coldAuto = await runCli([...args, '--concurrency', 'auto']);
      expect(coldAuto.stdout).toBe(cold.stdout);
    } finally {
      rmSync(join(dir, 'small', 'notes.txt'));
      if (saved === undefined) delete process.env.ASLINT_CACHE_DIR;
      else process.env.ASLINT_CACHE_DIR = saved;
    }
  }, 300_000);
  it("gives the same json, jsonl and sarif with workers that render the large file's parts (to stdout and to a file), with --quiet, a walked non-input and --scores-file", async () => {
    // Sorted first in the walk: the files after it move up one place in the report (JSONL records name it).
    writeFileSync(join(dir, 'small', 'aa-notes.txt'), 'remember to water the plants\nbuy milk\n');
    const out = join(dir, 'out');
    mkdirSync(out, { recursive: true });
    // The JSONL report's run record (its date) aside.
    const same = (format: string, text: string) => (format === 'jsonl' ? text.slice(text.indexOf('\n') + 1) : text);
    try {
      for (const format of ['json', 'jsonl', 'sarif']) {
        const args = ['lint', join(dir, 'small'), join(dir, 'big.jsonl'), '--format', format, ...content];
        const alone = await runCli([...args, '--concurrency', '1']);
        expect([alone.code, alone.stderr]).toEqual([1, '']);
        expect(alone.stdout).not.toContain('aa-notes.txt');
        // To a file: the parts' UTF-8 is written as the workers rendered it.
        const file = join(out, `report.${format}`);
        const toFile = await runCli([...args, '--concurrency', '2', '-o', file]);
        expect([toFile.code, toFile.stdout, same(format, readFileSync(file, 'utf8'))]).toEqual([alone.code, '', same(format, alone.stdout)]);
        // --quiet: the workers write errors only, and count and score every finding.
        const quiet = await runCli([...args, '--quiet', '--concurrency', '1']);
        const quietWorkers = await runCli([...args, '--quiet', '--concurrency', '2']);
        expect([quietWorkers.code, same(format, quietWorkers.stdout)]).toEqual([quiet.code, same(format, quiet.stdout)]);
        expect(quiet.stdout).not.toBe(alone.stdout);
        if (format === 'jsonl') {
          const records = quiet.stdout
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l));
          const files = records.filter((r) => r.type === 'file');
          expect(files).toHaveLength(43);
          expect(files.map((r) => r.file)).toEqual(files.map((_, i) => i));
          expect(records.filter((r) => r.type === 'finding').every((r) => r.severity === 'error')).toBe(true);
        }
      }
      // A --scores-file needs every conversation's score: the workers hand back the parts' findings.
      const args = ['lint', join(dir, 'small'), join(dir, 'big.jsonl'), '--format', 'json', '--scores-file', join(out, 'scores.csv'), ...content];
      const alone = await runCli([...args, '--concurrency', '1']);
      const scores = readFileSync(join(out, 'scores.csv'), 'utf8');
      const workers = await runCli([...args, '--concurrency', '2']);
      expect(workers).toEqual(alone);
      expect(readFileSync(join(out, 'scores.csv'), 'utf8')).toBe(scores);
      expect(scores.split('\n').length).toBeGreaterThan(100);
    } finally {
      rmSync(join(dir, 'small', 'aa-notes.txt'));
    }
  }, 300_000);
  it('rejects a count that is not a whole number', async () => {
    const r = await runCli(['lint', join(dir, 'small'), '--concurrency', 'many', ...content]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency takes a whole number of threads or auto, not "many"');
  });
});
