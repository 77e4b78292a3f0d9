// One translation of command-line options into the runner's: config choice, content files and
// `aslint lint`'s RunOptions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultGlossaryFiles } from '../../src/core/package.js';
import { cacheFileOf, configOptionsOf, parseConcurrency, toRunOptions, workingGlossaryFiles, type LintCliOptions } from '../../src/runner/options.js';
import { inputErrorOf } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'aslint-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINT: LintCliOptions = { defaults: true, ignore: true, ignorePattern: [], cacheLocation: '.aslintcache' };

describe('runner options', () => {
  it('-c FILE, --no-config and neither', () => {
    expect(configOptionsOf({ config: 'a.yaml' })).toEqual({ config: 'a.yaml', useConfig: true });
    expect(configOptionsOf({ config: false })).toEqual({ config: undefined, useConfig: false });
    expect(configOptionsOf({})).toEqual({ config: undefined, useConfig: true });
  });

  it('lint options become RunOptions', () => {
    const run = toRunOptions({
      ...LINT,
      config: false,
      fixDryRun: true,
      cache: true,
      cacheLocation: `${dir}/`,
      concurrency: '2',
      ignorePattern: ['old/**'],
      glossary: ['g.yaml'],
    });
    expect(run).toEqual({
      config: undefined,
      useConfig: false,
      ignore: true,
      ignorePatterns: ['old/**'],
      glossary: ['g.yaml'],
      rules: undefined,
      format: undefined, // --input-format
      defaults: true,
      fix: 'dry-run',
      reportUnusedDisableDirectives: undefined,
      cacheFile: join(dir, '.aslintcache'),
      baseline: undefined,
      writeBaseline: undefined,
      dismissed: undefined,
      concurrency: 2,
    });
    expect(toRunOptions({ ...LINT, fix: true })).toMatchObject({
      fix: 'write',
      cacheFile: undefined,
      concurrency: undefined,
    });
  });

  it('refuses --fix with --fix-dry-run, and a --concurrency that is no thread count', async () => {
    expect(await inputErrorOf(() => toRunOptions({ ...LINT, fix: true, fixDryRun: true }))).toBe(
      '--fix and --fix-dry-run exclude each other\n  Use --fix-dry-run to see the changes, --fix to make them.',
    );
    expect(await inputErrorOf(() => parseConcurrency('0'))).toBe(
      '--concurrency takes a whole number of threads or auto, not "0"\n  Use --concurrency auto (one thread per core) or a number such as 2.',
    );
    expect(parseConcurrency('auto')).toBe('auto');
  });

  it('--cache-location: a file, or a folder that exists or ends in a separator', () => {
    expect(cacheFileOf(join(dir, 'cache.json'))).toBe(join(dir, 'cache.json'));
    expect(cacheFileOf(dir)).toBe(join(dir, '.aslintcache'));
    expect(cacheFileOf('new-folder/')).toBe(join('new-folder', '.aslintcache'));
  });

  it('glossary files: bundled, then --glossary files and folders (their YAML files in name order)', async () => {
    const folder = join(dir, 'glossary');
    mkdirSync(folder);
    for (const f of ['b.yaml', 'a.yml', 'notes.txt']) writeFileSync(join(folder, f), 'category: basic\nterms: []\n');
    const one = join(dir, 'one.yaml');
    writeFileSync(one, 'category: basic\nterms: []\n');
    expect(workingGlossaryFiles({ config: false, defaults: false, glossary: [one, folder] })).toEqual([one, join(folder, 'a.yml'), join(folder, 'b.yaml')]);
    expect(workingGlossaryFiles({ config: false, glossary: [one] })).toEqual([...defaultGlossaryFiles(), one]);
    expect(await inputErrorOf(() => workingGlossaryFiles({ config: false, glossary: [join(dir, 'missing')] }))).toBe(
      `${join(dir, 'missing')}: cannot read glossary: no such file or folder\n  Check the --glossary path.`,
    );
  });
});
