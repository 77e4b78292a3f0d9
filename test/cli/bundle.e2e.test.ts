// The bundled command line (scripts/bundle.js, what bin/aslint.js runs after `npm run build`)
// behaves as the modules tsc writes: the same output, byte for byte, and the same exit code, with
// its V8 code cache, and without it when V8 rejects the cache (other V8 flags).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'aslint.cjs');

/** Runs main() of the bundle (through bin/bundle.js, which says what became of its code cache on stderr) or of dist/cli/index.js. */
function run(entry: 'bundle' | 'modules', args: string[], nodeOptions: string[] = []) {
  const script =
    entry === 'bundle'
      ? `const b = require('./bin/bundle.js').loadBundle(${JSON.stringify(BUNDLE)}); process.stderr.write('code cache: ' + b.codeCache + '\\n');` +
        `b.main(['node', 'aslint', ...process.argv.slice(1)]).then((code) => { process.exitCode = code; });`
      : `import('./dist/cli/index.js').then((m) => m.main(['node', 'aslint', ...process.argv.slice(1)])).then((code) => { process.exitCode = code; });`;
  const r = spawnSync(process.execPath, [...nodeOptions, '-e', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
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

  it('is ASCII, read as latin1, and names the code cache made from its own content', () => {
    const bytes = readFileSync(BUNDLE);
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
    const text = bytes.toString('latin1');
    const tag = text.lastIndexOf('\n//# codeCache=');
    const name = text.slice(tag + '\n//# codeCache='.length).trim();
    expect(name).toBe(`aslint-${createHash('sha256').update(text.slice(0, tag)).digest('hex').slice(0, 16)}.v8cache`);
    expect(readdirSync(join(ROOT, 'dist', 'bundle')).sort()).toEqual([name, 'aslint.cjs']);
  });
});
