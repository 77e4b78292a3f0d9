import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { chooseLegacy, decodeBytes, encodeText, parseEncodingName } from '../../src/sources/encoding.js';
import { openSource, openText } from '../../src/sources/index.js';
import type { Utterance } from '../../src/core/types.js';
import type { SourceFormat } from '../../src/sources/index.js';
import { InputError } from '../../src/core/types.js';
import { at, checkConsistent, idx, units } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'aslint-enc-'));
let n = 0;
function write(ext: string, bytes: Buffer): string {
  const file = join(tmp, `f${n++}${ext}`);
  writeFileSync(file, bytes);
  return file;
}
function bytesOf(text: string, enc: string, bom = false): Buffer {
  if (enc === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (enc === 'utf-16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  if (enc === 'utf-8') return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
  return iconv.encode(text, enc);
}

const SIMPLIFIED = {
  jsonl:
    '{"id":"c1","turns":[{"role":"顾客","text":"我的快递怎么还没到？"},{"role":"客服","text":"非常抱歉\\n马上为您查询\\u3002"}]}\n{"id":"c2","turns":[{"role":"客服","text":"请问还有什么可以帮您？"}]}\n',
  yaml: 'replies:\n  - id: a\n    text: "退款已原路退回，\\n请注意查收。"\n  - id: b\n    text: |\r\n      感谢您的耐心等待，\r\n      祝您生活愉快！\r\n',
  txt: '顾客：耳机坏了，怎么办？\n客服：非常抱歉，\n请您提供订单号。\n',
};
const TRADITIONAL = {
  jsonl:
    '{"id":"c1","turns":[{"role":"顧客","text":"我的快遞怎麼還沒到？"},{"role":"客服","text":"非常抱歉\\n馬上為您查詢\\u3002"}]}\n{"id":"c2","turns":[{"role":"客服","text":"請問還有什麼可以幫您？"}]}\n',
  yaml: 'replies:\n  - id: a\n    text: "退款已原路退回，\\n請注意查收。"\n  - id: b\n    text: |\r\n      感謝您的耐心等待，\r\n      祝您生活愉快！\r\n',
  txt: '顧客：耳機壞了，怎麼辦？\n客服：非常抱歉，\n請您提供訂單號。\n',
};
const FORMATS: Record<string, SourceFormat> = { jsonl: 'jsonl', yaml: 'replies-yaml', txt: 'text' };

function positions(us: Utterance[]): string[][] {
  return us.map((u) => [...Array(u.text.length + 1).keys()].map((i) => at(u, i)));
}

describe('encodings', () => {
  for (const [script, texts, encs] of [
    ['Simplified', SIMPLIFIED, ['gb18030', 'utf-16le', 'utf-16be', 'utf-8']],
    ['Traditional', TRADITIONAL, ['big5', 'utf-16le', 'utf-16be', 'utf-8']],
  ] as const) {
    for (const [ext, text] of Object.entries(texts)) {
      for (const enc of encs) {
        test(`${script} .${ext} in ${enc}: same texts and positions as UTF-8`, async () => {
          const expected = await units(openText('x', text, FORMATS[ext]!));
          const doc = await openSource(write(`.${ext}`, bytesOf(text, enc)));
          expect(doc.encoding).toBe(enc);
          expect(doc.format).toBe(FORMATS[ext]);
          const got = await units(doc);
          expect(got.map((u) => u.text)).toEqual(expected.map((u) => u.text));
          expect(positions(got)).toEqual(positions(expected));
          for (const u of got) checkConsistent(u, text);
        });
      }
    }
  }

  test('exact points in a GB18030 JSONL file', async () => {
    const doc = await openSource(write('.jsonl', bytesOf(SIMPLIFIED.jsonl, 'gb18030')));
    const [, reply] = (await units(doc)) as [Utterance, Utterance];
    expect(at(reply, 0)).toBe('1:76'); // 非
    expect(at(reply, 4)).toBe('1:80'); // the \n escape
    expect(at(reply, 5)).toBe('1:82'); // 马
    expect(at(reply, 11)).toBe('1:88'); // \u3002
    expect(reply.locate(5).offset).toBe(SIMPLIFIED.jsonl.indexOf('马上'));
  });

  test('GB18030 four-byte characters and Big5 with a late first Chinese line', async () => {
    const text = '{"id":"a","text":"😀 是 GB18030 的四字节字符 €"}\n';
    const doc = await openSource(write('.jsonl', iconv.encode(text, 'gb18030')));
    expect(doc.encoding).toBe('gb18030');
    expect((await units(doc))[0]!.text).toBe('😀 是 GB18030 的四字节字符 €');
    // 100 KiB of ASCII lines before the first Traditional one: detection reads on until it sees some
    const pad = '{"id":"p","text":"ok"}\n'.repeat(5000);
    const doc2 = await openSource(write('.jsonl', iconv.encode(pad + '{"id":"z","text":"請問還有什麼可以幫您？"}\n', 'big5')));
    expect(doc2.encoding).toBe('big5');
    const us = await units(doc2);
    expect(us[us.length - 1]!.text).toBe('請問還有什麼可以幫您？');
    expect(at(us[us.length - 1]!, 0)).toBe('5001:19');
  });

  test('a UTF-8 BOM is removed; offsets count from after it', async () => {
    const doc = await openSource(write('.txt', bytesOf('客服：您好\n', 'utf-8', true)));
    expect(doc.bom).toBe(true);
    const [u] = await units(doc);
    expect([u!.text, at(u!, 0), u!.locate(0).offset]).toEqual(['您好', '1:4', 3]);
    const stdin = openText('<stdin>', '\ufeff客服：您好', 'text');
    expect([stdin.path, stdin.format]).toEqual(['<stdin>', 'text']);
    const [s] = await units(stdin);
    expect([s!.text, s!.locate(0)]).toEqual(['您好', { line: 1, column: 4, offset: 3 }]);
  });

  test('undecodable input is an InputError naming the file', async () => {
    const bin = write('.jsonl', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0xfe, 0x80, 0x00, 0x00, 0x81, 0x00, 0x00]));
    await expect(openSource(bin)).rejects.toThrow(InputError);
    await expect(openSource(bin)).rejects.toMatchObject({ file: bin });
    // valid UTF-8 at first, a stray byte on line 3
    const mixed = write(
      '.jsonl',
      Buffer.concat([Buffer.from('{"text":"您好，请稍等"}\n{"text":"好的"}\n{"text":"ab'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]),
    );
    const e = await units(await openSource(mixed)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect([(e as InputError).file, (e as InputError).line, (e as InputError).column]).toEqual([mixed, 3, 12]);
    const odd = write('.jsonl', Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d]));
    await expect(units(await openSource(odd))).rejects.toThrow(InputError);
    await expect(openSource(join(tmp, 'missing.jsonl'))).rejects.toMatchObject({ message: 'no such file' });
    await expect(openSource(tmp)).rejects.toThrow(InputError);
  });

  test('decodeBytes / encodeText round trip, and encoding names', () => {
    for (const enc of ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const) {
      const text = enc === 'big5' ? '請問還有什麼可以幫您？' : '请问还有什么可以帮您？';
      const bom = enc.startsWith('utf-16') || enc === 'utf-8';
      const d = decodeBytes(encodeText(text, enc, bom), 'x');
      expect([d.text, d.encoding, d.bom]).toEqual([text, enc, bom]);
    }
    expect(parseEncodingName('GBK')).toBe('gb18030');
    expect(parseEncodingName('utf8')).toBe('utf-8');
    expect(parseEncodingName('Big5-HKSCS')).toBe('big5');
    expect(parseEncodingName('latin1')).toBeUndefined();
  });

  test('the GB18030/Big5 heuristic on customer-service sentences', () => {
    const simplified = ['您好，请问有什么可以帮您？', '非常抱歉给您带来不便', '退款将在三个工作日内到账', '快递已经发出了', '好的，谢谢', '质量问题包退换'];
    const traditional = ['您好，請問有什麼可以幫您？', '非常抱歉給您帶來不便', '退款將在三個工作日內到賬', '快遞已經發出了', '好的，謝謝', '質量問題包退換'];
    for (const s of simplified) expect([s, chooseLegacy(iconv.encode(s, 'gb18030')).encoding]).toEqual([s, 'gb18030']);
    for (const s of traditional) expect([s, chooseLegacy(iconv.encode(s, 'big5')).encoding]).toEqual([s, 'big5']);
  });
});

