import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectFormat, openSource, openText } from '../../src/sources/index.js';
import { InputError } from '../../src/core/types.js';
import { looksLikeTranscript } from '../../src/sources/text.js';
import { all, at, checkConsistent, collect, idx, units } from './helpers.js';

const data = (name: string) => join(import.meta.dirname, 'data', name);
const tmp = mkdtempSync(join(tmpdir(), 'aslint-text-'));

describe('text transcripts', () => {
  test('turns, roles, speakers, continuation lines, conversations', async () => {
    const doc = await openSource(data('transcript.txt'));
    expect(doc.format).toBe('text');
    const cs = await collect(doc);
    expect(cs.map((c) => [c.id, c.dialogue, c.units.length])).toEqual([
      ['L1', true, 4],
      ['L7', true, 2],
    ]);
    const us = cs.flatMap((c) => c.units);
    expect(us.map((u) => [u.id, u.conversationId, u.index, u.role, u.speaker, u.text])).toEqual([
      ['L1#0', 'L1', 0, 'customer', undefined, '我买的耳机坏了，怎么回事？'],
      ['L1#1', 'L1', 1, 'agent', '小王', '非常抱歉给您带来不便。\n请问订单号是多少？'],
      ['L1#2', 'L1', 2, 'customer', undefined, '12345'],
      ['L1#3', 'L1', 3, 'agent', 'Amy', 'Thanks, checking now.'],
      ['L7#0', 'L7', 0, 'customer', undefined, 'hello\n  continued line'],
      ['L7#1', 'L7', 1, 'agent', undefined, 'hi'],
    ]);
    const src = readFileSync(data('transcript.txt'), 'utf8');
    for (const u of us) checkConsistent(u, src);
  });

  test('exact positions', async () => {
    const us = await units(await openSource(data('transcript.txt')));
    const [c0, a1, c2, a3, c4, a5] = us as [any, any, any, any, any, any];
    expect(at(c0, 0)).toBe('1:4');
    expect(at(c0, c0.text.length)).toBe('1:17');
    expect(at(a1, 0)).toBe('2:7');
    expect(at(a1, idx(a1, '\n'))).toBe('2:18'); // the joining "\n" → end of the line
    expect(at(a1, idx(a1, '订单号'))).toBe('3:3');
    expect(at(a1, a1.text.length)).toBe('3:10');
    expect(at(c2, 0)).toBe('4:5');
    expect(at(a3, idx(a3, 'checking'))).toBe('5:22');
    expect(at(c4, idx(c4, 'continued'))).toBe('8:3');
    expect(at(a5, 0)).toBe('9:9');
  });

  test('CRLF and BOM', async () => {
    const src = readFileSync(data('transcript.txt'), 'utf8');
    const crlf = src.replace(/\n/g, '\r\n');
    const file = join(tmp, 'crlf.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]));
    const lf = await units(openText('lf.txt', src, 'text'));
    const cr = await units(await openSource(file));
    expect(cr.map((u) => u.text)).toEqual(lf.map((u) => u.text));
    for (let k = 0; k < lf.length; k++) {
      for (let i = 0; i <= lf[k]!.text.length; i++) expect(at(cr[k]!, i)).toBe(at(lf[k]!, i));
      checkConsistent(cr[k]!, crlf);
    }
    expect(cr[1]!.locate(0).offset).toBe(crlf.indexOf('非常'));
  });

  test('a line without a role before any turn is an error', async () => {
    const doc = openText('t.txt', '客服：好\n\n  没有角色的行\n', 'text');
    const e = await units(doc).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect([(e as InputError).line, (e as InputError).column]).toEqual([3, 3]);
    expect((e as InputError).hint).toMatch(/客服：/);
  });

  test('an unknown name before a colon is text, not a role', async () => {
    const us = await units(openText('t.txt', '客服：请注意\n注意：七天内有效\n', 'text'));
    expect(us.map((u) => u.text)).toEqual(['请注意\n注意：七天内有效']);
  });
});

describe('text reply libraries', () => {
  test('one reply per line; comments and blank lines skipped; whitespace trimmed', async () => {
    const doc = await openSource(data('quick-replies.txt'));
    expect(doc.format).toBe('replies-text');
    const cs = await collect(doc);
    expect(cs.every((c) => c.id === null && !c.dialogue && c.units.length === 1)).toBe(true);
    const us = cs.flatMap((c) => c.units);
    expect(us.map((u) => [u.id, u.role, u.text, at(u, 0), at(u, u.text.length)])).toEqual([
      ['L2', 'agent', '您好，请问有什么可以帮您？', '2:1', '2:14'],
      ['L4', 'agent', '感谢您的耐心等待。', '4:3', '4:12'],
      ['L6', 'agent', '亲，这个不归我管哦', '6:1', '6:10'],
    ]);
    const src = readFileSync(data('quick-replies.txt'), 'utf8');
    for (const u of us) checkConsistent(u, src);
  });
});

describe('role prefixes, read with one compiled reader per role map', () => {
  test('each config role map gives its own answer, in any order, and no map the aliases only', async () => {
    const read = async (roles?: Record<string, 'agent' | 'customer'>) => {
      const cs = await all(openText('t.txt', '店长小李：您好\n', 'text', roles ? { roles } : {}));
      return cs.map((c) => c.units.map((u) => [u.role, u.speaker]).concat((c.problems ?? []).map((p) => [p.line, p.column])));
    };
    expect(await read({ 店长: 'agent' })).toEqual([[['agent', '小李']]]);
    expect(await read({ 店长: 'customer' })).toEqual([[['customer', '小李']]]);
    expect(await read()).toEqual([[[1, 1]]]);
    expect(await read({ 店长: 'agent' })).toEqual([[['agent', '小李']]]);
  });

  test('a one-line turn and a turn continued on later lines map every offset to its line and column', async () => {
    const src = '客服：您好\r\n顾客：在吗\n  第二行\n第三行\n';
    const us = await units(openText('t.txt', src, 'text'));
    expect(us.map((u) => [u.text, at(u, 0), at(u, u.text.length)])).toEqual([
      ['您好', '1:4', '1:6'],
      ['在吗\n  第二行\n第三行', '2:4', '4:4'],
    ]);
    expect(at(us[1]!, 2)).toBe('2:6');
    expect(at(us[1]!, 3)).toBe('3:1');
    for (const u of us) checkConsistent(u, src);
  });
  test('prefixes found while telling the format are reused only for the very same line', async () => {
    // Sniffing a text remembers its lines' prefixes for reading it; another text read next, with
    // other lines at the same places, must be read on its own.
    const sniffed = openText('a.txt', '客服：您好\n顾客：在吗\n', 'text');
    expect(detectFormat('a.txt', '客服：您好\n顾客：在吗\n')).toBe('text');
    expect((await units(sniffed)).map((u) => [u.role, u.text])).toEqual([
      ['agent', '您好'],
      ['customer', '在吗'],
    ]);
    expect(detectFormat('b.txt', '客服：您好\n顾客：在吗\n')).toBe('text');
    const other = openText('b.txt', '顾客：您好\n客服-小美：在的\n', 'text');
    expect((await units(other)).map((u) => [u.role, u.speaker, u.text, at(u, 0)])).toEqual([
      ['customer', undefined, '您好', '1:4'],
      ['agent', '小美', '在的', '2:7'],
    ]);
  });
});

describe('telling a transcript from its first lines', () => {
  const blank = (n: number) => '\n'.repeat(n);
  test('the first line with text must have a role; comments and blank lines are skipped', () => {
    expect(looksLikeTranscript('# 导出\n\n  \n客服：您好\n顾客：在吗')).toBe(true);
    expect(looksLikeTranscript('备注：导出\n客服：您好\n顾客：在吗\n')).toBe(false);
    expect(looksLikeTranscript('')).toBe(false);
    expect(looksLikeTranscript('\r\n客服：您好\r\n')).toBe(true);
  });

  test('only the first 200 lines are read, and at most 50 of them with text', () => {
    expect(looksLikeTranscript(`${blank(199)}客服：您好\n`)).toBe(true);
    expect(looksLikeTranscript(`${blank(200)}客服：您好\n`)).toBe(false);
    // Of the first 50 lines with text, a third must have a role; the lines after do not count.
    const lines = (...runs: [string, number][]) => runs.map(([line, n]) => `${line}\n`.repeat(n)).join('');
    const role = '客服：您好';
    const other = '没有角色的一行';
    expect(looksLikeTranscript(lines([role, 17], [other, 133]))).toBe(true);
    expect(looksLikeTranscript(lines([role, 16], [other, 34], [role, 100]))).toBe(false);
    expect(looksLikeTranscript(lines([role, 16], [other, 33], [role, 1], [other, 100]))).toBe(true);
  });
});
