// The bundled command line (scripts/bundle.js, what bin/aslint.js runs after `npm run build`)
// behaves as the modules tsc writes: the same output, byte for byte, and the same exit code, with
// its V8 code cache, and without it when V8 rejects the cache (other V8 flags).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PART_RENDERER } from '../../src/report/part-renderer.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'aslint.cjs');

/** Runs main() of the bundle (through bin/bundle.js, which says what became of its code cache on stderr) or of dist/cli/index.js. */
function run(entry: 'bundle' | 'modules', args: string[], nodeOptions: string[] = [], env: Record<string, string> = {}) {
  const script =
    entry === 'bundle'
      ? `const b = require('./bin/bundle.js').loadBundle(${JSON.stringify(BUNDLE)}, { ownCache: process.env.OWN_CACHE }); process.stderr.write('code cache: ' + b.codeCache + '\\n');` +
        `b.main(['node', 'aslint', ...process.argv.slice(1)]).then((code) => { process.exitCode = code; });`
      : `import('./dist/cli/index.js').then((m) => m.main(['node', 'aslint', ...process.argv.slice(1)])).then((code) => { process.exitCode = code; });`;
  const r = spawnSync(process.execPath, [...nodeOptions, '-e', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 1 << 26,
  });
  // The run's date is its own.
  const dated = (s: string) => s.replace(/20\d\d-\d\d-\d\dT[\d:.]+Z/g, 'DATE');
  return { code: r.status, stdout: dated(r.stdout), stderr: r.stderr };
}

