// The bundled command line (scripts/bundle.js, what bin/aslint.js runs after `npm run build`)
// behaves as the modules tsc writes: the same output, byte for byte, and the same exit code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs main() of the bundle or of dist/cli/index.js with these arguments. */
function run(entry: 'dist/bundle/aslint.js' | 'dist/cli/index.js', args: string[]) {
  const script = `const { main } = await import('./${entry}'); process.exitCode = await main(['node', 'aslint', ...process.argv.slice(1)]);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], {
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
    const bundled = run('dist/bundle/aslint.js', args);
    expect(bundled.stdout.length + bundled.stderr.length).toBeGreaterThan(0);
    expect(bundled).toEqual(run('dist/cli/index.js', args));
  });
});
