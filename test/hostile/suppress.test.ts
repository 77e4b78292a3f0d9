import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { folderWith, SMALL_CONTENT } from './helpers.js';

describe('inline disables at scale', () => {
  it('a disable comment naming 150,000 rule ids works (it overflowed the stack)', async () => {
    const ids = Array.from({ length: 150_000 }, (_, i) => `term/x${i}`).join(' ');
    const dir = folderWith({ 'r.yaml': `# aslint-disable-next-line ${ids} term/seven-day-return -- 旧话术\n- id: r1\n  text: 本店支持无条件退货。\n` });
    const { code, stdout, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--format', 'json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect((JSON.parse(stdout) as { files: { findings: unknown[] }[] }).files[0]!.findings).toEqual([]);
  });
});
