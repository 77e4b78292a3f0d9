import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { folderWith, SMALL_CONTENT } from './helpers.js';

const REPLY = '- id: r1\n  text: 本店支持无条件退货。\n';

describe('folders and special files', () => {
  it('a symbolic link loop lints each real file once', async () => {
    const dir = folderWith({ 'a.yaml': REPLY });
    symlinkSync('.', join(dir, 'self'));
    symlinkSync(`../${dir.split('/').pop()}`, join(dir, 'up'));
    const { code, stdout } = await runCli(['lint', dir, ...SMALL_CONTENT, '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual([`${dir}/a.yaml`]);
  });

  // Small files are read to their end at explicit positions, not after an fstat: a device that can
  // be read so must still be refused, whether it gives nothing (/dev/null) or never ends (/dev/zero).
  it.each(['/dev/null', '/dev/zero'])('%s is refused as a device', async (device) => {
    const { code, stdout, stderr } = await runCli(['lint', device, ...SMALL_CONTENT]);
    expect({ code, stdout, stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `aslint: ${device}: is not a regular file (a device)\n  aslint reads files; send a stream to its standard input instead: … | aslint lint - --stdin-format jsonl\n`,
    });
  });

  it('an empty file and one of 1 MiB + 1 byte (read as a stream) are read', async () => {
    const dir = folderWith({ 'empty.txt': '', 'big.txt': `客服：${'好'.repeat(349_524)}\n` });
    const { code, stdout } = await runCli(['lint', join(dir, 'empty.txt'), join(dir, 'big.txt'), ...SMALL_CONTENT, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      files: { path: string; findings: { ruleId: string; line: number; column: number }[] }[];
      summary: { units: number };
    };
    expect(report.files.map((f) => [f.path, f.findings.map((x) => [x.ruleId, x.line, x.column])])).toEqual([
      [join(dir, 'empty.txt'), []],
      [join(dir, 'big.txt'), [['test/greeting', 1, 4]]],
    ]);
    expect(report.summary.units).toBe(1);
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
    expect(stderr).toContain(
      'cannot decode the file: it is not UTF-8, UTF-16 with a BOM, GB18030 or Big5\n  save it as UTF-8 (or UTF-16 with a byte-order mark) and lint it again\n',
    );
  });
});
