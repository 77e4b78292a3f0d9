import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configSchemaRef, starterConfig } from '../../src/config/starter.js';
import { PACKAGE } from '../../src/core/package.js';
import { ConfigResolver, findConfigFiles, isIgnored, loadConfigFile, severityFor } from '../../src/config/discovery.js';
import { editorSchemas, EDITOR_SCHEMA_FILES } from '../../src/config/editor-schemas.js';
import { runFiles, type RunOptions } from '../../src/runner/run.js';
import { InputError } from '../../src/core/types.js';
import { TEST_DATA, runCli } from '../helpers.js';

/** The InputError that `fn` throws (failing the test when it throws none or another error). */
function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, got none');
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aslint-config-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function put(path: string, content: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** The test glossary and rules instead of the bundled ones, from a config at the top. */
const TOP = `root: true\ndefaults: false\nglossary: [${join(TEST_DATA, 'glossary.yaml')}]\nrules: [${join(TEST_DATA, 'rules.yaml')}]\n`;
const REPLY = '- id: r1\n  text: 这不归我管，本店支持无条件退货。我不知道。\n';

/** Lints files; findings as `path:line:col severity ruleId` relative to the temp root. */
async function lint(paths: string[], options: RunOptions = {}) {
  const { result, ignored } = await runFiles(
    paths.map((p) => join(root, p)),
    options,
  );
  const lines = result.files.flatMap((f) => f.findings.map((x) => `${f.path.slice(root.length + 1)}:${x.line}:${x.column} ${x.severity} ${x.ruleId}`));
  return { lines, ignored: ignored.map((p) => p.slice(root.length + 1)) };
}

describe('config discovery', () => {
  it('applies the configs from the top folder down to the file’s folder, nearer ones winning', async () => {
    put('aslint.config.yaml', TOP + 'severity:\n  term/*: error\n  test/dont-know: info\n');
    put('team/aslint.config.yaml', 'severity:\n  test/dont-know: off\n  test/*: warning\n');
    put('a.yaml', REPLY);
    put('team/b.yaml', REPLY);
    expect((await lint(['a.yaml', 'team/b.yaml'])).lines).toEqual([
      'a.yaml:2:9 error test/blame-shifting',
      'a.yaml:2:19 error term/seven-day-return',
      'a.yaml:2:26 info test/dont-know',
      'team/b.yaml:2:9 warning test/blame-shifting',
      'team/b.yaml:2:19 error term/seven-day-return',
    ]);
  });

  it('stops at root: true', () => {
    put('aslint.config.yaml', 'severity: {term/*: off}\n');
    put('proj/aslint.config.yaml', 'root: true\n');
    put('proj/sub/aslint.config.yaml', 'severity: {test/*: info}\n');
    expect(findConfigFiles(join(root, 'proj', 'sub'))).toEqual([join(root, 'proj', 'aslint.config.yaml'), join(root, 'proj', 'sub', 'aslint.config.yaml')]);
  });

  it('extends presets and other config files, in order, relative to the extending file', async () => {
    put('shared/base.yaml', TOP + 'severity:\n  test/blame-shifting: info\n');
    put('proj/aslint.config.yaml', 'root: true\nextends: [aslint:strict, ../shared/base.yaml]\nseverity:\n  test/dont-know: off\n');
    put('proj/r.yaml', REPLY);
    const config = loadConfigFile(join(root, 'proj', 'aslint.config.yaml'));
    expect(config.sources).toEqual(['aslint:recommended', 'aslint:strict', join(root, 'shared', 'base.yaml'), join(root, 'proj', 'aslint.config.yaml')]);
    expect(config.defaults).toBe(false);
    // aslint:strict makes term/* errors; base.yaml lowers blame-shifting; the project turns dont-know off.
    expect((await lint(['proj/r.yaml'])).lines).toEqual(['proj/r.yaml:2:9 info test/blame-shifting', 'proj/r.yaml:2:19 error term/seven-day-return']);
  });

  it('overrides by file glob: the last matching override wins, excludeFiles leaves files out', async () => {
    put(
      'aslint.config.yaml',
      TOP +
        'overrides:\n' +
        '  - files: ["legacy/**"]\n    excludeFiles: legacy/keep.yaml\n    severity: {term/*: info, test/*: off}\n' +
        '  - files: "*.json"\n    severity: {term/seven-day-return: off}\n',
    );
    put('legacy/old.yaml', REPLY);
    put('legacy/keep.yaml', REPLY);
    put('legacy/deep/x.json', JSON.stringify([{ id: 'r1', text: '这不归我管，本店支持无条件退货。' }]));
    expect((await lint(['legacy/old.yaml', 'legacy/keep.yaml', 'legacy/deep/x.json'])).lines).toEqual([
      'legacy/old.yaml:2:19 info term/seven-day-return',
      'legacy/keep.yaml:2:9 error test/blame-shifting',
      'legacy/keep.yaml:2:19 warning term/seven-day-return',
      'legacy/keep.yaml:2:26 warning test/dont-know',
    ]);
  });

  it('ignores files by glob and by folder', async () => {
    put('aslint.config.yaml', TOP + 'ignores: ["archive", "**/*.draft.yaml"]\n');
    put('archive/2019/r.yaml', REPLY);
    put('new/r.draft.yaml', REPLY);
    put('new/r.yaml', REPLY);
    const { lines, ignored } = await lint(['archive/2019/r.yaml', 'new/r.draft.yaml', 'new/r.yaml']);
    expect(ignored).toEqual(['archive/2019/r.yaml', 'new/r.draft.yaml']);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['new/r.yaml:2:9', 'new/r.yaml:2:19', 'new/r.yaml:2:26']);
  });

  it('an explicit config replaces discovery; no config uses none', async () => {
    put('aslint.config.yaml', TOP + 'severity: {"*": off}\n');
    const other = put('other.yaml', TOP + 'severity: {test/*: off}\n');
    put('r.yaml', REPLY);
    expect((await lint(['r.yaml'])).lines).toEqual([]);
    expect((await lint(['r.yaml'], { config: other })).lines).toEqual(['r.yaml:2:19 warning term/seven-day-return']);
    const none = await lint(['r.yaml'], {
      useConfig: false,
      defaults: false,
      glossary: [join(TEST_DATA, 'glossary.yaml')],
      rules: [join(TEST_DATA, 'rules.yaml')],
    });
    expect(none.lines).toHaveLength(3);
  });

  it('the most specific severity key wins, whatever the order', () => {
    const config = { ...loadConfigFile(put('c.yaml', 'severity: {"*": info, term/seven-day-return: off, term/*: error}\n')) };
    const sev = (id: string) => severityFor(config, id, join(root, 'x.yaml'), 'warning');
    expect([sev('term/seven-day-return'), sev('term/warranty'), sev('test/x')]).toEqual(['off', 'error', 'info']);
  });

  it('reports config errors at their file, line and column', () => {
    const bad = put('bad/aslint.config.yaml', 'root: true\nseverity:\n  term/*: loud\n');
    expect(() => new ConfigResolver().forFile(join(root, 'bad', 'r.yaml'))).toThrow(InputError);
    expect(inputErrorOf(() => loadConfigFile(bad)).format()).toBe(
      `${bad}:3:11: config severity.term/*: must be one of: off, info, warning, error\n  See docs/formats.md for what this file may contain.`,
    );
    const unknown = put('u.yaml', 'root: true\nrulez: [a.yaml]\n');
    const e = inputErrorOf(() => loadConfigFile(unknown));
    expect([e.file, e.line, e.column, e.message]).toEqual([unknown, 2, 1, 'config rulez: unknown key "rulez"']);
    const missing = put('m.yaml', 'extends:\n  - aslint:recommended\n  - ./nope.yaml\n');
    const m = inputErrorOf(() => loadConfigFile(missing));
    expect([m.line, m.column, m.message]).toEqual([3, 5, expect.stringMatching(/extends a config file that does not exist/)]);
    put('loop-a.yaml', 'extends: ./loop-b.yaml\n');
    put('loop-b.yaml', 'extends: ./loop-a.yaml\n');
    expect(() => loadConfigFile(join(root, 'loop-a.yaml'))).toThrow(/in a circle/);
  });

  it('isIgnored does not match files outside the config’s folder', () => {
    const config = loadConfigFile(put('sub/c.yaml', 'ignores: ["**"]\n'));
    expect(isIgnored(config, join(root, 'sub', 'a.yaml'))).toBe(true);
    expect(isIgnored(config, join(root, 'a.yaml'))).toBe(false);
  });
});

