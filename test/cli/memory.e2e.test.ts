// Flat memory: a 50 MiB JSONL export is linted with json, jsonl and sarif in about the peak RSS
// of a 5 MiB one, and under 300 MiB in one thread and with --concurrency 2 (this thread and a
// worker, each linting parts), as the runner sets it (no heap limit given: before the runner kept
// its heap near what is live, RSS grew to 481 MiB at 50 MiB with json; before the streamed
// runner, to 1823 MiB at 96 MiB). With a worker the reports are the same bytes. Measured in child processes (their own maxRSS, worker threads
// included); time is not checked.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, readSync, closeSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error bench/corpus.js is plain JavaScript (the benchmark's generator).
import { makeCorpus } from '../../bench/corpus.js';
import { TEST_DATA } from '../helpers.js';

const ROOT = join(TEST_DATA, '..', '..');
// The bundled glossary and rule packs: about 7,000 findings per MiB of this corpus (the test
// content's 5,000 were few enough that a run keeping them all fitted the heap below).
const CONTENT = ['--no-config'];
const FORMATS = ['json', 'jsonl', 'sarif'] as const;
const MIB = 1 << 20;
/** What the larger run may take beyond the smaller: not what ten times the findings would. */
const MARGIN_MIB = 80;
/** The bound for any input size (9: 200 MiB and 1 GiB). */
const MAX_RSS_MIB = 300;

let dir: string;

/** The child's script: the CLI in process, then its exit code and peak RSS (a file: worker threads refuse --input-type). */
const CHILD = `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'index.js')).href)};
const code = await main(['node', 'aslint', ...JSON.parse(process.env.ASLINT_ARGS)]);
process.stdout.write(JSON.stringify({ code, rss: process.resourceUsage().maxRSS }));`;

/** Runs `aslint lint` in a child; its peak RSS (MiB, its worker threads included) and exit code. */
function lint(input: string, format: string, output: string, concurrency = '1'): Promise<{ rssMiB: number; code: number; stderr: string }> {
  const args = ['lint', input, '--format', format, '-o', output, '--concurrency', concurrency, ...CONTENT];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dir, 'child.mjs')], { env: { ...process.env, ASLINT_ARGS: JSON.stringify(args) } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const { code, rss } = JSON.parse(out) as { code: number; rss: number };
        resolve({ rssMiB: rss / 1024, code, stderr: err });
      } catch {
        reject(new Error(`the child failed: ${err}`));
      }
    });
  });
}

/** How many times `needle` occurs in a file, read in pieces (the reports are too large to parse here). */
function occurrences(path: string, needle: string): number {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let n = 0;
  let carry = '';
  for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
    const text = carry + buffer.subarray(0, read).toString('latin1');
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) n++;
    carry = text.slice(-(needle.length - 1));
  }
  closeSync(fd);
  return n;
}

/** The SHA-256 of a file's bytes from `start` on. */
async function digest(path: string, start = 0): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { start })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Where a file's first line ends (the JSONL report's run record, which carries the date). */
function afterFirstLine(path: string): number {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(4096);
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  return buffer.subarray(0, n).indexOf(0x0a) + 1;
}

/** The last bytes of a file. */
function tail(path: string, bytes: number): string {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(bytes);
  readSync(fd, buffer, 0, bytes, statSync(path).size - bytes);
  closeSync(fd);
  return buffer.toString('utf8');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-memory-'));
  writeFileSync(join(dir, 'child.mjs'), CHILD);
  writeFileSync(join(dir, 'small.jsonl'), makeCorpus(5 * MIB, 5));
  writeFileSync(join(dir, 'large.jsonl'), makeCorpus(50 * MIB, 50));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peak memory', () => {
  it('stays flat from 5 MiB to 50 MiB of JSONL with json, jsonl and sarif, in one thread and with a worker, every finding written', async () => {
    const report = (size: string, format: string, threads = '1') => join(dir, `${size}-report-${threads}.${format}`);
    // Every run at once: each child measures its own peak.
    const runs = await Promise.all(
      FORMATS.map(async (format) => {
        const [small, large, workers] = await Promise.all([
          lint(join(dir, 'small.jsonl'), format, report('small', format)),
          lint(join(dir, 'large.jsonl'), format, report('large', format)),
          lint(join(dir, 'large.jsonl'), format, report('large', format, '2'), '2'),
        ]);
        return { format, small: small!, large: large!, workers: workers! };
      }),
    );
    for (const { format, small, large, workers } of runs) {
      const peaks = `${format}: ${small.rssMiB.toFixed(0)} MiB at 5 MiB, ${large.rssMiB.toFixed(0)} MiB at 50 MiB, ${workers.rssMiB.toFixed(0)} with a worker`;
      expect([small.code, large.code, workers.code, small.stderr, large.stderr, workers.stderr], format).toEqual([1, 1, 1, '', '', '']);
      expect(large.rssMiB, peaks).toBeLessThan(small.rssMiB + MARGIN_MIB);
      expect(Math.max(large.rssMiB, workers.rssMiB), peaks).toBeLessThan(MAX_RSS_MIB);
    }
    // Every finding is in each report, and each report is whole.
    // A finding's "kind" (scores have none); a SARIF result's "ruleId" (rules have an "id").
    const counts = {
      json: occurrences(report('large', 'json'), '"kind": '),
      jsonl: occurrences(report('large', 'jsonl'), '{"type":"finding"'),
      sarif: occurrences(report('large', 'sarif'), '"ruleId": '),
    };
    expect(counts.json).toBeGreaterThan(10 * occurrences(report('small', 'json'), '"kind": ') * 0.8);
    expect(counts.jsonl).toBe(counts.json);
    expect(counts.sarif).toBe(counts.json);
    expect(tail(report('large', 'json'), 2)).toBe('}\n');
    expect(tail(report('large', 'jsonl'), 16384)).toMatch(/\n\{"type":"end",[^\n]*\}\n$/);
    expect(tail(report('large', 'sarif'), 20)).toMatch(/\]\n {4}}\n {2}]\n}\n$/);
    // The same bytes with workers (but the JSONL run record's date).
    for (const format of FORMATS) {
      const from = format === 'jsonl' ? afterFirstLine(report('large', format)) : 0;
      expect(await digest(report('large', format, '2'), from), format).toBe(await digest(report('large', format), from));
    }
  }, 900_000);
});
