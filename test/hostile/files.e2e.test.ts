// Special files that need other processes: a FIFO (mkfifo) and a folder locked from an
// ordinary user (the binary run as nobody when the tests run as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
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

const CAN_LOCK = process.getuid?.() !== 0 || hasRunuser();

describe('folders and special files', () => {
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
  it.runIf(CAN_LOCK)(
    `an unreadable folder is an error (exit 2), not "0 files"${CAN_LOCK ? '' : ' (skipped: root reads any folder and there is no runuser to run as nobody)'}`,
    () => {
      const dir = folderWith({ 'a.yaml': REPLY });
      chmodSync(dir, 0o755);
      mkdirSync(join(dir, 'locked'));
      writeFileSync(join(dir, 'locked', 'b.yaml'), REPLY);
      chmodSync(join(dir, 'locked'), 0o000);
      const args = [BIN, 'lint', dir, ...SMALL_CONTENT];
      const run =
        process.getuid?.() === 0
          ? spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, ...args], { encoding: 'utf8' })
          : spawnSync(process.execPath, args, { encoding: 'utf8' });
      chmodSync(join(dir, 'locked'), 0o755);
      expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
        status: 2,
        stdout: '',
        stderr: `aslint: ${join(dir, 'locked')}: cannot read the folder (EACCES)\n  Give aslint read permission on it, or leave it out (an \`ignores\` entry in aslint.config.yaml).\n`,
      });
    },
  );
});
