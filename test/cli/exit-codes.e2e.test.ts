// The real binary, once per exit-code path (bin/aslint.js and main()); behaviour is tested in
// process (test/cli/cli.test.ts and the other suites).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'aslint.js');
const DATA = 'test/cli/data';
const TEST_CONTENT = ['--no-defaults', '--glossary', 'test/data/glossary.yaml', '--rules', 'test/data/rules.yaml'];

function aslint(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the aslint binary', () => {
  it('exits 0 when nothing is over the limits, and prints the report', () => {
    const r = aslint(['lint', ...TEST_CONTENT, '--format', 'unix', `${DATA}/replies.yaml`]);
    expect(r).toEqual({
      code: 0,
      stdout: [
        `${DATA}/replies.yaml:3:15: “无条件退货”应为“七日无理由退货”：无理由不等于无条件 [Warning/term/seven-day-return]`,
        `${DATA}/replies.yaml:8:11: “保价”应为“价保”：保价是物流的保价运输，降价补差叫价保。 [Warning/term/price-protection]`,
        `${DATA}/replies.yaml:8:16: 不宜使用“不知道”。 [Warning/test/dont-know]`,
        '',
        '3 problems',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('exits 1 on errors', () => {
    const r = aslint(['lint', ...TEST_CONTENT, '--format', 'json', `${DATA}/chats.jsonl`]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).summary).toEqual({ files: 1, units: 4, errors: 2, warnings: 1, infos: 0 });
    expect(r.stderr).toBe('');
  });

  it('exits 2 on a usage error, with the message and no stack trace', () => {
    expect(aslint(['lint', 'no-such-file.jsonl'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'aslint: no such file or folder: no-such-file.jsonl\n  Check the path.\n',
    });
    const r = aslint(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown command 'frobnicate'/);
  });

  it('exits 0 on --help and --version', () => {
    expect(aslint(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  it('says nothing when the reader closes the pipe early', () => {
    // A report far larger than a pipe's buffer, so aslint is still writing when head exits.
    const dir = mkdtempSync(join(tmpdir(), 'aslint-cli-'));
    const file = join(dir, 'many.yaml');
    writeFileSync(file, Array.from({ length: 3000 }, (_, k) => `- id: r${k}\n  text: 这不归我管\n`).join(''));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" lint ${TEST_CONTENT.join(' ')} "${file}" | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe(`${file}\n`);
    expect(r.stderr).toBe('');
  });
});
