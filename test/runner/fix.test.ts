import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFixes, writeFixedFile } from '../../src/runner/fix.js';
import { runFiles, type RunOptions } from '../../src/runner/run.js';
import type { Finding } from '../../src/core/types.js';
import { TEST_RUN_OPTIONS } from '../helpers.js';

const OPTIONS: RunOptions = TEST_RUN_OPTIONS;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-fix-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs --fix on a file; returns the file's bytes after, and the run. */
async function fix(path: string, mode: 'write' | 'dry-run' = 'write') {
  const out = await runFiles([path], { ...OPTIONS, fix: mode });
  return { out, bytes: readFileSync(path) };
}

/** --fix twice: the second run must change nothing. */
async function fixTwice(path: string) {
  const first = await fix(path);
  const second = await fix(path);
  expect(second.out.fixed).toEqual([]);
  expect(second.bytes.equals(first.bytes)).toBe(true);
  return first;
}

describe('--fix on YAML', () => {
  it('changes only the flagged span: comments, quoting, key order and indentation stay', async () => {
    const before = [
      '# 退货话术  (last reviewed 2026-10)',
      'replies:',
      '  - text: 本店支持无条件退货。   # plain scalar, text before id',
      '    id: r1',
      '  - id: r2',
      "    text: '亲，无条件退货的''规则''如下'",
      '  - id: r3',
      '    text: "双引号里的无条件退货\\t和转义"',
      '  - id: r4',
      '    tags: [warranty]',
      '    text: |',
      '      您好！',
      '        保修期内免费保修，请放心。',
      '      # not a comment: part of the text',
      '  - id: r5',
      '    text: We offer a no-questions-asked return.',
      '',
    ].join('\n');
    const path = file('replies.yaml', before);
    const { out, bytes } = await fixTwice(path);
    expect(bytes.toString('utf8')).toBe(
      [
        '# 退货话术  (last reviewed 2026-10)',
        'replies:',
        '  - text: 本店支持七日无理由退货。   # plain scalar, text before id',
        '    id: r1',
        '  - id: r2',
        "    text: '亲，七日无理由退货的''规则''如下'",
        '  - id: r3',
        '    text: "双引号里的七日无理由退货\\t和转义"',
        '  - id: r4',
        '    tags: [warranty]',
        '    text: |',
        '      您好！',
        '        包修，请放心。',
        '      # not a comment: part of the text',
        '  - id: r5',
        '    text: We offer a 7-day no-reason return.',
        '',
      ].join('\n'),
    );
    expect(out.fixed).toEqual([expect.objectContaining({ applied: 5, written: true })]);
    // The remaining findings are those of the fixed text: no term/* left.
    expect(out.result.files[0]!.findings.filter((f) => f.ruleId.startsWith('term/'))).toEqual([]);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const before = '- id: r1\n  text: 本店支持无条件退货。\n- id: r2\n  text: 您好\n';
    const path = file('r.yaml', before);
    const { out, bytes } = await fix(path, 'dry-run');
    expect(bytes.toString('utf8')).toBe(before);
    const diff = out.fixed[0]!.diff;
    expect(out.fixed[0]!.written).toBe(false);
    expect(diff).toContain(`--- a/${path}`);
    expect(diff).toContain('@@ -1,4 +1,4 @@');
    expect(diff).toContain('\n-  text: 本店支持无条件退货。\n+  text: 本店支持七日无理由退货。\n');
    // As ESLint's --fix-dry-run, the report shows what would remain after the fixes: no term/* left.
    expect(out.result.files[0]!.findings.filter((f) => f.ruleId.startsWith('term/'))).toEqual([]);
  });

  it('keeps CRLF line endings and a UTF-8 BOM', async () => {
    const before = '\ufeff# 话术\r\n- id: r1\r\n  text: 本店支持无条件退货。\r\n- id: r2\r\n  text: 保修期内免费保修\r\n';
    const path = file('crlf.yaml', Buffer.from(before, 'utf8'));
    const { bytes } = await fixTwice(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\ufeff# 话术\r\n- id: r1\r\n  text: 本店支持七日无理由退货。\r\n- id: r2\r\n  text: 包修\r\n');
  });

  it('fixes a misuse written with escapes in double quotes, in the file’s escape style', async () => {
    const before = ['- id: r1', '  text: "本店支持\\u65e0条件退货"', '- id: r2', '  text: "\\u672c\\u5e97\\u65e0\\u6761\\u4ef6\\u9000\\u8d27"', ''].join('\n');
    const path = file('esc.yaml', before);
    const { out, bytes } = await fixTwice(path);
    expect(bytes.toString('utf8')).toBe(
      ['- id: r1', '  text: "本店支持七日无理由退货"', '- id: r2', '  text: "\\u672c\\u5e97\\u4e03\\u65e5\\u65e0\\u7406\\u7531\\u9000\\u8d27"', ''].join('\n'),
    );
    expect(out.unfixed).toEqual([]);
  });

  it('leaves a file alone when a fix would also change another reply (a YAML alias), and says why', async () => {
    const before = ['- id: r1', '  text: &shared 本店支持无条件退货', '- id: r2', '  text: *shared', ''].join('\n');
    const path = file('alias.yaml', before);
    const { out, bytes } = await fix(path);
    expect(bytes.toString('utf8')).toBe(before);
    expect(out.fixed).toEqual([]);
    expect(out.unfixed.map((u) => [u.finding.unit, u.reason])).toEqual([
      ['r2', 'the span is not inside a YAML string'],
      ['r1', 'the fixed file would not read back as expected'],
    ]);
  });

  it('does not fix a misuse that an inline disable covers, nor an ambiguous one', async () => {
    const before = [
      '# aslint-disable-next-line term/seven-day-return -- 引用顾客原话',
      '- id: quote',
      '  text: 您说的无条件退货是指七日无理由退货吗？',
      '- id: ambiguous',
      '  text: 这件商品支持保价。',
      '',
    ].join('\n');
    const path = file('r.yaml', before);
    const { out, bytes } = await fix(path);
    expect(bytes.toString('utf8')).toBe(before);
    expect(out.fixed).toEqual([]);
  });
});

describe('--fix on JSON', () => {
  it('keeps key order, indentation and the file’s escape style; escapes the replacement for JSON', async () => {
    const before = [
      '{',
      '    "replies": [',
      '        {"text": "本店支持无条件退货。", "id": "r1", "tags": ["refund"]},',
      '        {"id": "r2", "text": "\\u672c\\u5e97\\u652f\\u6301\\u65e0\\u6761\\u4ef6\\u9000\\u8d27"},',
      '        {"id": "r3", "text": "第一行\\n保修期内免费保修\\"引号\\""}',
      '    ]',
      '}',
    ].join('\r\n');
    const path = file('replies.json', before);
    const { bytes } = await fixTwice(path);
    expect(bytes.toString('utf8')).toBe(
      [
        '{',
        '    "replies": [',
        '        {"text": "本店支持七日无理由退货。", "id": "r1", "tags": ["refund"]},',
        '        {"id": "r2", "text": "\\u672c\\u5e97\\u652f\\u6301\\u4e03\\u65e5\\u65e0\\u7406\\u7531\\u9000\\u8d27"},',
        '        {"id": "r3", "text": "第一行\\n包修\\"引号\\""}',
        '    ]',
        '}',
      ].join('\r\n'),
    );
  });

  it('escapes a replacement that has JSON special characters', async () => {
    const text = '[{"id": "r1", "text": "本店支持无条件退货"}]';
    const finding = {
      ruleId: 'term/x',
      unit: 'r1',
      text: '无条件退货',
      start: 4,
      end: 9,
      offset: 27,
      endOffset: 32,
      fix: { start: 4, end: 9, replacement: '"七日"\\退货' },
    } as Finding;
    const r = await applyFixes('r.json', text, 'replies-json', [finding]);
    expect(r.output).toBe('[{"id": "r1", "text": "本店支持\\"七日\\"\\\\退货"}]');
    expect(JSON.parse(r.output)[0].text).toBe('本店支持"七日"\\退货');
  });
});

describe('--fix on text libraries and other encodings', () => {
  it('fixes a CRLF text library line by line and leaves comments', async () => {
    const before = '# 快捷短语\r\n本店支持无条件退货。\r\n\r\n  保修期内免费保修  \r\n';
    const path = file('replies.txt', before);
    const { bytes } = await fixTwice(path);
    expect(bytes.toString('utf8')).toBe('# 快捷短语\r\n本店支持七日无理由退货。\r\n\r\n  包修  \r\n');
  });

  it('writes GB18030 back as GB18030 and UTF-16LE with its BOM', async () => {
    const gb = file('gb.txt', iconv.encode('本店支持无条件退货，谢谢。\n', 'gb18030'));
    expect(iconv.decode((await fixTwice(gb)).bytes, 'gb18030')).toBe('本店支持七日无理由退货，谢谢。\n');
    const u16 = file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('本店支持无条件退货\n', 'utf16le')]));
    const bytes = (await fixTwice(u16)).bytes;
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe('本店支持七日无理由退货\n');
  });

  it('never rewrites a transcript', async () => {
    const before = '{"id":"c1","turns":[{"role":"agent","text":"本店支持无条件退货。"}]}\n';
    const path = file('chats.jsonl', before);
    const { out, bytes } = await fix(path);
    expect(bytes.toString('utf8')).toBe(before);
    expect(out.fixed).toEqual([]);
    expect(out.result.files[0]!.findings.map((f) => f.ruleId)).toContain('term/seven-day-return');
  });
});

describe('writing fixes', () => {
  it('a failed write leaves the original intact and no temporary file behind', async () => {
    const before = '- id: r1\n  text: 本店支持无条件退货。\n';
    const path = file('r.yaml', before);
    await expect(
      writeFixedFile(path, '- id: r1\n  text: 本店支持七日无理由退货。\n', 'utf-8', false, {
        beforeReplace: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['r.yaml']);
  });

  it('refuses text the file’s encoding cannot hold instead of writing “?”', async () => {
    const original = iconv.encode('本店支援無條件退貨\n', 'big5');
    const path = file('big5.txt', original);
    // 这 and 谢 are Simplified: Big5 has no such characters.
    await expect(writeFixedFile(path, '这本店支援無條件退貨，谢谢\n', 'big5', false)).rejects.toThrow(/cannot write the fix in big5/);
    expect(readFileSync(path).equals(original)).toBe(true);
    expect(existsSync(path)).toBe(true);
  });
});
