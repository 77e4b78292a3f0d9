// The json and jsonl reports are written file by file as results arrive: no write holds the
// whole report, and no JSON.stringify is given the whole result (what failed with "Invalid
// string length" on large runs).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { TEST_DATA } from '../helpers.js';

const CONTENT = ['--no-defaults', '--no-config', '--rules', join(TEST_DATA, 'rules.yaml'), '--glossary', join(TEST_DATA, 'glossary.yaml')];
const FILES = 40;
let inputs: string[];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'aslint-streamed-'));
  inputs = Array.from({ length: FILES }, (_, i) => {
    const path = join(dir, `chat-${String(i).padStart(2, '0')}.jsonl`);
    writeFileSync(
      path,
      `{"id":"c${i}","turns":[{"role":"customer","text":"快递太慢了"},{"role":"agent","speaker":"a${i % 3}","text":"您好，这不归我管，我不知道"}]}\n`,
    );
    return path;
  });
});

afterEach(() => vi.restoreAllMocks());

/** Runs the CLI, recording every chunk written to stdout and every value given to JSON.stringify. */
async function lintRecorded(format: string) {
  const chunks: string[] = [];
  const stringified: unknown[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (chunks.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const stringify = JSON.stringify;
  vi.spyOn(JSON, 'stringify').mockImplementation(
    (value: unknown, ...rest: unknown[]) => (stringified.push(value), (stringify as (...a: unknown[]) => string)(value, ...rest)),
  );
  const code = await main(['node', 'aslint', 'lint', ...CONTENT, '--format', format, ...inputs]);
  vi.restoreAllMocks();
  return { code, chunks, stringified, text: chunks.join('') };
}

describe('streamed reports', () => {
  it.each(['json', 'jsonl'])('%s: one write per file at least, none holding more than a few files, no stringify of the whole result', async (format) => {
    const { code, chunks, stringified, text } = await lintRecorded(format);
    expect(code).toBe(1);
    expect(chunks.length).toBeGreaterThanOrEqual(FILES + 2);
    const largest = Math.max(...chunks.map((c) => c.length));
    expect(largest).toBeLessThan(text.length / 10);
    const wholeResult = stringified.filter((v) => typeof v === 'object' && v !== null && Array.isArray((v as { files?: unknown }).files));
    expect(wholeResult).toEqual([]);
    const findings =
      format === 'json'
        ? JSON.parse(text).files.flatMap((f: { findings: unknown[] }) => f.findings)
        : text
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l))
            .filter((r) => r.type === 'finding');
    expect(findings.length).toBe(FILES * 3);
  });
});
