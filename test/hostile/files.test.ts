import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { folderWith, SMALL_CONTENT } from './helpers.js';

const REPLY = '- id: r1\n  text: 本店支持无条件退货。\n';
const BIN = join(__dirname, '..', '..', 'bin', 'aslint.js');

function hasRunuser(): boolean {
  try {
    execFileSync('runuser', ['--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('folders and special files', () => {
  it('a symbolic link loop lints each real file once', async () => {
    const dir = folderWith({ 'a.yaml': REPLY });
    symlinkSync('.', join(dir, 'self'));
    symlinkSync(`../${dir.split('/').pop()}`, join(dir, 'up'));
    const { code, stdout } = await runCli(['lint', dir, ...SMALL_CONTENT, '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual([`${dir}/a.yaml`]);
  });

  it('a FIFO is a clear error at once, not a hang', async () => {
    const dir = folderWith({});
    execFileSync('mkfifo', [join(dir, 'chats.jsonl')]);
    const { code, stdout, stderr } = await runCli(['lint', join(dir, 'chats.jsonl'), ...SMALL_CONTENT]);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `aslint: ${join(dir, 'chats.jsonl')}: is not a regular file (a named pipe)\n  aslint reads files; send a stream to its standard input instead: … | aslint lint - --stdin-format jsonl\n`,
    });
  });

  // Root reads any folder: the walk is checked as an ordinary user.
  it.runIf(process.getuid?.() !== 0 || hasRunuser())('an unreadable folder is an error (exit 2), not "0 files"', () => {
    const dir = folderWith({ 'a.yaml': REPLY });
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'b.yaml'), REPLY);
    chmodSync(join(dir, 'locked'), 0o000);
    const args = [BIN, 'lint', dir, ...SMALL_CONTENT];
    const run = process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
    chmodSync(join(dir, 'locked'), 0o755);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: `aslint: ${join(dir, 'locked')}: cannot read the folder (EACCES)\n  Give aslint read permission on it, or leave it out (an \`ignores\` entry in aslint.config.yaml).\n`,
    });
  });
});

describe('baselines and hints', () => {
  it('a baseline with a null entry is a positioned error', async () => {
    const dir = folderWith({ 'r.yaml': REPLY, 'baseline.json': '{"version": 2,\n "findings": [\n  null\n ]}\n' });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--baseline', join(dir, 'baseline.json')]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `aslint: ${join(dir, 'baseline.json')}:3:3: this baseline entry is not {"path", "ruleId", "unitText", "text": strings, "count": a whole number above 0}\n  Write the baseline again with --write-baseline <file>, or remove the entry.\n`,
    });
  });

  it('a baseline that is not JSON names the place', async () => {
    const dir = folderWith({ 'r.yaml': REPLY, 'baseline.json': '{"version": 1,\n "findings": [,]}\n' });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--baseline', join(dir, 'baseline.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^aslint: ${join(dir, 'baseline.json')}:2:15: the baseline is not valid JSON`));
  });

  it('an undecodable file gets a hint the CLI can follow (there is no encoding option)', async () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => [0x81 + (i % 50), 0x7f][i % 2]!));
    const dir = folderWith({ 'r.txt': bytes });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.txt'), ...SMALL_CONTENT]);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot decode the file: it is not UTF-8, UTF-16 with a BOM, GB18030 or Big5\n  save it as UTF-8 (or UTF-16 with a byte-order mark) and lint it again\n');
  });
});
