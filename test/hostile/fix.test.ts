import { chmodSync, copyFileSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixedFile } from '../../src/runner/fix.js';
import { runFiles } from '../../src/runner/run.js';
import { runCli, TEST_RUN_OPTIONS } from '../helpers.js';
import { folderWith, SMALL_CONTENT } from './helpers.js';
import { growth, LINEAR_BOUND } from './scaling.js';

const BEFORE = '- id: r1\n  text: 本店支持无条件退货。\n';
const AFTER = '- id: r1\n  text: 本店支持七日无理由退货。\n';

function library(n: number): string {
  return Array.from({ length: n }, (_, i) => `- id: r${i}\n  text: 本店支持无条件退货，请放心。\n`).join('');
}

describe('--fix respects the file it changes', () => {
  it('a read-only file is not replaced, and says so', async () => {
    const dir = folderWith({ 'r.yaml': BEFORE });
    const path = join(dir, 'r.yaml');
    chmodSync(path, 0o444);
    const { code, stderr } = await runCli(['lint', path, ...SMALL_CONTENT, '--fix', '--format', 'json']);
    expect(readFileSync(path, 'utf8')).toBe(BEFORE);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(stderr).toBe(
      `aslint: ${path}: not fixed: the file is read-only\n  aslint does not change read-only files: make it writable (chmod u+w) and run --fix again, or fix it by hand.\n`,
    );
    expect(code).toBe(0);
  });

  it('keeps hard links: every name sees the fix', async () => {
    const dir = folderWith({ 'r.yaml': BEFORE });
    linkSync(join(dir, 'r.yaml'), join(dir, 'other-name.yaml'));
    const { stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--fix', '--format', 'json']);
    expect(stderr).toBe('aslint: fixed 1 finding in 1 file\n');
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(AFTER);
    expect(readFileSync(join(dir, 'other-name.yaml'), 'utf8')).toBe(AFTER);
    expect(statSync(join(dir, 'r.yaml')).nlink).toBe(2);
  });

  it('keeps the permissions of a file it replaces', async () => {
    const dir = folderWith({ 'r.yaml': BEFORE });
    chmodSync(join(dir, 'r.yaml'), 0o640);
    await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--fix', '--format', 'json']);
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(AFTER);
    expect(statSync(join(dir, 'r.yaml')).mode & 0o777).toBe(0o640);
  });

  it('does not lose an edit made to the file while it ran', async () => {
    const dir = folderWith({ 'r.yaml': BEFORE });
    const path = join(dir, 'r.yaml');
    const edited = `${BEFORE}- id: r2\n  text: 新加的一条\n`;
    writeFileSync(path, edited);
    await expect(writeFixedFile(path, AFTER, 'utf-8', false, { original: BEFORE })).rejects.toThrow('not fixed: the file changed while aslint was fixing it');
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('explains a permission error (as the folder of a non-root user would give it)', async () => {
    const dir = folderWith({ 'r.yaml': BEFORE });
    const path = join(dir, 'r.yaml');
    const denied = () => {
      throw Object.assign(new Error("EACCES: permission denied, open '…'"), { code: 'EACCES' });
    };
    const error = await writeFixedFile(path, AFTER, 'utf-8', false, { original: BEFORE, beforeReplace: denied }).catch((e: Error) => e);
    expect((error as { format(): string }).format()).toBe(
      `${path}: not fixed: permission denied (EACCES)\n  aslint replaces a file by writing a new one beside it and renaming it over the old one, which needs write permission on the folder as well as the file. Make both writable, or fix the file by hand.`,
    );
    expect(readFileSync(path, 'utf8')).toBe(BEFORE);
  });

  it.skipIf(process.getuid?.() === 0)(
    `explains EACCES in a read-only folder${process.getuid?.() === 0 ? ' (skipped: root writes into a read-only folder; the test above gives the same error by hand)' : ''}`,
    async () => {
      const dir = folderWith({ 'r.yaml': BEFORE });
      chmodSync(dir, 0o555);
      const { stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--fix', '--format', 'json']);
      chmodSync(dir, 0o755);
      expect(stderr).toContain('not fixed: permission denied (EACCES)');
    },
  );
});

describe('--fix scales linearly and builds no diff', () => {
  it('one library of n replies: 4n takes about 4 times as long (20,000 took 734 s)', async () => {
    const make = (n: number) => {
      const dir = folderWith({ 'master.yaml': library(n) });
      return () => {
        copyFileSync(join(dir, 'master.yaml'), join(dir, 'r.yaml'));
        return runFiles([join(dir, 'r.yaml')], { ...TEST_RUN_OPTIONS, fix: 'write' });
      };
    };
    expect(await growth(make, 200)).toBeLessThan(LINEAR_BOUND);
  });

  it('--fix makes every edit and builds no unified diff', async () => {
    const dir = folderWith({ 'r.yaml': library(300) });
    const out = await runFiles([join(dir, 'r.yaml')], { ...TEST_RUN_OPTIONS, fix: 'write' });
    expect(out.fixed).toEqual([{ path: join(dir, 'r.yaml'), diff: '', applied: 300, written: true }]);
    expect(readFileSync(join(dir, 'r.yaml'), 'utf8')).toBe(library(300).replaceAll('无条件退货', '七日无理由退货'));
  });
});
