import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { folderWith, SMALL_CONTENT } from './helpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const REPLY = '- id: r1\n  text: 本店支持无条件退货。\n';
const FIXED = '- id: r1\n  text: 本店支持七日无理由退货。\n';
const MISUSE = 'term/seven-day-return';

describe('a file saved with two BOMs', () => {
  it('a reply library: the finding is where the text is, and --fix rewrites it keeping both BOMs', async () => {
    const dir = folderWith({ 'r.yaml': Buffer.concat([BOM, BOM, Buffer.from(REPLY)]) });
    const file = join(dir, 'r.yaml');
    const lint = await runCli(['lint', file, ...SMALL_CONTENT, '--format', 'unix']);
    expect(lint.stdout.split('\n')[0]).toBe(`${file}:2:13: “无条件退货”应为“七日无理由退货”：无理由不等于无条件 [Warning/${MISUSE}]`);
    const fix = await runCli(['lint', file, ...SMALL_CONTENT, '--format', 'unix', '--fix']);
    expect(fix.stderr).toBe('aslint: fixed 1 finding in 1 file\n');
    expect(readFileSync(file)).toEqual(Buffer.concat([BOM, BOM, Buffer.from(FIXED)]));
  });

  it('a transcript: positions are those of the same file with one BOM', async () => {
    const line = '{"conversation":"c1","role":"agent","text":"本店支持无条件退货。"}\n';
    const dir = folderWith({ 'one.jsonl': Buffer.concat([BOM, Buffer.from(line)]), 'two.jsonl': Buffer.concat([BOM, BOM, Buffer.from(line)]) });
    const misuseLine = async (name: string) =>
      (await runCli(['lint', join(dir, name), ...SMALL_CONTENT, '--format', 'unix'])).stdout.split('\n').find((l) => l.includes(MISUSE));
    expect(await misuseLine('two.jsonl')).toBe(`${join(dir, 'two.jsonl')}:1:49: “无条件退货”应为“七日无理由退货”：无理由不等于无条件 [Warning/${MISUSE}]`);
    expect((await misuseLine('one.jsonl'))!.replace('one.jsonl', 'two.jsonl')).toBe(await misuseLine('two.jsonl'));
  });
});

describe('glossaries in other encodings are decoded like inputs', () => {
  const GLOSSARY = [
    'category: statutory',
    'terms:',
    '  - id: price-protection',
    '    zh-Hans: 价保',
    '    en: price protection',
    '    definition:',
    '      zh-Hans: 购买后一定期限内降价，退还差价。',
    '      en: A refund of the difference when the price drops.',
    '    misuses:',
    '      - text: 保价',
    '        why: 保价是物流的保价运输，降价补差叫价保。',
    '',
  ].join('\n');
  let cache: string;
  let saved: string | undefined;
  // A fresh rule-set cache: content cached from an earlier build must not stand in for reading the file.
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'aslint-cache-'));
    saved = process.env.ASLINT_CACHE_DIR;
    process.env.ASLINT_CACHE_DIR = cache;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.ASLINT_CACHE_DIR;
    else process.env.ASLINT_CACHE_DIR = saved;
    rmSync(cache, { recursive: true, force: true });
  });

  const lintWith = async (glossary: Uint8Array) => {
    const dir = folderWith({ 'g.yaml': glossary, 'r.yaml': '- id: r1\n  text: 我们提供三十天保价服务。\n' });
    const out = await runCli(['lint', join(dir, 'r.yaml'), '--no-config', '--no-defaults', '--glossary', join(dir, 'g.yaml'), '--format', 'unix']);
    return { ...out, dir };
  };

  it('a GB18030 glossary: its misuse is found in a UTF-8 reply', async () => {
    const { code, stdout, dir } = await lintWith(iconv.encode(GLOSSARY, 'gb18030'));
    expect(code).toBe(0);
    expect(stdout).toBe(`${join(dir, 'r.yaml')}:2:16: “保价”应为“价保”：保价是物流的保价运输，降价补差叫价保。 [Warning/term/price-protection]\n\n1 problem\n`);
  });

  it('a UTF-16 glossary with a BOM: the same', async () => {
    const { stdout } = await lintWith(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GLOSSARY, 'utf16le')]));
    expect(stdout).toContain(':2:16: “保价”应为“价保”');
  });

  it('a glossary that is UTF-8 but for one bad byte is an error at that byte', async () => {
    const bytes = Buffer.from(GLOSSARY.replace('价保\n', '价保X\n'));
    bytes[bytes.indexOf('X')] = 0xff;
    const { code, stdout, stderr, dir } = await lintWith(bytes);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n')[0]).toBe(`aslint: ${join(dir, 'g.yaml')}:4:16: invalid UTF-8 byte 0xff`);
  });
});
