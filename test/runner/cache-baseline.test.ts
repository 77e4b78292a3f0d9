import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
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

const messages = async (paths: string[], o: RunOptions) =>
  (await runFiles(paths, o)).result.files.flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId} ${x.message}`));

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
    const cacheFile = put(
      '.aslintcache',
      JSON.stringify({ version: 1, aslint: '0.0.0-other', files: { x: { key: 'k', result: { findings: [], units: 0 } } } }),
    );
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
      version: 2,
      findings: [
        { path: 'r.yaml', ruleId: 'term/seven-day-return', unitText: '本店支持无条件退货', text: '无条件退货', count: 1 },
        { path: 'r.yaml', ruleId: 'test/blame-shifting', unitText: '这不归我管，不关我事', text: '不关我事', count: 1 },
        { path: 'r.yaml', ruleId: 'test/blame-shifting', unitText: '这不归我管，不关我事', text: '这不归我管', count: 1 },
      ],
    });
    // Lines added above and a reply renamed: nothing is new. A reply whose text changed, and a new
    // reply with an old finding's text, are new.
    writeFileSync(file, '# 新增说明\n- id: c\n  text: 您好\n- id: a2\n  text: 这不归我管，不关我事\n- id: b\n  text: 本店支持无条件退货\n');
    expect(await messages([file], options({ baseline }))).toEqual([]);
    writeFileSync(
      file,
      '# 新增说明\n- id: c\n  text: 您好\n- id: a\n  text: 这不归我管，不关我事，这不归我管\n- id: b\n  text: 本店支持无条件退货\n- id: d\n  text: 不关我事\n',
    );
    const after = await messages([file], options({ baseline }));
    expect(after).toEqual([
      '5:9 test/blame-shifting 不要推诿。',
      '5:15 test/blame-shifting 不要推诿。',
      '5:20 test/blame-shifting 不要推诿。',
      '9:9 test/blame-shifting 不要推诿。',
    ]);
  });

  it('findings whose unit id is a line number (text libraries, disable comments) stay known when lines are added above', async () => {
    const text = put('r.txt', '这不归我管\n');
    const yaml = put('y.yaml', '# aslint-disable-next-line test/dont-know\n- id: a\n  text: 我不知道\n');
    const baseline = join(dir, 'b.json');
    const recorded = await runFiles([text, yaml], options({ writeBaseline: baseline }));
    expect(recorded.result.files.flatMap((f) => f.findings)).toEqual([]);
    const units = (JSON.parse(readFileSync(baseline, 'utf8')).findings as { ruleId: string; unitText: string }[]).map((e) => [e.ruleId, e.unitText]);
    expect(units).toEqual([
      ['test/blame-shifting', '这不归我管'],
      ['aslint/disable-without-reason', '# aslint-disable-next-line test/dont-know'],
    ]);
    // Before: keyed on L1 and L1, both came back as new after 4 lines above.
    writeFileSync(text, '您好\n请稍等\n\n#\n这不归我管\n');
    writeFileSync(yaml, '- id: z\n  text: 您好\n- id: y\n  text: 请稍等\n# aslint-disable-next-line test/dont-know\n- id: a\n  text: 我不知道\n');
    expect(await messages([text, yaml], options({ baseline }))).toEqual([]);
  });

  it('a baseline of the old line-keyed version is refused with what to do', async () => {
    const file = put('r.yaml', '- id: a\n  text: 您好\n');
    const old = put('old.json', JSON.stringify({ version: 1, findings: [] }));
    await expect(runFiles([file], options({ baseline: old }))).rejects.toThrow(/older aslint \(version 1, keyed on line-based ids\)/);
  });

  it('a missing baseline is an input error', async () => {
    const file = put('r.yaml', '- id: a\n  text: 您好\n');
    await expect(runFiles([file], options({ baseline: join(dir, 'nope.json') }))).rejects.toThrow(/no such baseline file/);
  });
});

const cli = (...args: string[]) => runCli(args);

describe('aslint lint with --fix, --fix-dry-run and --baseline', () => {
  const TEST_CONTENT = ['--no-defaults', '--no-config', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml')];

  it('--fix-dry-run prints the diff and reports what would remain, as ESLint; --fix fixes and reports what is left', async () => {
    const file = put('r.yaml', '- id: a\n  text: 本店支持无条件退货\n');
    // A machine-readable report keeps stdout to itself: the diff goes to stderr.
    const dry = await cli('lint', ...TEST_CONTENT, '--fix-dry-run', '--format', 'json', file);
    expect(dry.code).toBe(0);
    expect(dry.stderr.startsWith('===')).toBe(true);
    expect(dry.stderr).toContain('-  text: 本店支持无条件退货\n+  text: 本店支持七日无理由退货\n');
    expect(dry.stderr).toContain('aslint: --fix would fix 1 finding in 1 file (no file changed); the report shows what would remain\n');
    expect(JSON.parse(dry.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['register/seven-day-return']);
    // With stylish, the diff comes first on stdout, then what would remain.
    const human = await cli('lint', ...TEST_CONTENT, '--fix-dry-run', file);
    expect(human.stdout.startsWith('===')).toBe(true);
    expect(human.stdout).not.toContain('term/seven-day-return');
    expect(human.stdout).toContain('register/seven-day-return');
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

describe('--cache-location', () => {
  const TEST_CONTENT = ['--no-defaults', '--no-config', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml')];
  it('takes a folder (existing, or a path ending in /) and keeps .aslintcache in it; a file path is the file', async () => {
    const file = put('r.yaml', '- id: a\n  text: 这不归我管\n');
    mkdirSync(join(dir, 'existing'));
    for (const [location, cacheFile] of [
      [join(dir, 'existing'), join(dir, 'existing', '.aslintcache')],
      [join(dir, 'new', 'folder') + '/', join(dir, 'new', 'folder', '.aslintcache')],
      [join(dir, 'deep', 'cache.json'), join(dir, 'deep', 'cache.json')],
    ] as const) {
      const r = await cli('lint', ...TEST_CONTENT, '--cache', '--cache-location', location, file);
      expect([r.code, r.stderr]).toEqual([1, '']);
      expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).files)).toEqual([file]);
    }
  });
});

describe('stdin', () => {
  const TEST_CONTENT = ['--no-defaults', '--no-config', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml')];
  const withStdin = async (bytes: Buffer, ...args: string[]) => {
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([bytes]) as unknown as typeof process.stdin);
    return cli(...args);
  };
  const transcript = '顾客：快递太慢了\n客服：这不归我管\n';

  it('is decoded like a file: GB18030, UTF-16 with a BOM and UTF-8 with a BOM give the same findings', async () => {
    const outputs: string[] = [];
    for (const bytes of [
      Buffer.from(transcript),
      iconv.encode(transcript, 'gb18030'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(transcript, 'utf16le')]),
      Buffer.from('\ufeff' + transcript),
    ]) {
      const r = await withStdin(bytes, 'lint', ...TEST_CONTENT, '--stdin-format', 'text', '-f', 'unix', '-');
      expect([r.code, r.stderr]).toEqual([1, '']);
      outputs.push(r.stdout);
    }
    expect(outputs[0]).toBe(
      '<stdin>:2:4: 不要推诿。 [Error/test/blame-shifting]\n<stdin>:2:4: 这一轮缺少应有的表达。 [Warning/test/greeting]\n<stdin>:2:4: 顾客说“太慢了”后，客服 2 轮内没有致歉。 [Error/test/missing-apology]\n\n3 problems\n',
    );
    expect(new Set(outputs).size).toBe(1);
  });

  it('--stdin-filename names it in the report, gives its format, and its config and ignores apply', async () => {
    const r = await withStdin(
      Buffer.from('- id: a\n  text: 这不归我管\n'),
      'lint',
      ...TEST_CONTENT,
      '--stdin',
      '--stdin-filename',
      'replies/a.yaml',
      '-f',
      'unix',
    );
    expect(r).toEqual({ code: 1, stdout: 'replies/a.yaml:2:9: 不要推诿。 [Error/test/blame-shifting]\n\n1 problem\n', stderr: '' });
    const ignored = await withStdin(
      Buffer.from('- id: a\n  text: 这不归我管\n'),
      'lint',
      ...TEST_CONTENT,
      '--ignore-pattern',
      'replies/**',
      '--stdin-filename',
      'replies/a.yaml',
      '-',
    );
    expect(ignored).toEqual({
      code: 0,
      stdout: '✔ no problems (0 utterances in 0 files)\n',
      stderr: 'aslint: warning: replies/a.yaml: File ignored because of a matching ignore pattern. Use --no-ignore to override.\n',
    });
  });

  it('an undecodable stdin is an input error naming stdin and the line', async () => {
    const r = await withStdin(Buffer.from([0xe4, 0xbd, 0xa0, 0x0a, 0xff, 0xfe, 0x41]), 'lint', ...TEST_CONTENT, '--stdin-format', 'replies-text', '-');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aslint: <stdin>:\d+/);
  });
});