const run = (cwd: string, ...args: string[]) => runCli(args, cwd);

describe('aslint init and print-config', () => {
  it('init writes a starter config that has the schema line and validates against the config schema', async () => {
    const r = await run(root, 'init', '--preset', 'aslint:replies');
    expect(r.code).toBe(0);
    const text = readFileSync(join(root, 'aslint.config.yaml'), 'utf8');
    // No aslint in the project's node_modules here: the schema as published, never a path of this machine.
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://unpkg.com/aslint@${PACKAGE.version}/schemas/config.schema.json`);
    expect(text).not.toContain('file:');
    expect(text).toContain('# Reference: https://github.com/aslint/aslint/blob/main/docs/config.md');
    const data = parse(text);
    expect(data.extends).toBe('aslint:replies');
    const validate = new Ajv({ strict: false }).compile(editorSchemas()[EDITOR_SCHEMA_FILES.config]!);
    expect(validate(data ?? {}), JSON.stringify(validate.errors)).toBe(true);
    expect(() => loadConfigFile(join(root, 'aslint.config.yaml'))).not.toThrow();
    // A second init refuses to overwrite.
    const again = await run(root, 'init');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('a config file is already here');
  });

  it('init points the schema line at the installed package when there is one', () => {
    put('node_modules/aslint/schemas/config.schema.json', '{}');
    expect(configSchemaRef(root)).toBe('./node_modules/aslint/schemas/config.schema.json');
    expect(starterConfig('X', 'aslint:chat')).toMatch(/^# yaml-language-server: \$schema=X\n/);
  });

  it('print-config shows the resolved config for a file', async () => {
    put(
      'aslint.config.yaml',
      'root: true\nextends: aslint:chat\nseverity: {term/*: error}\noverrides:\n  - files: ["legacy/**"]\n    severity: {term/*: info}\nignores: [archive]\n',
    );
    const r = await run(root, 'print-config', join(root, 'legacy', 'a.yaml'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ignored: false,
      defaults: true,
      configFiles: ['aslint:recommended', 'aslint:chat', expect.stringMatching(/aslint\.config\.yaml$/)],
      severity: { 'register/*': 'off', 'term/*': 'error' },
      overrides: [{ files: ['legacy/**'], severity: { 'term/*': 'info' } }],
    });
    expect(JSON.parse((await run(root, 'print-config', join(root, 'archive', 'x.yaml'), '--json')).stdout).ignored).toBe(true);
  });
});

/** Runs the CLI with the process really in `dir` (relative paths, `.`, --ignore-pattern resolve there). */
async function inFolder(dir: string, ...args: string[]) {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await runCli(args);
  } finally {
    process.chdir(before);
  }
}

