// The json and jsonl reports are written as results arrive, in batches of at least WRITE_BATCH
// code units: no write holds the whole report, and no JSON.stringify is given the whole result
// (what failed with "Invalid string length" on large runs).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { TEST_DATA } from '../helpers.js';
import { WRITE_BATCH } from '../../src/report/write-batch.js';

const CONTENT = ['--no-defaults', '--no-config', '--rules', join(TEST_DATA, 'rules.yaml'), '--glossary', join(TEST_DATA, 'glossary.yaml')];
/** Enough files for a report of several batches (json ~0.7 MB, jsonl ~0.5 MB). */
const FILES = 400;
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
  it.each(['json', 'jsonl'])('%s: written in batches as it goes, none holding much more than a batch, no stringify of the whole result', async (format) => {
    const { code, chunks, stringified, text } = await lintRecorded(format);
    expect(code).toBe(1);
    expect(text.length).toBeGreaterThan(4 * WRITE_BATCH);
    // Batched: every write but the last has at least a batch; streamed: none has much more (a piece is one finding, a line or a file's head).
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(WRITE_BATCH);
    expect(chunks.at(-1)!.length).toBeGreaterThan(0);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(2 * WRITE_BATCH);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(text.length / (2 * WRITE_BATCH)));
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
