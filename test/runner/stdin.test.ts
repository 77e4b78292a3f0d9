// stdin as the runner lints it: decoded as a file is, JSONL streamed in parts, ignore patterns.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStdinChoice, isStdinIgnored, stdinInput } from '../../src/runner/stdin.js';
import { InputError } from '../../src/core/types.js';

const dir = mkdtempSync(join(tmpdir(), 'aslint-stdin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stream = (...chunks: Buffer[]) => Readable.from(chunks) as AsyncIterable<Buffer>;

describe('stdin', () => {
  it('reads GB18030 bytes as text, the format from the file name', async () => {
    const input = await stdinInput(stream(iconv.encode('- id: a\n  text: 七天无理由退货\n', 'gb18030')), { filename: 'replies.yaml' });
    expect(input).toEqual({ text: '- id: a\n  text: 七天无理由退货\n', format: 'replies-yaml', path: 'replies.yaml' });
  });

  it('streams JSONL in parts, unless the whole text is needed', async () => {
    const line = Buffer.from('{"role":"agent","text":"您好"}\n');
    const streamed = await stdinInput(stream(line), { format: 'jsonl' });
    expect('parts' in streamed && streamed.format).toBe('jsonl');
    const parts = [];
    if ('parts' in streamed) for await (const p of streamed.parts) parts.push(p?.text);
    expect(parts).toEqual([line.toString()]);
    expect(await stdinInput(stream(line), { format: 'jsonl', whole: true })).toEqual({ text: line.toString(), format: 'jsonl', path: undefined });
  });

  it('needs a format or a name, and skips a name the config ignores', () => {
    let message = '';
    try {
      checkStdinChoice({});
    } catch (e) {
      message = (e as InputError).format();
    }
    expect(message).toBe(
      'reading stdin needs --stdin-format or --stdin-filename\n  Add --stdin-format jsonl|json|csv|tsv|text|replies-yaml|replies-json|replies-text, or --stdin-filename replies.yaml.',
    );
    const config = join(dir, 'aslint.config.yaml');
    writeFileSync(config, 'ignores: ["old/**"]\n');
    expect(isStdinIgnored({ filename: join(dir, 'old/a.yaml') }, { config })).toBe(true);
    expect(isStdinIgnored({ filename: join(dir, 'new/a.yaml') }, { config })).toBe(false);
    expect(isStdinIgnored({ format: 'replies-yaml' }, { config })).toBe(false);
  });
});
