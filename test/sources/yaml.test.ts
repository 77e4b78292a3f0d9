import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDocument, isMap, isScalar, Scalar } from 'yaml';
import { openSource, openText } from '../../src/sources/index.js';
import { decodeYamlScalar, type ScalarToken } from '../../src/sources/yaml-scalars.js';
import { InputError, type Utterance } from '../../src/core/types.js';
import { at, checkConsistent, checkFaithful, idx, units } from './helpers.js';

const data = (name: string) => join(import.meta.dirname, 'data', name);
const tmp = mkdtempSync(join(tmpdir(), 'aslint-yaml-'));
const src = readFileSync(data('replies.yaml'), 'utf8');

function byId(us: Utterance[], id: string): Utterance {
  const u = us.find((x) => x.id === id);
  if (!u) throw new Error(`no ${id}`);
  return u;
}

async function inputError(text: string): Promise<InputError> {
  try {
    await units(openText('x.yaml', text, 'replies-yaml'));
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no error');
}

describe('replies-yaml', () => {
  test('values and ids', async () => {
    const doc = await openSource(data('replies.yaml'));
    expect(doc.format).toBe('replies-yaml');
    const us = await units(doc);
    expect(us.map((u) => [u.id, u.text])).toEqual([
      ['greet', '您好，很高兴为您服务！'],
      ['dq', '第一行\n第二行 "引号" 退款 😀 完'],
      ['sq', "它's 单引号 折行"],
      ['plain', '普通文字 接着一行\n空行之后'],
      ['literal', '订单已发货，\n  快递单号：SF123\n请留意查收。\n'],
      ['folded', '给您带来不便， 非常抱歉。\n我们会尽快处理。'],
      ['keep', '保留结尾\n\n'],
      ['L31', '列表里的字符串'],
    ]);
    expect(us.every((u) => u.role === 'agent' && u.conversationId === null && u.index === null)).toBe(true);
    expect(us[0]!.tags).toEqual(['opening']);
    for (const u of us) {
      checkConsistent(u, src);
      checkFaithful(u, src);
    }
  });

  test('exact positions in quoted, plain and block scalars', async () => {
    const us = await units(await openSource(data('replies.yaml')));
    const dq = byId(us, 'dq');
    expect(at(dq, 0)).toBe('7:12');
    expect(at(dq, 3)).toBe('7:15'); // the \n escape
    expect(at(dq, 4)).toBe('7:17'); // 第 after it
    expect(at(dq, idx(dq, '"'))).toBe('7:21'); // \" → its backslash
    expect(at(dq, idx(dq, '引号'))).toBe('7:23');
    expect(at(dq, idx(dq, '退'))).toBe('7:28'); // \u9000
    expect(at(dq, idx(dq, '款'))).toBe('7:34');
    expect(at(dq, idx(dq, '😀'))).toBe('7:36'); // \U0001F600
    expect(at(dq, idx(dq, '😀') + 1)).toBe('7:36'); // inside the escape → its start
    expect(at(dq, idx(dq, '完'))).toBe('7:47');
    expect(at(dq, dq.text.length)).toBe('7:48'); // the closing quote
    const sq = byId(us, 'sq');
    expect(at(sq, 0)).toBe('9:12');
    expect(at(sq, 1)).toBe('9:13'); // '' → its first quote
    expect(at(sq, 2)).toBe('9:15');
    expect(at(sq, idx(sq, ' 折'))).toBe('9:20'); // the folded break → end of the line's content
    expect(at(sq, idx(sq, '折'))).toBe('10:7');
    const plain = byId(us, 'plain');
    expect(at(plain, 0)).toBe('12:11');
    expect(at(plain, idx(plain, '接着'))).toBe('13:7');
    expect(at(plain, idx(plain, '\n'))).toBe('13:11');
    expect(at(plain, idx(plain, '空行'))).toBe('15:7');
    expect(at(plain, plain.text.length)).toBe('15:11');
    const lit = byId(us, 'literal');
    expect(at(lit, 0)).toBe('18:7');
    expect(at(lit, idx(lit, '\n'))).toBe('18:13'); // a kept break is the break itself
    expect(at(lit, idx(lit, '  快递'))).toBe('19:7'); // extra indentation is content
    expect(at(lit, idx(lit, '快递'))).toBe('19:9');
    expect(at(lit, idx(lit, 'SF123'))).toBe('19:14');
    expect(at(lit, idx(lit, '请留意'))).toBe('20:7');
    expect(at(lit, lit.text.length)).toBe('21:1'); // after the final break
    const folded = byId(us, 'folded');
    expect(at(folded, 0)).toBe('23:7');
    expect(at(folded, idx(folded, ' '))).toBe('23:14');
    expect(at(folded, idx(folded, '非常'))).toBe('24:7');
    expect(at(folded, idx(folded, '\n'))).toBe('24:12');
    expect(at(folded, idx(folded, '我们'))).toBe('26:7');
    expect(at(folded, folded.text.length)).toBe('26:15');
    const keep = byId(us, 'keep');
    expect(at(keep, 4)).toBe('29:11');
    expect(at(keep, 5)).toBe('30:1');
    expect(at(byId(us, 'L31'), 0)).toBe('31:5');
  });

  test('CRLF and BOM give the same lines and columns; offsets follow the text', async () => {
    const lf = await units(openText('a.yaml', src, 'replies-yaml'));
    const crlfText = src.replace(/\n/g, '\r\n');
    const file = join(tmp, 'crlf.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlfText, 'utf8')]));
    const doc = await openSource(file);
    expect(doc.bom).toBe(true);
    const crlf = await units(doc);
    expect(crlf.map((u) => u.text)).toEqual(lf.map((u) => u.text));
    for (let k = 0; k < lf.length; k++) {
      const a = lf[k]!;
      const b = crlf[k]!;
      for (let i = 0; i <= a.text.length; i++) expect([b.id, i, at(b, i)]).toEqual([a.id, i, at(a, i)]);
      checkConsistent(b, crlfText);
    }
    // offsets are into the text after the BOM
    const g = byId(crlf, 'greet');
    expect(g.locate(0).offset).toBe(crlfText.indexOf('您好'));
  });

  test('a map of id → reply, and the replies wrapper as a map', async () => {
    const text = 'greet: 您好\nbye:\n  text: "再见"\n  tags: farewell\n"3": 数字\n';
    const us = await units(openText('m.yaml', text, 'replies-yaml'));
    expect(us.map((u) => [u.id, u.text, u.tags, at(u, 0)])).toEqual([
      ['greet', '您好', undefined, '1:8'],
      ['bye', '再见', ['farewell'], '3:10'],
      ['3', '数字', undefined, '5:6'],
    ]);
    const wrapped = await units(openText('w.yaml', 'replies:\n  a: 好的\n', 'replies-yaml'));
    expect(wrapped.map((u) => [u.id, at(u, 0)])).toEqual([['a', '2:6']]);
  });

  test('aliases: the text of the anchor, positions at the alias', async () => {
    const us = await units(openText('a.yaml', 'a: &x 您好\nb: *x\n', 'replies-yaml'));
    expect(us.map((u) => [u.id, u.text, at(u, 0), at(u, 2)])).toEqual([
      ['a', '您好', '1:7', '1:9'],
      ['b', '您好', '2:4', '2:4'],
    ]);
  });

  test('errors name the exact line and column', async () => {
    let e = await inputError('a: 好\nb: "未闭合\n');
    expect(e.message).toMatch(/^YAML syntax error/);
    expect([e.line, e.column, e.message]).toEqual([2, 4, 'YAML syntax error: this double-quoted string is never closed']);
    expect(e.hint).toBe(`close the quote, bracket or brace that was opened (inside the text, write ' as '' in single quotes and " as \\" in double quotes)`);
    e = await inputError('- id: a\n  txt: 你好\n');
    expect([e.line, e.column, e.message]).toEqual([1, 3, 'the reply has no text']);
    e = await inputError('- id: a\n  text: 123\n');
    expect([e.line, e.column]).toEqual([2, 9]);
    expect(e.message).toMatch(/must be a string, not number/);
    expect(e.hint).toMatch(/quote/);
    e = await inputError('- id: a\n  text: 好\n- id: a\n  text: 好\n');
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.message).toMatch(/duplicate reply id "a"/);
    e = await inputError('a: 1\na: 2\n');
    expect([e.line, e.column]).toEqual([2, 1]);
    e = await inputError('just a string\n');
    expect([e.line, e.column]).toEqual([1, 1]);
    e = await inputError('- [a, b]\n');
    expect([e.line, e.column]).toEqual([1, 3]);
    e = await inputError('a:\n\tb: 1\n');
    expect(e.line).toBe(2);
  });

  test('an empty file has no replies', async () => {
    expect(await units(openText('e.yaml', '# nothing yet\n', 'replies-yaml'))).toEqual([]);
  });

  // Property: for random strings written by the yaml package in every scalar style, nested at an
  // indentation, the decoder agrees with the package's value and maps each character either to
  // itself or to the start of an escape / folded break.
  test('property: decoded scalars agree with the yaml package', () => {
    const chars = fc.constantFrom(...'ab 好的\n\t"\'\\#:-😀\r\u0085\u2028x'.split(''), '😀');
    let checked = 0;
    const styles = [Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.PLAIN, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED] as const;
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 60 }).map((a) => a.join('')),
        fc.constantFrom(...styles),
        fc.boolean(),
        fc.nat(80),
        (s, type, crlf, width) => {
          const doc = parseDocument('');
          const node = doc.createNode(s) as Scalar;
          node.type = type;
          doc.contents = doc.createNode({ replies: [{ id: 'x', text: node }] }) as typeof doc.contents;
          let yaml = doc.toString({ lineWidth: 20 + width, minContentWidth: 10 });
          if (crlf) yaml = yaml.replace(/\n/g, '\r\n');
          const parsed = parseDocument(yaml, { keepSourceTokens: true });
          if (parsed.errors.length) return; // the package wrote something it can't read back
          const seq = (parsed.contents as any).get('replies');
          const item = seq.items[0];
          expect(isMap(item)).toBe(true);
          const scalar = item.get('text', true);
          expect(isScalar(scalar)).toBe(true);
          const d = decodeYamlScalar(scalar.srcToken as ScalarToken);
          expect(d?.text).toBe(scalar.value);
          const text = d!.text;
          checked++;
          let prev = -1;
          for (let i = 0; i <= text.length; i++) {
            const o = d!.map.source(i);
            expect(o).toBeGreaterThanOrEqual(prev);
            prev = o;
            if (i < text.length && yaml[o] !== text[i]) {
              expect(['\\', "'", ' ', '\t', '\r', '\n', '"']).toContain(yaml[o]);
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(checked).toBeGreaterThan(1200);
  });
});

describe('replies-yaml in flow style', () => {
  test('flow maps and sequences', async () => {
    const text = '- {id: a, text: "好\\t的"}\n- {id: b, text: 多行\n    普通}\n- [x]\n';
    const e = await units(openText('f.yaml', text, 'replies-yaml')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect([(e as InputError).line, (e as InputError).column]).toEqual([4, 3]);
    const us = await units(openText('f.yaml', text.replace('- [x]\n', ''), 'replies-yaml'));
    expect(us.map((u) => [u.id, u.text, at(u, 0), at(u, 1), at(u, 2), at(u, u.text.length)])).toEqual([
      ['a', '好\t的', '1:18', '1:19', '1:21', '1:22'],
      ['b', '多行 普通', '2:17', '2:18', '2:19', '3:7'],
    ]);
    expect(at(us[1]!, 3)).toBe('3:5');
  });

  test('a value the decoder cannot vouch for maps every offset to the scalar start', async () => {
    const { OffsetMap } = await import('../../src/sources/positions.js');
    const m = OffsetMap.constant(7, 1000);
    expect([m.source(0), m.source(500), m.source(1000)]).toEqual([7, 7, 7]);
  });
});

describe('block scalar headers', () => {
  test('indentation indicators and chomping', async () => {
    const text = [
      'a: |2',
      '     leading spaces kept',
      '   next',
      'b: >+',
      '  kept',
      '',
      'c: |-',
      '',
      '  after an empty first line',
      'd: >2-',
      '    more indented',
      '  folded',
      '  lines # not a comment',
      'e: |+ # a comment',
      '  tail',
      '',
      '',
      'f: "  lead and \\',
      '    escaped break  "',
      '',
    ].join('\n');
    for (const src of [text, text.replace(/\n/g, '\r\n')]) {
      const us = await units(openText('b.yaml', src, 'replies-yaml'));
      expect(us.map((u) => [u.id, u.text])).toEqual([
        ['a', '   leading spaces kept\n next\n'],
        ['b', 'kept\n\n'],
        ['c', '\nafter an empty first line'],
        ['d', '  more indented\nfolded lines # not a comment'],
        ['e', 'tail\n\n\n'],
        ['f', '  lead and escaped break  '],
      ]);
      for (const u of us) {
        checkFaithful(u, src);
        checkConsistent(u, src);
      }
      const f = us[5]!;
      expect(at(f, idx(f, 'escaped'))).toBe('19:5');
      expect(at(us[3]!, idx(us[3]!, 'folded'))).toBe('12:3');
    }
  });
});