describe('the bundled command line', () => {
  it.each([
    [['lint', 'fixtures/demo', '--format', 'json']],
    [['lint', 'fixtures/demo', '--format', 'sarif']],
    [['lint', 'fixtures/demo']],
    [['lint', 'fixtures/demo/chats.jsonl', '--format', 'html']],
    [['lint', 'no-such-file.jsonl']],
    [['rules']],
  ])('gives what the modules give: aslint %j', (args) => {
    const modules = run('modules', args);
    expect(modules.stdout.length + modules.stderr.length).toBeGreaterThan(0);
    expect(run('bundle', args)).toEqual({ ...modules, stderr: `code cache: used\n${modules.stderr}` });
  });

  it('gives the same when V8 rejects its code cache (a V8 flag the cache was not made with)', () => {
    const args = ['lint', 'fixtures/demo', '--format', 'json'];
    const bundled = run('bundle', args, ['--max-old-space-size=1000']);
    expect(bundled.stderr).toBe('code cache: rejected\n');
    expect({ ...bundled, stderr: '' }).toEqual(run('modules', args));
  });

  it('caches what V8 rejected for the next run with the same flags, and gives the same', () => {
    const own = mkdtempSync(join(tmpdir(), 'aslint-bundle-'));
    try {
      const args = ['lint', 'fixtures/demo', '--format', 'json'];
      const modules = run('modules', args);
      const withFlags = () => run('bundle', args, ['--max-old-space-size=1000'], { OWN_CACHE: own });
      expect(withFlags()).toEqual({ ...modules, stderr: 'code cache: rejected\n' });
      const cached = readdirSync(own);
      expect(cached).toContain(readFileSync(BUNDLE, 'latin1').split('//# codeCache=').pop()!.trim());
      expect(withFlags()).toEqual({ ...modules, stderr: 'code cache: used\n' });
      // Runs keep their own caches in a folder named by Node's version and options.
      const { ASLINT_CACHE_DIR: _, ...withoutCacheDir } = process.env;
      const ownDir = (options: string[], env: Record<string, string> = {}) =>
        spawnSync(process.execPath, [...options, '-p', `require('./bin/bundle.js').ownCacheDir('/root')`], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...withoutCacheDir, ...env },
        }).stdout;
      const plain = ownDir([]);
      expect(plain).toMatch(new RegExp(`^/root/node_modules/.cache/aslint/code-cache/${process.version}-[0-9a-f]+\n$`));
      expect(ownDir([])).toBe(plain);
      expect(ownDir(['--max-old-space-size=1000'])).not.toBe(plain);
      expect(ownDir([], { NODE_OPTIONS: '--max-old-space-size=1000' })).not.toBe(plain);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('loads none of the built-in modules a short lint never uses (worker threads, v8, tty, readline, child_process)', () => {
    const script =
      `const b = require('./bin/bundle.js').loadBundle(${JSON.stringify(BUNDLE)});` +
      `b.main(['node', 'aslint', 'lint', 'fixtures/demo/chats.txt', '--format', 'json', '-o', require('node:os').devNull])` +
      `.then(() => console.log(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).join('\\n')));`;
    const loaded = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n');
    expect(loaded).toContain('NativeModule vm');
    for (const module of ['worker_threads', 'v8', 'tty', 'readline', 'child_process', 'perf_hooks']) expect(loaded).not.toContain(`NativeModule ${module}`);
  });

  it('gives the same with a cold rule-set cache (it imports OpenCC, left outside the bundle, from node_modules)', () => {
    const args = ['lint', 'fixtures/demo/chats.txt', '--format', 'json'];
    const cold = () => ({ ASLINT_CACHE_DIR: mkdtempSync(join(tmpdir(), 'aslint-bundle-')) });
    const [forBundle, forModules] = [cold(), cold()];
    try {
      const bundled = run('bundle', args, [], forBundle);
      expect(bundled.stdout).toContain('"ruleId"');
      expect(bundled).toEqual({ ...run('modules', args, [], forModules), stderr: 'code cache: used\n' });
      expect(readdirSync(forBundle.ASLINT_CACHE_DIR).some((f) => f.startsWith('ruleset-'))).toBe(true);
    } finally {
      for (const { ASLINT_CACHE_DIR } of [forBundle, forModules]) rmSync(ASLINT_CACHE_DIR, { recursive: true, force: true });
    }
  });

  it('imports a package left outside the bundle (the spreadsheet writer) as the modules do: the same .xlsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-bundle-'));
    try {
      const args = (file: string) => ['lint', 'fixtures/demo/chats.txt', '--format', 'json', '--scores-file', join(dir, file)];
      expect(run('bundle', args('bundle.xlsx'))).toEqual({ ...run('modules', args('modules.xlsx')), stderr: 'code cache: used\n' });
      // The same cells (the files differ only in the zip entries' times, to the second).
      const { default: readXlsxFile } = await import('read-excel-file/node');
      const rows = await readXlsxFile(join(dir, 'bundle.xlsx'));
      expect(rows.length).toBeGreaterThan(1);
      expect(rows).toEqual(await readXlsxFile(join(dir, 'modules.xlsx')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("loads the part renderer a worker imports by its URL from the bundle's own entry, through the thread's chunks", async () => {
    const { importerFor } = createRequire(import.meta.url)('../../bin/bundle.js');
    const loaded: string[] = [];
    const importModule = importerFor(
      (file: string) => {
        loaded.push(file);
        return { renderPart: 'the bundled one' };
      },
      join(ROOT, 'dist', 'bundle'),
    );
    expect(await importModule(PART_RENDERER)).toEqual({ renderPart: 'the bundled one' });
    expect(loaded).toEqual([join(ROOT, 'dist', 'bundle', 'render.cjs')]);
    expect(readFileSync(loaded[0]!, 'latin1')).toContain('renderPart');
    // Any other module by its URL, and a package, are imported as they are.
    const sink = await importModule(pathToFileURL(join(ROOT, 'dist', 'report', 'sink.js')).href);
    expect(typeof sink.Utf8Text).toBe('function');
    expect(typeof (await importModule('opencc-js/core')).ConverterFactory).toBe('function');
    expect(loaded).toHaveLength(1);
  });

  it('is ASCII (read as latin1), and each chunk names the code cache made from its own content', () => {
    const files = readdirSync(join(ROOT, 'dist', 'bundle'));
    const chunks = files.filter((f) => f.endsWith('.cjs'));
    expect(chunks).toContain('aslint.cjs');
    const caches = chunks.map((chunk) => {
      const bytes = readFileSync(join(ROOT, 'dist', 'bundle', chunk));
      expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
      const text = bytes.toString('latin1');
      const tag = text.lastIndexOf('\n//# codeCache=');
      const name = text.slice(tag + '\n//# codeCache='.length).trim();
      expect(name).toBe(`${chunk.slice(0, -'.cjs'.length)}-${createHash('sha256').update(text.slice(0, tag)).digest('hex').slice(0, 16)}.v8cache`);
      return name;
    });
    // The warm-up made the caches of the chunks a lint loads (not, say, the handout's), and no others.
    const made = files.filter((f) => f.endsWith('.v8cache'));
    expect(made.length).toBeGreaterThan(10);
    expect(made.length).toBeLessThan(chunks.length);
    for (const cache of made) expect(caches).toContain(cache);
    expect(made).toContain(caches[chunks.indexOf('aslint.cjs')]);
  });
});
