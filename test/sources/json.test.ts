import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { openSource, openText } from '../../src/sources/index.js';
import { JsonIndex, JsonSyntaxError, parseJson, type JNode } from '../../src/sources/json.js';
import { InputError } from '../../src/core/types.js';
import { at, checkConsistent, idx, units } from './helpers.js';

const data = (name: string) => join(import.meta.dirname, 'data', name);

async function inputError(text: string): Promise<InputError> {
  try {
    await units(openText('x.json', text, 'replies-json'));
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no error');
}

/** A character of a JSON string literal, written raw or as one of the escapes JSON allows. */
const piece = fc.tuple(fc.constantFrom(...'ab 好的\n\t"\\/\r\u0001é'.split(''), '😀', '𠀋'), fc.nat(2)).map(([ch, how]) => {
  const units = [...Array(ch.length).keys()].map((k) => ch.charCodeAt(k));
  const u = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const short: Record<string, string> = { '\n': '\\n', '\t': '\\t', '"': '\\"', '\\': '\\\\', '/': '\\/', '\r': '\\r' };
  let src: string;
  if (ch === '"' || ch === '\\' || ch < ' ') src = how === 0 && short[ch] ? short[ch]! : units.map(u).join('');
  else if (how === 0) src = ch;
  else if (how === 1 && short[ch]) src = short[ch]!;
  else src = units.map(u).join(''); // astral characters as two escapes (a surrogate pair)
  return { ch, src };
});

describe('replies-json', () => {
  test('values, tags and exact positions after escapes', async () => {
    const src = readFileSync(data('replies.json'), 'utf8');
    const doc = await openSource(data('replies.json'));
    expect(doc.format).toBe('replies-json');
    const us = await units(doc);
    expect(us.map((u) => [u.id, u.text, u.tags])).toEqual([
      ['refund', '退款将在\n3-5 个工作日内原路退回。', ['refund', 'after-sales']],
      ['emoji', '🙏 感谢\t"理解"\\支持', undefined],
      ['plain', '好的', undefined],
    ]);
    const [refund, emoji] = us as [any, any];
    expect(at(refund, 0)).toBe('3:31');
    expect(at(refund, 4)).toBe('3:35'); // \n
    expect(at(refund, 5)).toBe('3:37');
    expect(at(refund, idx(refund, '内'))).toBe('3:45'); // \u5185
    expect(at(refund, idx(refund, '原路'))).toBe('3:51');
    expect(at(refund, refund.text.length)).toBe('3:56');
    expect(at(emoji, 0)).toBe('4:30');
    expect(at(emoji, 1)).toBe('4:36');
    expect(at(emoji, 2)).toBe('4:42');
    expect(at(emoji, idx(emoji, '\t'))).toBe('4:45');
    expect(at(emoji, idx(emoji, '"'))).toBe('4:47');
    expect(at(emoji, idx(emoji, '理解'))).toBe('4:49');
    expect(at(emoji, idx(emoji, '\\'))).toBe('4:53');
    expect(at(emoji, idx(emoji, '支持'))).toBe('4:55');
    for (const u of us) checkConsistent(u, src);
  });

  test('a map of id → text; a plain list', async () => {
    const us = await units(openText('m.json', '{"a": "好的", "b": {"text": "再见", "tags": "x"}}', 'replies-json'));
    expect(us.map((u) => [u.id, u.text, u.tags, at(u, 0)])).toEqual([
      ['a', '好的', undefined, '1:8'],
      ['b', '再见', ['x'], '1:28'],
    ]);
    const list = await units(openText('l.json', '[\n  {"id": 7, "text": "x"},\n  "y"\n]', 'replies-json'));
    expect(list.map((u) => [u.id, at(u, 0)])).toEqual([
      ['7', '2:22'],
      ['L3', '3:4'],
    ]);
  });

  test('errors name the exact line and column', async () => {
    let e = await inputError('{\n  "a": "x",\n  "b": "y",\n}');
    expect([e.line, e.column]).toEqual([4, 1]);
    expect(e.hint).toMatch(/trailing comma/);
    e = await inputError('[{"id": "a", "text": null}]');
    expect([e.line, e.column]).toEqual([1, 22]);
    e = await inputError('[{"id": "a", "text": 5}]');
    expect([e.line, e.column, e.message]).toEqual([1, 22, 'the reply text must be a string, not number 5']);
    e = await inputError('[{"id": "a"}]');
    expect([e.line, e.column, e.message]).toEqual([1, 2, 'the reply has no text']);
    e = await inputError('{"a": "x\ny"}');
    expect([e.line, e.column]).toEqual([1, 7]);
    e = await inputError('{"a": "x"} {"b": "y"}');
    expect([e.line, e.column]).toEqual([1, 12]);
    e = await inputError('[1');
    expect([e.line, e.column]).toEqual([1, 3]);
  });

  // Property: for random strings written with every kind of JSON escape, text.slice(a, b) is
  // exactly what the source between locate(a) and locate(b) unescapes to.
  test('property: slices of the text are the unescaped source between locate(a) and locate(b)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), fc.boolean(), async (pieces, x, y, jsonl) => {
        const literal = pieces.map((p) => p.src).join('');
        const text = pieces.map((p) => p.ch).join('');
        const file = jsonl ? `\n{"id":"p","text":"${literal}"}\n` : `{\n  "p": "${literal}"\n}`;
        const [u] = await units(openText('p', file, jsonl ? 'jsonl' : 'replies-json'));
        expect(u!.text).toBe(text);
        // offsets at character boundaries of the source (not inside a raw surrogate pair)
        const bounds: number[] = [0];
        for (const p of pieces) bounds.push(bounds[bounds.length - 1]! + p.ch.length);
        const a = bounds[x % bounds.length]!;
        const b = bounds[y % bounds.length]!;
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const s = u!.locate(lo).offset;
        const e = u!.locate(hi).offset;
        expect(JSON.parse(`"${file.slice(s, e)}"`)).toBe(text.slice(lo, hi));
        checkConsistent(u!, file);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('JsonIndex (where a JSONL line’s values are)', () => {
  /** Every path of a parsed tree, with its node. */
  function* paths(n: JNode, path: (string | number)[] = []): Generator<[(string | number)[], JNode]> {
    yield [path, n];
    if (n.kind === 'array') for (const [k, item] of n.items.entries()) yield* paths(item, [...path, k]);
    if (n.kind === 'object') for (const e of n.entries) yield* paths(e.value, [...path, e.key]);
  }
  const asciiOnly = (s: string) => s.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

  // Property: on any JSON text (indented or not, escaped to ASCII or not), every value and key
  // starts where the validating positional parser says.
  test('property: the same starts as parseJson, for every value and key', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, '\t', ' \r\n '), fc.boolean(), (value, indent, ascii) => {
        let text = typeof indent === 'string' ? JSON.stringify(value, null, 1).replace(/\n/g, indent) : JSON.stringify(value, null, indent);
        if (ascii) text = asciiOnly(text);
        const tree = parseJson(text);
        const index = JsonIndex.of(text)!;
        for (const [path, node] of paths(tree)) {
          const spot = index.at(path);
          expect(spot === undefined ? undefined : index.start(spot)).toBe(node.start);
          for (const e of node.kind === 'object' ? node.entries : []) expect(index.keyStart(spot!, e.key)).toBe(e.keyStart);
          if (node.kind !== 'object') expect(index.keyStart(spot!, 'a')).toBe(-1);
        }
      }),
      { numRuns: 1500 },
    );
  });

  test('the last of duplicate keys, as JSON.parse keeps; escaped keys decoded; scalars at the root', () => {
    const text = '{"a":1, "\\u0061" : [true, null, -1.5e3, "x\\"y"], "b\\\\":{}}';
    const index = JsonIndex.of(text)!;
    expect(index.start(index.at(['a'])!)).toBe(text.indexOf('['));
    expect(index.keyStart(index.root, 'a')).toBe(text.indexOf('"\\u0061'));
    expect(index.start(index.at(['a', 3])!)).toBe(text.indexOf('"x'));
    expect(index.start(index.at(['b\\'])!)).toBe(text.indexOf('{}'));
    expect(index.at(['a', 4])).toBeUndefined();
    expect(index.at(['a', -1])).toBeUndefined();
    expect(index.at(['a', 'x'])).toBeUndefined();
    expect(index.at([0])).toBeUndefined();
    expect(index.at(['a', 0, 'x'])).toBeUndefined();
    expect(JsonIndex.of('  "s"')!.root).toBe(2);
  });

  test('null where parseJson refuses the nesting (deeper than it reads)', () => {
    expect(JsonIndex.of('['.repeat(2000) + ']'.repeat(2000))).not.toBeNull();
    expect(JsonIndex.of('['.repeat(2002) + ']'.repeat(2002))).toBeNull();
    // A text too deep to index leaves nothing behind for the next one.
    expect(JsonIndex.of('[1, [2, 3]]')!.at([1, 1])).toBe(8);
    expect(() => parseJson('['.repeat(2002) + ']'.repeat(2002))).toThrow(JsonSyntaxError);
  });
});
