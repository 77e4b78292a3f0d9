import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectFormat, openSource, openText, SOURCE_EXTENSIONS } from '../../src/sources/index.js';
import { InputError } from '../../src/core/types.js';
import { all, units } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'aslint-index-'));

describe('openSource / detectFormat', () => {
  test('extensions', () => {
    expect([...SOURCE_EXTENSIONS].sort()).toEqual(['.csv', '.json', '.jsonl', '.ndjson', '.tab', '.tsv', '.txt', '.xlsx', '.yaml', '.yml']);
    expect(detectFormat('a.jsonl', '')).toBe('jsonl');
    expect(detectFormat('a.NDJSON', '')).toBe('jsonl');
    expect(detectFormat('a.yml', '')).toBe('replies-yaml');
    expect(detectFormat('a.yaml', '')).toBe('replies-yaml');
    expect(detectFormat('a.json', '{\n  "a": "b"\n}')).toBe('replies-json');
    expect(detectFormat('a.json', '[{"id":"a","text":"b"}]')).toBe('replies-json');
    expect(detectFormat('a.json', '{"a":"b"}')).toBe('replies-json');
  });

  test('content decides for .json and .txt and unknown names', () => {
    expect(detectFormat('a.json', '{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n')).toBe('jsonl');
    expect(detectFormat('a.json', '{"id":"a","turns":[]}')).toBe('jsonl');
    expect(detectFormat('a.txt', '客服：您好\n顾客：在吗\n')).toBe('text');
    expect(detectFormat('a.txt', '\n# comment\nAgent (Amy): hi\nmore\n')).toBe('text');
    expect(detectFormat('a.txt', '您好，请问有什么可以帮您？\n感谢您的耐心等待。\n')).toBe('replies-text');
    expect(detectFormat('a.txt', '您好\n客服：不是开头\n')).toBe('replies-text');
    expect(detectFormat('chat.log', '{"id":"a","turns":[]}\n')).toBe('jsonl');
    expect(detectFormat('chat', '客服：您好')).toBe('text');
    expect(() => detectFormat('notes.md', '# title')).toThrow(InputError);
  });

  test('chat exports', () => {
    expect(detectFormat('a.json', '[{"session_id": "s1", "sender": "买家", "content": "在吗"}]')).toBe('json');
    expect(detectFormat('a.json', '[\n  {\n    "id": "c1",\n    "messages": [{"role": "agent", "text": "x"}]\n  }\n]')).toBe('json');
    expect(detectFormat('a.json', '{"conversations": [{"id": "c1", "turns": []}]}')).toBe('json');
    expect(detectFormat('a.json', '{"replies": [{"id": "r1", "text": "x"}]}')).toBe('replies-json');
    expect(
      detectFormat('a.json', '{"session_id": "s1", "sender": "买家", "content": "在吗"}\n{"session_id": "s1", "sender": "卖家", "content": "在的"}\n'),
    ).toBe('jsonl');
    expect(detectFormat('a.csv', 'whatever')).toBe('csv');
    expect(detectFormat('a.xlsx', '')).toBe('xlsx');
    expect(detectFormat('export', '会话ID,发送方,内容\nx,客服,好\n')).toBe('csv');
    expect(detectFormat('export', '2024-06-01 10:00:01 客服小美：您好\n')).toBe('text');
    expect(detectFormat('a.txt', '[10:00] Agent (Anna): Hi\n[10:01] Customer: hello\n')).toBe('text');
  });

  test('the format option overrides detection', async () => {
    const file = join(tmp, 'lines.txt');
    writeFileSync(file, '{"id":"a","text":"x"}\n');
    expect((await openSource(file)).format).toBe('replies-text');
    const doc = await openSource(file, { format: 'jsonl' });
    expect(doc.format).toBe('jsonl');
    expect((await units(doc)).map((u) => u.id)).toEqual(['a']);
    expect((await openSource(file, { format: 'auto' })).format).toBe('replies-text');
  });

  test('openText for stdin', async () => {
    const doc = openText('<stdin>', 'a: 好的\n', 'replies-yaml');
    expect([doc.path, doc.format]).toEqual(['<stdin>', 'replies-yaml']);
    const us = await units(doc);
    expect(us[0]!.locate(0)).toEqual({ line: 1, column: 4, offset: 3 });
    await expect(units(openText('<stdin>', '{"x"', 'jsonl'))).rejects.toMatchObject({ file: '<stdin>', line: 1, column: 5 });
  });

  test('conversations read again on each iteration, after a stop too; an error that ends a reader is its last conversation', async () => {
    const file = join(tmp, 'two.jsonl');
    writeFileSync(file, '{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n');
    const doc = await openSource(file);
    for await (const c of doc.conversations) {
      expect(c.units[0]!.id).toBe('a');
      break;
    }
    expect((await units(doc)).map((u) => u.id)).toEqual(['a', 'b']);
    expect((await units(doc)).map((u) => u.id)).toEqual(['a', 'b']);
    const broken = openText('x.json', '[{"id":"c1","turns":[]},\n  {', 'json');
    const cs = await all(broken);
    expect(cs.map((c) => [c.units.length, c.problems?.map((p) => [p.line, p.column, p.offset])])).toEqual([[0, [[2, 4, 28]]]]);
  });
});