const jsonFindings = (stdout: string) =>
  (JSON.parse(stdout).files as { path: string; findings: { line: number; ruleId: string }[] }[]).map((f) => [
    f.path,
    f.findings.map((x) => `${x.line} ${x.ruleId}`),
  ]);

describe('which files `aslint lint` reads', () => {
  it('`lint .` in a fresh repository with a package.json, a config, a baseline and a reply library lints only the reply library', async () => {
    put('package.json', '{"name": "shop-replies", "version": "1.0.0", "description": "我们的快捷短语", "scripts": {"lint": "aslint lint ."}}\n');
    put('package-lock.json', '{"name": "shop-replies", "lockfileVersion": 3, "packages": {}}\n');
    put('aslint.config.yaml', TOP);
    put('tsconfig.json', '{"compilerOptions": {"strict": true}}\n');
    put('requirements.txt', 'numpy==2.0\nrequests\n');
    put('.github/workflows/ci.yml', 'on: [push]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n');
    put('replies/main.yaml', REPLY);
    const first = await inFolder(root, 'lint', '.', '--write-baseline', 'aslint-baseline.json');
    expect(first).toEqual({
      code: 0,
      stdout: '✔ recorded 3 findings in aslint-baseline.json; runs with --baseline aslint-baseline.json report only new ones\n',
      stderr: '',
    });
    // The baseline is a JSON file in the walked folder now, and so is a cache: neither is an input.
    const again = await inFolder(root, 'lint', '.', '--baseline', 'aslint-baseline.json', '--cache', '--format', 'json');
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(jsonFindings(again.stdout)).toEqual([['replies/main.yaml', []]]);
    const plain = await inFolder(root, 'lint', '.', '--format', 'json');
    expect(plain.code).toBe(1);
    expect(jsonFindings(plain.stdout)).toEqual([['replies/main.yaml', ['2 test/blame-shifting', '2 term/seven-day-return', '2 test/dont-know']]]);
  });

  it('a walk takes transcripts and Chinese text libraries by their shape, and any file the config names in `files`', async () => {
    put('aslint.config.yaml', `${TOP}files: ["en/*.txt"]\n`);
    put('chats/a.txt', '顾客：快递太慢了\n客服：这不归我管\n');
    put('chats/b.jsonl', '{"id": "c1", "turns": [{"role": "agent", "text": "您好"}]}\n');
    put('zh/quick.txt', '您好，这不归我管\n请稍等\n');
    put('en/quick.txt', 'Hello, how can I help?\n');
    put('en/notes.json', '{"title": {"nested": true}}\n');
    put('LICENSE.txt', 'MIT License\nPermission is hereby granted\n');
    put('tsconfig.base.json', '{\n  // comments: JSON with comments\n  "compilerOptions": {}\n}\n');
    put('deploy/k8s.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n');
    put('locale/zh.json', '{"greeting": "您好", "bye": "再见", "meta": {"v": 1}}\n');
    put('map/replies.yaml', 'greet: 您好\nbye: {text: 再见}\n');
    const r = await inFolder(root, 'lint', '.', '--format', 'json');
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([
      'chats/a.txt',
      'chats/b.jsonl',
      'en/quick.txt',
      'map/replies.yaml',
      'zh/quick.txt',
    ]);
    // Named on the command line, a file is linted whatever it looks like.
    const named = await inFolder(root, 'lint', 'LICENSE.txt', '--format', 'json');
    expect(JSON.parse(named.stdout).files.map((f: { path: string }) => f.path)).toEqual(['LICENSE.txt']);
  });

  it('a walk never skips a broken library: a reply without text, or a YAML syntax error, is reported with its position', async () => {
    put('aslint.config.yaml', TOP);
    put('replies/a.yaml', '- id: a\n  text: 您好\n- id: b\n  tags: [x]\n');
    const noText = await inFolder(root, 'lint', '.', '-f', 'unix');
    expect([noText.code, noText.stdout.split('\n')[0], noText.stderr]).toEqual([
      1,
      'replies/a.yaml:3:3: the reply has no text: the record was not linted; add a `text` field with the reply [Error/aslint/unreadable-record]',
      '',
    ]);
    put('replies/a.yaml', '- id: a\n  text: "您好\n');
    const syntax = await inFolder(root, 'lint', '.', '-f', 'unix');
    expect(syntax.code).toBe(1);
    expect(syntax.stdout).toMatch(/^replies\/a\.yaml:2:9: YAML syntax error: /);
  });

  it('a named file that a config ignores is skipped with ESLint’s warning; --no-ignore lints it', async () => {
    put('aslint.config.yaml', `${TOP}ignores: ["legacy/**"]\n`);
    put('legacy/old.yaml', REPLY);
    const r = await inFolder(root, 'lint', 'legacy/old.yaml');
    expect(r).toEqual({
      code: 0,
      stdout: '✔ no problems (0 utterances in 0 files)\n',
      stderr: 'aslint: warning: legacy/old.yaml: File ignored because of a matching ignore pattern. Use --no-ignore to override.\n',
    });
    const walked = await inFolder(root, 'lint', '.');
    expect([walked.code, walked.stderr]).toEqual([0, '']);
    const forced = await inFolder(root, 'lint', '--no-ignore', 'legacy/old.yaml', '-f', 'unix');
    expect(forced.code).toBe(1);
    expect(forced.stdout.split('\n').at(-2)).toBe('3 problems');
  });

  it('--ignore-pattern adds patterns relative to the working folder', async () => {
    put('aslint.config.yaml', TOP);
    put('replies/a.yaml', REPLY);
    put('replies/drafts/b.yaml', REPLY);
    const r = await inFolder(root, 'lint', '.', '--ignore-pattern', 'replies/drafts/**', '-f', 'json');
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['replies/a.yaml']);
    const named = await inFolder(root, 'lint', 'replies/drafts/b.yaml', '--ignore-pattern', 'replies/drafts/**');
    expect(named.stderr).toContain('replies/drafts/b.yaml: File ignored because of a matching ignore pattern.');
  });

  it('a pattern that matches nothing is an error unless --no-error-on-unmatched-pattern', async () => {
    put('aslint.config.yaml', TOP);
    put('replies/a.yaml', '- id: a\n  text: 您好\n');
    const strict = await inFolder(root, 'lint', 'replies/a.yaml', 'nothing/*.yaml');
    expect([strict.code, strict.stderr.split('\n')[0]]).toEqual([2, 'aslint: no files match "nothing/*.yaml"']);
    const lenient = await inFolder(root, 'lint', 'replies/a.yaml', 'nothing/*.yaml', 'missing.yaml', '--no-error-on-unmatched-pattern');
    expect(lenient).toEqual({ code: 0, stdout: '✔ no problems (1 utterance in 1 file)\n', stderr: '' });
  });
});
