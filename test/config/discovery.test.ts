import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configSchemaRef, starterConfig } from '../../src/cli/config.js';
import { projectFileUrl } from '../../src/defaults.js';
import { ConfigResolver, findConfigFiles, isIgnored, loadConfigFile, severityFor } from '../../src/config/discovery.js';
import { editorSchemas, EDITOR_SCHEMA_FILES } from '../../src/config/editor-schemas.js';
import { runFiles, type RunOptions } from '../../src/runner/run.js';
import { InputError } from '../../src/types.js';
import { TEST_DATA, runCli } from '../helpers.js';

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
    const none = await lint(['r.yaml'], { useConfig: false, defaults: false, glossary: [join(TEST_DATA, 'glossary.yaml')], rules: [join(TEST_DATA, 'rules.yaml')] });
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
    try {
      loadConfigFile(bad);
    } catch (e) {
      expect((e as InputError).format()).toBe(`${bad}:3:11: config severity.term/*: must be one of: off, info, warning, error\n  See docs/formats.md for what this file may contain.`);
    }
    const unknown = put('u.yaml', 'root: true\nrulez: [a.yaml]\n');
    expect(() => loadConfigFile(unknown)).toThrow(InputError);
    try {
      loadConfigFile(unknown);
    } catch (e) {
      expect([(e as InputError).file, (e as InputError).line, (e as InputError).column, (e as InputError).message]).toEqual([unknown, 2, 1, 'config rulez: unknown key "rulez"']);
    }
    const missing = put('m.yaml', 'extends:\n  - aslint:recommended\n  - ./nope.yaml\n');
    expect(() => loadConfigFile(missing)).toThrow(/extends a config file that does not exist/);
    try {
      loadConfigFile(missing);
    } catch (e) {
      expect([(e as InputError).line, (e as InputError).column]).toEqual([3, 5]);
    }
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
    // No aslint in the project's node_modules here: the schema aslint runs from.
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${projectFileUrl('schemas/config.schema.json')}`);
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
    put('aslint.config.yaml', 'root: true\nextends: aslint:chat\nseverity: {term/*: error}\noverrides:\n  - files: ["legacy/**"]\n    severity: {term/*: info}\nignores: [archive]\n');
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
