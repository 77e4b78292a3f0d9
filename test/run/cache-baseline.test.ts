import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResultCache } from '../../src/runner/cache.js';
import { runFiles, type RunOptions } from '../../src/runner/run.js';
import { TEST_DATA, runCli } from '../helpers.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-run-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const put = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

function options(extra: RunOptions = {}): RunOptions {
  return { defaults: false, glossary: [join(TEST_DATA, 'glossary.yaml')], rules: [join(TEST_DATA, 'rules.yaml')], useConfig: false, ...extra };
}

const messages = async (paths: string[], o: RunOptions) => (await runFiles(paths, o)).result.files.flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.message}`));

describe('--cache', () => {
  it('reuses a file’s findings until the file, the config, the rules or the version change', async () => {
    const file = put('r.yaml', '- id: a\n  text: 这不归我管\n');
    const cacheFile = join(dir, '.aslintcache');
    const first = await messages([file], options({ cacheFile }));
    expect(first).toEqual(['2:9 test/blame-shifting 不要推诿。']);

    // Tamper with the stored result: a cache hit returns it as stored.
    const tamper = () => {
      const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
      for (const e of Object.values<any>(data.files)) for (const f of e.result.findings) f.message = 'FROM CACHE';
      writeFileSync(cacheFile, JSON.stringify(data));
    };
    tamper();
    expect(await messages([file], options({ cacheFile }))).toEqual(['2:9 test/blame-shifting FROM CACHE']);

    // The file changes: linted again.
    writeFileSync(file, '- id: a\n  text: 您好，这不归我管\n');
    expect(await messages([file], options({ cacheFile }))).toEqual(['2:12 test/blame-shifting 不要推诿。']);

    // A rule file changes (same path, new content): linted again.
    tamper();
    const rules = put('rules.yaml', readFileSync(join(TEST_DATA, 'rules.yaml'), 'utf8'));
    expect(await messages([file], options({ cacheFile, rules: [rules] }))).toEqual(['2:12 test/blame-shifting 不要推诿。']);
    tamper();
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('message: 不要推诿。', 'message: 请勿推诿。'));
    expect(await messages([file], options({ cacheFile, rules: [rules] }))).toEqual(['2:12 test/blame-shifting 请勿推诿。']);

    // The configuration changes: linted again.
    tamper();
    const config = put('c.yaml', 'severity: {test/blame-shifting: info}\n');
    const withConfig = (await runFiles([file], options({ cacheFile, rules: [rules], useConfig: true, config }))).result.files[0]!.findings;
    expect(withConfig.map((f) => [f.severity, f.message])).toEqual([['info', '请勿推诿。']]);
  });

  it('when the cache answers for every file, the rules are compiled only if the report describes them', async () => {
    const file = put('r.yaml', '- id: a\n  text: 这不归我管\n');
    const cacheFile = join(dir, '.aslintcache');
    await runFiles([file], options({ cacheFile }));
    expect((await runFiles([file], options({ cacheFile, describeRules: false }))).result.rules).toEqual([]);
    const described = (await runFiles([file], options({ cacheFile }))).result;
    expect(described.rules.map((r) => r.id)).toContain('test/blame-shifting');
    expect(described.files[0]!.findings.map((f) => f.ruleId)).toEqual(['test/blame-shifting']);
  });

  it('a cache written by another aslint version is not used', async () => {
    const cacheFile = put('.aslintcache', JSON.stringify({ version: 1, aslint: '0.0.0-other', files: { x: { key: 'k', result: { findings: [], units: 0 } } } }));
    const cache = await ResultCache.open(cacheFile, '9.9.9');
    expect(cache.get('x', 'k')).toBeUndefined();
  });
});

describe('baselines', () => {
  it('--write-baseline records the findings; --baseline reports only new ones, wherever they move', async () => {
    const file = put('r.yaml', '- id: a\n  text: 这不归我管，不关我事\n- id: b\n  text: 本店支持无条件退货\n');
    const baseline = join(dir, 'aslint-baseline.json');
    const written = await runFiles([file], options({ writeBaseline: baseline }));
    expect(written.result.files[0]!.findings).toEqual([]);
    const data = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(data).toEqual({
      version: 1,
      findings: [
        { path: 'r.yaml', ruleId: 'term/seven-day-return', unit: 'b', text: '无条件退货', count: 1 },
        { path: 'r.yaml', ruleId: 'test/blame-shifting', unit: 'a', text: '不关我事', count: 1 },
        { path: 'r.yaml', ruleId: 'test/blame-shifting', unit: 'a', text: '这不归我管', count: 1 },
      ],
    });
    // Lines added above, one old finding repeated, one new finding: only the new ones are reported.
    writeFileSync(file, '# 新增说明\n- id: c\n  text: 您好\n- id: a\n  text: 这不归我管，不关我事，这不归我管\n- id: b\n  text: 本店支持无条件退货\n- id: d\n  text: 不关我事\n');
    const after = await messages([file], options({ baseline }));
    expect(after).toEqual(['5:20 test/blame-shifting 不要推诿。', '9:9 test/blame-shifting 不要推诿。']);
  });

  it('a missing baseline is an input error', async () => {
    const file = put('r.yaml', '- id: a\n  text: 您好\n');
    await expect(runFiles([file], options({ baseline: join(dir, 'nope.json') }))).rejects.toThrow(/no such baseline file/);
  });
});

const cli = (...args: string[]) => runCli(args);

describe('aslint lint with --fix, --fix-dry-run and --baseline', () => {
  const TEST_CONTENT = ['--no-defaults', '--no-config', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml')];

  it('--fix-dry-run prints the diff and exits by the findings in the file; --fix fixes and reports what is left', async () => {
    const file = put('r.yaml', '- id: a\n  text: 本店支持无条件退货\n');
    const dry = await cli('lint', ...TEST_CONTENT, '--fix-dry-run', '--format', 'json', file);
    expect(dry.code).toBe(0);
    expect(dry.stdout.startsWith('===')).toBe(true);
    expect(dry.stdout).toContain('-  text: 本店支持无条件退货\n+  text: 本店支持七日无理由退货\n');
    expect(readFileSync(file, 'utf8')).toBe('- id: a\n  text: 本店支持无条件退货\n');
    const fixed = await cli('lint', ...TEST_CONTENT, '--fix', '--format', 'json', file);
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toBe('aslint: fixed 1 finding in 1 file\n');
    expect(JSON.parse(fixed.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['register/seven-day-return']);
    expect(readFileSync(file, 'utf8')).toBe('- id: a\n  text: 本店支持七日无理由退货\n');
    expect((await cli('lint', ...TEST_CONTENT, '--fix', '--fix-dry-run', file)).code).toBe(2);
  });

  it('a baseline turns a failing run into a passing one until a new finding appears', async () => {
    const file = put('r.yaml', '- id: a\n  text: 这不归我管\n');
    const baseline = join(dir, 'b.json');
    expect((await cli('lint', ...TEST_CONTENT, file)).code).toBe(1);
    expect((await cli('lint', ...TEST_CONTENT, '--write-baseline', baseline, file)).code).toBe(0);
    expect((await cli('lint', ...TEST_CONTENT, '--baseline', baseline, file)).code).toBe(0);
    writeFileSync(file, '- id: a\n  text: 这不归我管\n- id: b\n  text: 不关我事\n');
    const r = await cli('lint', ...TEST_CONTENT, '--baseline', baseline, '--format', 'json', file);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { unit: string; text: string }) => [f.unit, f.text])).toEqual([['b', '不关我事']]);
  });
});
