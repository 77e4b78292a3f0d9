// Where the parts of a large file are linted (runner/pool.ts PartLinter): in this thread, and in
// a worker thread only when the input left is worth starting one and the worker has room; a part
// that fails rejects alone. Real worker threads (bin/worker.js, the build), so an e2e test.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/engine/ruleset.js';
import { InThreadLinter, PartLinter, type LintJob, type PartResult, type RuleSetSource } from '../../src/runner/pool.js';
import { loadContent, type RuleSetContent } from '../../src/runner/rulesets.js';
import { PART_RENDERER } from '../../src/report/part-renderer.js';
import { InputError } from '../../src/core/types.js';
import type { RenderJob } from '../../src/runner/batch.js';
import type { ResolvedConfig } from '../../src/config/discovery.js';
import { TEST_DATA } from '../helpers.js';

const content = loadContent({ defaults: false, glossary: [join(TEST_DATA, 'glossary.yaml')], rules: [join(TEST_DATA, 'rules.yaml')] });

/** The test rule set as 'test'; any other key is a rule set that cannot be loaded. */
const sets: RuleSetSource = {
  async content(key: string): Promise<RuleSetContent> {
    if (key !== 'test') throw new InputError(`no rule set ${key}`);
    return content;
  },
  async compiled(key: string) {
    const { glossary, rules, patterns } = await this.content(key);
    return compileRuleSet(glossary, rules, patterns);
  },
};

/** A part of `n` conversations starting on `line`, each with the misused term of the test glossary. */
function part(line: number, n = 3, ruleSet = 'test'): LintJob {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `c${line + i}`,
      turns: [
        { role: 'customer', text: '东西坏了' },
        { role: 'agent', text: '本店支持无条件退货' },
      ],
    }),
  );
  return { ruleSet, path: 'big.jsonl', text: lines.join('\n') + '\n', format: 'jsonl', start: { line, offset: 0 } };
}

/** A part's findings (line and rule), whichever thread linted it. */
function findingsOf(result: PartResult): string[] {
  expect('unpack' in result).toBe(true);
  return (result as Extract<PartResult, { unpack: unknown }>).unpack().findings.map((f) => `${f.line} ${f.ruleId}`);
}

/** What part(line, n) gives: each conversation has no greeting, no apology after a complaint and a misused term. */
function expected(line: number, n = 3): string[] {
  return Array.from({ length: n }, (_, i) => [`${line + i} test/greeting`, `${line + i} test/missing-apology`, `${line + i} term/seven-day-return`]).flat();
}

let linter: PartLinter | undefined;
afterEach(async () => {
  await linter?.close();
  linter = undefined;
});

const MiB = 1 << 20;

describe('PartLinter', () => {
  it('lints in this thread alone until the input left reaches minBytes, then in a worker too', async () => {
    linter = new PartLinter(new InThreadLinter(sets), sets, 2, 8 * MiB);
    expect(findingsOf(await linter.lint(part(1), 8 * MiB - 1))).toEqual(expected(1));
    expect(linter.placed).toEqual({ here: 1, workers: 0 });
    // Worth a worker: it is started and takes the part.
    expect(findingsOf(await linter.lint(part(4), 8 * MiB))).toEqual(expected(4));
    expect(linter.placed).toEqual({ here: 1, workers: 1 });
    // Once started, a worker with room takes any part, however little is left.
    expect(findingsOf(await linter.lint(part(7), 1))).toEqual(expected(7));
    expect(linter.placed).toEqual({ here: 1, workers: 2 });
  }, 60_000);

  it('never starts a worker with one thread', async () => {
    linter = new PartLinter(new InThreadLinter(sets), sets, 1, 0);
    expect(findingsOf(await linter.lint(part(1), 100 * MiB))).toEqual(expected(1));
    expect(linter.placed).toEqual({ here: 1, workers: 0 });
  });

  it('gives a worker at most two parts at a time and lints the others here, each part with its own lines', async () => {
    linter = new PartLinter(new InThreadLinter(sets), sets, 2, 0);
    const results = [];
    for (let i = 0; i < 8; i++) results.push(linter.lint(part(1 + i * 100, 20), MiB));
    const found = await Promise.all(results.map(async (r) => findingsOf(await r)));
    found.forEach((f, i) => expect(f).toEqual(expected(1 + i * 100, 20)));
    expect(linter.placed.here + linter.placed.workers).toBe(8);
    expect(linter.placed.workers).toBeGreaterThanOrEqual(2);
    expect(linter.placed.here).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("has a worker render a part's report text when asked, and counts what it rendered", async () => {
    linter = new PartLinter(new InThreadLinter(sets), sets, 2, 0);
    const render: RenderJob = {
      spec: { format: 'jsonl', cwd: '', errorsOnly: false, renderer: PART_RENDERER },
      config: { severity: {}, overrides: [] } as unknown as ResolvedConfig,
      fileIndex: 4,
    };
    const result = await linter.lint(part(10), MiB, render);
    expect(linter.placed).toEqual({ here: 0, workers: 1 });
    expect('rendered' in result).toBe(true);
    const rendered = (result as Extract<PartResult, { rendered: unknown }>).rendered;
    const text = Buffer.concat(rendered.bytes).toString('utf8');
    expect(rendered.items).toBe(9);
    const records = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => `${r.type} ${r.file} ${r.line} ${r.ruleId}`)).toEqual(expected(10).map((f) => `finding 4 ${f}`));
  }, 60_000);

  it('rejects a part that fails, here or in a worker, and lints the parts after it', async () => {
    linter = new PartLinter(new InThreadLinter(sets), sets, 2, 8 * MiB);
    const here = linter.lint(part(1, 3, 'missing'), 1);
    const next = linter.lint(part(4), 1);
    await expect(here).rejects.toThrow('no rule set missing');
    expect(findingsOf(await next)).toEqual(expected(4));
    const inWorker = linter.lint(part(7, 3, 'missing'), 8 * MiB);
    const after = linter.lint(part(10), 8 * MiB);
    await expect(inWorker).rejects.toThrow('no rule set missing');
    expect(findingsOf(await after)).toEqual(expected(10));
    expect(linter.placed.workers).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
