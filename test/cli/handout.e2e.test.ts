// `aslint handout --format pdf` in process, printing with the system's Chromium.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { browserDescribe, DATA } from '../glossary/handout/helpers.js';
import { runCli } from '../helpers.js';

browserDescribe('aslint handout', () => {
  it('pdf: writes a PDF', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aslint-handout-')), 'h.pdf');
    const r = await runCli(['handout', '--no-defaults', '--glossary', DATA, '--lang', 'en', '-o', file]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