describe('streaming across read chunks', () => {
  const line = (k: number) => `{"id":"c${k}","turns":[{"role":"客服","text":"第${k}行：您好😀\\n请稍等"}]}`;
  const many = Array.from({ length: 30000 }, (_, k) => line(k)).join('\r\n') + '\r\n';
  const long = `{"id":"long","text":"${'很长的一行'.repeat(300000)}尾"}\n{"id":"after","text":"后"}\n`;
  for (const enc of ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const) {
    test(`${enc}: 3 MB of lines and a 1.5-million-character line`, async () => {
      const us = await units(await openSource(write('.jsonl', bytesOf(many, enc))));
      expect(us.length).toBe(30000);
      const last = us[29999]!;
      expect(last.text).toBe('第29999行：您好😀\n请稍等');
      expect(at(last, idx(last, '请稍等'))).toBe(`30000:${line(29999).indexOf('请稍等') + 1}`);
      expect(last.locate(0).offset).toBe(many.lastIndexOf('第29999行'));
      const [l, after] = (await units(await openSource(write('.jsonl', bytesOf(long, enc))))) as [Utterance, Utterance];
      expect(l.text.length).toBe(1500001);
      expect(at(l, 1500000)).toBe('1:1500022');
      expect([after.id, at(after, 0)]).toEqual(['after', '2:23']);
    });
  }
});
