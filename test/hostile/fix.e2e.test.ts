// --fix killed mid-run (the binary, in another process).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, SMALL_CONTENT } from './helpers.js';

function library(n: number): string {
  return Array.from({ length: n }, (_, i) => `- id: r${i}\n  text: 本店支持无条件退货，请放心。\n`).join('');
}

describe('--fix killed with SIGKILL', () => {
  const BIN = join(__dirname, '..', '..', 'bin', 'aslint.js');
  const run = (dir: string) => {
    const child = spawn(process.execPath, [BIN, 'lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--fix', '--format', 'json'], { stdio: 'ignore' });
    return { child, exited: new Promise<void>((resolve) => child.on('exit', () => resolve())) };
  };

  it('leaves the old file or the new one, and no temporary file', async () => {
    const original = library(300);
    const fixedText = original.replaceAll('无条件退货', '七日无理由退货');
    const dir = folderWith({ 'r.yaml': original });
    const started = Date.now();
    await run(dir).exited;
    const full = Date.now() - started;
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(fixedText);
    // Kill runs at moments spread over a whole run, the last ones near its end, where it writes.
    for (let k = 1; k <= 5; k++) {
      writeFileSync(join(dir, 'r.yaml'), original);
      const { child, exited } = run(dir);
      await new Promise((r) => setTimeout(r, full * (0.5 + k * 0.09)));
      child.kill('SIGKILL');
      await exited;
      expect(readdirSync(dir)).toEqual(['r.yaml']);
      expect([original, fixedText]).toContain(readFileSync(join(dir, 'r.yaml'), 'utf8'));
    }
  }, 300_000);
});
