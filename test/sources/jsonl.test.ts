import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { openSource, openText } from '../../src/sources/index.js';
import { InputError } from '../../src/core/types.js';
import { at, checkConsistent, collect, idx, units } from './helpers.js';

const data = (name: string) => join(import.meta.dirname, 'data', name);
const tmp = mkdtempSync(join(tmpdir(), 'aslint-jsonl-'));

async function inputError(text: string): Promise<InputError> {
  try {
    await units(openText('<stdin>', text, 'jsonl'));
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no error');
}

describe('jsonl', () => {
  test('conversations, ids, roles, fields', async () => {
    const doc = await openSource(data('chats.jsonl'));
    expect(doc.format).toBe('jsonl');
    const cs = await collect(doc);
    expect(cs.map((c) => [c.id, c.dialogue, c.units.length])).toEqual([
      ['c1', true, 2],
      ['42', true, 2],
      ['line4', true, 2],
      [null, false, 1],
    ]);
    const us = cs.flatMap((c) => c.units);
    expect(us.map((u) => [u.id, u.conversationId, u.index, u.role])).toEqual([
      ['c1#0', 'c1', 0, 'customer'],
      ['c1#1', 'c1', 1, 'agent'],
      ['42#0', '42', 0, 'customer'],
      ['t-9', '42', 1, 'agent'],
      ['line4#0', 'line4', 0, 'system'],
      ['line4#1', 'line4', 1, 'agent'],
      ['r1', null, null, 'agent'],
    ]);
    expect(us[0]!.time).toBe('2024-05-01 10:00');
    expect(us[1]!.speaker).toBe('小王');
    expect(us[1]!.text).toBe('您好\n非常抱歉，"订单"正在派送');
    expect(us[3]!.text).toBe('1\\2 😀 到账');
    expect(us[6]!.tags).toEqual(['closing']);
  });

  test('exact positions after escapes', async () => {
    const src = (await import('node:fs')).readFileSync(data('chats.jsonl'), 'utf8');
    const us = await units(await openSource(data('chats.jsonl')));
    const [c0, c1, m0, m1, s0, s1, r] = us as [any, any, any, any, any, any, any];
    // line 1: ..."text": "快递... — the string's content starts at column 54
    expect(at(c0, 0)).toBe('1:54');
    expect(at(c0, c0.text.length)).toBe('1:62');
    // "您好\n非常抱歉，\"订单\"正在派送"
    expect(at(c1, 0)).toBe(`1:${src.split('\n')[0]!.indexOf('您好') + 1}`);
    expect(at(c1, 2)).toBe('1:140'); // the \n escape itself
    expect(at(c1, 3)).toBe('1:142'); // 非 after the 2-character escape
    expect(at(c1, idx(c1, '"'))).toBe('1:147'); // \" → its backslash
    expect(at(c1, idx(c1, '订单'))).toBe('1:149');
    expect(at(c1, idx(c1, '正在'))).toBe('1:153');
    expect(at(c1, c1.text.length)).toBe('1:157');
    // line 3: "退\u6b3e多久到账？" — 款 is the escape, 多 is 6 columns later
    const l3 = src.split('\n')[2]!;
    const t0 = l3.indexOf('退');
    expect(at(m0, 0)).toBe(`3:${t0 + 1}`);
    expect(at(m0, 1)).toBe(`3:${t0 + 2}`);
    expect(at(m0, 2)).toBe(`3:${t0 + 8}`);
    // "1\\2 \ud83d\ude00 到账": surrogate pair written as two escapes
    const t1 = l3.indexOf('"1\\') + 1;
    expect(at(m1, 1)).toBe(`3:${t1 + 2}`); // the \\ escape
    expect(at(m1, 2)).toBe(`3:${t1 + 4}`); // 2
    expect(at(m1, 4)).toBe(`3:${t1 + 6}`); // high surrogate → first escape
    expect(at(m1, 5)).toBe(`3:${t1 + 12}`); // low surrogate → second escape
    expect(at(m1, 6)).toBe(`3:${t1 + 18}`); // the space after
    expect(at(m1, idx(m1, '到账'))).toBe(`3:${t1 + 19}`);
    expect(m1.locate(0).offset).toBe(src.indexOf('"1\\') + 1);
    expect(at(s1, idx(s1, 'here'))).toBe(`4:${src.split('\n')[3]!.indexOf('here') + 1}`);
    expect(at(r, 0)).toBe(`5:${src.split('\n')[4]!.indexOf('感谢') + 1}`);
    for (const u of us) checkConsistent(u, src);
    void s0;
  });

  test('CRLF and BOM: offsets after the BOM, columns per line', async () => {
    const body = '{"id":"a","turns":[{"role":"坐席","text":"第一\\r\\n行"}]}\r\n\r\n{"id":"b","turns":[{"role":"买家","text":"好的"}]}\r\n';
    const file = join(tmp, 'crlf.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]));
    const doc = await openSource(file);
    expect(doc.bom).toBe(true);
    const [a, b] = (await units(doc)) as [any, any];
    expect(a.text).toBe('第一\r\n行');
    expect(at(a, 0)).toBe('1:41');
    expect(a.locate(0).offset).toBe(40);
    expect(at(a, 2)).toBe('1:43'); // \r escape
    expect(at(a, 3)).toBe('1:45'); // \n escape
    expect(at(a, 4)).toBe('1:47');
    expect(b.role).toBe('customer');
    const l3 = body.split('\r\n')[2]!;
    expect(at(b, 0)).toBe(`3:${l3.indexOf('好') + 1}`);
    expect(b.locate(0).offset).toBe(body.indexOf('好的'));
    for (const u of [a, b]) checkConsistent(u, body);
  });

  test('role aliases', async () => {
    const roles = [
      '客服',
      '坐席',
      'agent',
      'STAFF',
      'Assistant',
      'service',
      'support',
      '顾客',
      '客户',
      '顧客',
      '客戶',
      'Customer',
      'user',
      'buyer',
      '买家',
      'system',
      '系统',
    ];
    const line = JSON.stringify({ id: 'x', turns: roles.map((role) => ({ role, text: 't' })) });
    const us = await units(openText('<stdin>', line, 'jsonl'));
    expect(us.map((u) => u.role)).toEqual([...Array(7).fill('agent'), ...Array(8).fill('customer'), 'system', 'system']);
  });

  test('blank lines are skipped; a file without a final newline', async () => {
    const us = await units(openText('<stdin>', '\n  \n{"id":"a","text":"x"}\n\n{"text":"y"}', 'jsonl'));
    expect(us.map((u) => [u.id, at(u, 0)])).toEqual([
      ['a', '3:19'],
      ['line5', '5:10'],
    ]);
  });

  test('errors name the exact line and column', async () => {
    let e = await inputError('{"id":"a","text":"x"}\n{"id":"b", "turns": [}');
    expect([e.line, e.column]).toEqual([2, 22]);
    expect(e.message).toBe("invalid JSON: unexpected '}'");
    expect(e.hint).toBe('fix the JSON at this place; each line must be one complete JSON object');
    expect(e.format()).toMatch(/^<stdin>:2:22: /);
    e = await inputError('{"id":"a","turns":[{"role":"agent","text":"ok"},{"role":"经理","text":"x"}]}');
    expect([e.line, e.column, e.message]).toEqual([1, 57, 'unknown role "经理"']);
    expect(e.hint).toMatch(/customer/);
    e = await inputError('\n{"id":"a","turns":[{"role":"agent","text":"ok"}, {"role":"agent"}]}');
    expect([e.line, e.column, e.message]).toEqual([2, 50, 'the message has no text']);
    e = await inputError('{"id":"a","turns":[{"role":"agent","text": ["x"]}]}');
    expect([e.line, e.column]).toEqual([1, 44]);
    expect(e.message).toBe('the message text must be text, not a list');
    e = await inputError('{"id":"a","turns":[{"text":"x"}]}');
    expect([e.line, e.column, e.message]).toEqual([1, 20, 'the message has no role']);
    e = await inputError('{"id":"a","turns":{}}');
    expect([e.line, e.column]).toEqual([1, 19]);
    e = await inputError('  [1,2]');
    expect([e.line, e.column]).toEqual([1, 3]);
    e = await inputError('{"id":"a"}');
    expect(e.message).toMatch(/neither "turns" nor "text"/);
    e = await inputError('{"text":"a\\qb"}');
    expect([e.line, e.column]).toEqual([1, 11]);
    e = await inputError('{"text":"abc}');
    expect([e.line, e.column, e.message]).toEqual([1, 9, 'invalid JSON: unterminated string']);
    e = await inputError("{'text':'abc'}");
    expect([e.line, e.column]).toEqual([1, 2]);
    e = await inputError('{"text":"a",}');
    expect([e.line, e.column]).toEqual([1, 13]);
    expect(e.hint).toMatch(/trailing comma/);
  });

  test('a conversation streams: iteration is lazy and repeatable', async () => {
    const file = join(tmp, 'lazy.jsonl');
    writeFileSync(file, '{"id":"a","text":"x"}\n{"id":"b","text":\n');
    const doc = await openSource(file);
    const it = doc.conversations[Symbol.asyncIterator]();
    expect((await it.next()).value.units[0].id).toBe('a');
    expect((await it.next()).value.problems).toEqual([
      { line: 2, column: 18, offset: 39, message: 'invalid JSON: unexpected end of input', hint: expect.any(String) },
    ]);
    const again = doc.conversations[Symbol.asyncIterator]();
    expect((await again.next()).value.units[0].id).toBe('a');
  });
});

test('openText splits big input into batches with the same positions', async () => {
  const one = '{"id":"x","turns":[{"role":"agent","text":"好的\\n收到"}]}\n';
  const text = one.repeat(40000);
  const us = await units(openText('<stdin>', text, 'jsonl'));
  expect(us.length).toBe(40000);
  const u = us[39999]!;
  expect(u.locate(3)).toEqual({ line: 40000, column: 48, offset: one.length * 39999 + 47 });
});

describe('jsonl positions on lines of many turns', () => {
  const asciiOnly = (s: string) => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const text = fc.string({ unit: fc.constantFrom('a', ' ', '好', '"', '\\', '/', '\n', '\t', '\u0001', '😀', '}', ']', ':', ',', '{') });
  const turn = fc.record({
    before: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    role: fc.constantFrom('agent', 'customer', '客服'),
    text: text.filter((t) => t.trim() !== ''),
    after: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
  });

  // Property: every text of every turn starts where its string literal does (after its opening
  // quote) and ends before its closing quote, whatever comes before it on the line: other values
  // holding quotes, brackets and escapes, a text key written twice (the last one counts), keys
  // escaped to ASCII, spaces between tokens.
  test('property: each text maps to its own string literal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(turn, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), async (turns, ascii, spaced) => {
        const literal = (t: (typeof turns)[number]) => {
          const parts = [`"role":${JSON.stringify(t.role)}`];
          if (t.before !== undefined) parts.push(`"text":${JSON.stringify(t.before)}`, `"meta":${JSON.stringify(t.before)}`);
          parts.push(`"text":${JSON.stringify(t.text)}`);
          if (t.after !== undefined) parts.push(`"extra":${JSON.stringify(t.after)}`);
          return `{${parts.join(spaced ? ' , ' : ',')}}`;
        };
        let line = `{"id":"c1",${spaced ? ' ' : ''}"turns":[${turns.map(literal).join(spaced ? ', ' : ',')}]}`;
        if (ascii) line = asciiOnly(line);
        const file = `{"id":"c0","text":"x"}\n${line}\n`;
        const us = (await units(openText('p.jsonl', file, 'jsonl'))).slice(1);
        expect(us.map((u) => u.text)).toEqual(turns.map((t) => t.text));
        for (const u of us) {
          const start = u.locate(0).offset;
          const end = u.locate(u.text.length).offset;
          expect(file[start - 1]).toBe('"');
          expect(file[end]).toBe('"');
          expect(JSON.parse(file.slice(start - 1, end + 1))).toBe(u.text);
          checkConsistent(u, file);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
