// bin/aslint.js runs the bundled command line (dist/bundle/aslint.cjs, through bin/bundle.js)
// unless tsc has written dist/ since the bundle was made, when it runs dist/cli/index.js: a run
// never uses code older than the last build. Checked with a copy of bin/ beside two stand-in entries.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'aslint-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUNDLED = join(dir, 'dist', 'bundle', 'aslint.cjs');
const COMPILED = join(dir, 'dist', 'cli', 'index.js');
mkdirSync(join(dir, 'bin'));
mkdirSync(join(dir, 'dist', 'bundle'), { recursive: true });
mkdirSync(join(dir, 'dist', 'cli'));
mkdirSync(join(dir, 'dist', 'runner'));
for (const file of ['aslint.js', 'worker.js', 'bundle.js', 'package.json']) copyFileSync(join(ROOT, 'bin', file), join(dir, 'bin', file));
writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
// Each stand-in says which it is and exits with the code main() gives (a bundle chunk is a CommonJS
// module in its function wrapper, as scripts/bundle.js writes it; dist/ has ES modules).
const main = (name: string, code: number) => `async function main(argv) { process.stdout.write('${name} ' + argv.slice(2).join(' ')); return ${code}; }\n`;
writeFileSync(BUNDLED, `(function (exports) {${main('bundle', 1)}exports.main = main;\n})\n`);
writeFileSync(COMPILED, `export ${main('modules', 0)}`);

function runAt(bundledAt: number, compiledAt: number) {
  utimesSync(BUNDLED, bundledAt, bundledAt);
  utimesSync(COMPILED, compiledAt, compiledAt);
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'aslint.js'), 'lint', 'x.txt'], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/aslint.js', () => {
  it('runs the bundle when it was made after dist/ was written (or at the same time, as npm installs files)', () => {
    expect(runAt(2_000_000, 1_000_000)).toEqual({ code: 1, stdout: 'bundle lint x.txt', stderr: '' });
    expect(runAt(1_000_000, 1_000_000)).toEqual({ code: 1, stdout: 'bundle lint x.txt', stderr: '' });
  });

  it('runs dist/cli/index.js when tsc wrote it after the bundle, or when there is no bundle', () => {
    expect(runAt(1_000_000, 2_000_000)).toEqual({ code: 0, stdout: 'modules lint x.txt', stderr: '' });
    rmSync(BUNDLED);
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'aslint.js'), 'rules'], { encoding: 'utf8' });
    expect({ code: r.status, stdout: r.stdout }).toEqual({ code: 0, stdout: 'modules rules' });
  });

  it('starts worker threads (bin/worker.js) the same way: the bundled worker, or dist/runner/worker.js when tsc wrote it since', () => {
    const bundledWorker = join(dir, 'dist', 'bundle', 'worker.cjs');
    const compiledWorker = join(dir, 'dist', 'runner', 'worker.js');
    const post = (name: string) => `require('node:worker_threads').parentPort.postMessage('${name}');`;
    writeFileSync(bundledWorker, `(function (exports, require) {${post('bundled worker')}\n})\n`);
    writeFileSync(
      compiledWorker,
      `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${post('compiled worker')}\n`,
    );
    const started = (bundledAt: number, compiledAt: number) => {
      utimesSync(bundledWorker, bundledAt, bundledAt);
      utimesSync(compiledWorker, compiledAt, compiledAt);
      const script = `const w = new (require('node:worker_threads').Worker)(${JSON.stringify(join(dir, 'bin', 'worker.js'))}); w.on('message', (m) => { console.log(m); w.terminate(); });`;
      return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout;
    };
    expect(started(2_000_000, 1_000_000)).toBe('bundled worker\n');
    expect(started(1_000_000, 2_000_000)).toBe('compiled worker\n');
  });
});
