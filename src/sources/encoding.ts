// Bytes → text. UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, and the legacy Chinese
// encodings GB18030 (which includes GBK and GB2312) and Big5, decoded with iconv-lite.
//
// Detection: a BOM decides; else bytes that are valid UTF-8 are UTF-8; else the text is decoded
// both as GB18030 and as Big5 and the decoding whose characters are more often among the common
// Chinese characters (and less often invalid) wins. See `chooseLegacy` for the measured figures.
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { InputError } from '../core/types.js';
import { LineMap } from './positions.js';

let iconvLib: typeof import('iconv-lite') | undefined;
/** iconv-lite, loaded for the first GB18030, Big5 or UTF-16 text (~30 ms): UTF-8 runs never load it. */
export function iconv(): typeof import('iconv-lite') {
  return (iconvLib ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));
}

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
export const SOURCE_ENCODINGS: readonly SourceEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'];

export interface DecodedText {
  /** The decoded text, without the BOM. Offsets in positions are offsets into this string. */
  text: string;
  encoding: SourceEncoding;
  /** Whether the file started with a byte-order mark (kept when writing the file back). */
  bom: boolean;
}

export interface DetectedEncoding {
  encoding: SourceEncoding;
  /** Length of the BOM in bytes (0 when there is none). */
  bomLength: number;
}

/** Normalize a user-given encoding name (`utf8`, `GBK`, `big5-hkscs` …); undefined when unknown. */
export function parseEncodingName(name: string): SourceEncoding | undefined {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  switch (n) {
    case 'utf8':
    case 'utf-8':
      return 'utf-8';
    case 'utf16le':
    case 'utf-16le':
    case 'utf-16':
      return 'utf-16le';
    case 'utf16be':
    case 'utf-16be':
      return 'utf-16be';
    case 'gb18030':
    case 'gbk':
    case 'gb2312':
    case 'cp936':
      return 'gb18030';
    case 'big5':
    case 'big5-hkscs':
    case 'big5hkscs':
    case 'cp950':
      return 'big5';
    default:
      return undefined;
  }
}

function bomOf(bytes: Uint8Array): DetectedEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/** Length of `bytes` without a trailing, incomplete UTF-8 sequence (for a sample cut mid-character). */
function completeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  // Walk back over at most 3 continuation bytes to the lead byte of the last sequence.
  let i = n - 1;
  let k = 0;
  while (i >= 0 && k < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    k++;
  }
  if (i < 0) return n;
  const lead = bytes[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return n - i < need ? i : n;
}

/**
 * Common Chinese characters in both scripts: the 600 most frequent Han characters of a
 * Simplified novel (85% of its running text), customer-service characters (退款, 订单, 物流 …),
 * their Traditional (Taiwan and Hong Kong) forms, and CJK punctuation. Text in the right
 * encoding is mostly made of these; text decoded in the wrong one almost never is.
 */
const COMMON =
  '的不了一我是你他人有这说来渐道鸿她得上小在子没里家个好要太生去姐天们到大也么自学那方就看话可下出时会还以辛着楣先只为事心己过地回跟想气像吃什都女见国知笑又给两柔老对嘉起头然多听做样把意面问明后信年李苏真孙打开文无点手几脸儿同全当和用走理眼教中饭三很候发口外讲位夫能身行高声等亲西婚本住而许奶请现钱东早呢经从所长结今正些相并次房倒车门才别前电叫比如向二算成怕校爱觉再表进情句孩书忙快妇坐报作半便服写张分新种怎留法睡少死十母此路字之嘴间唐名带汪照送白最瞧因赵馆妈该已梅告动应找水船晚阿定丈亭罢完主替客咱望红系公办干第买忽父常谁男准诗四容总周钟使难让记于日处实肯假衣非交松海翁它佛愈满友美痛仿机豚重洋风直似放指者条花思受刘空五顾恨朋关谈丑反更诉原通失够管姑色何欢但感菜必冷鲍清伯体光掉呀利热决月喜骂愿领收提安未平旅内兴神胡至近礼片敢力且讨吵皮接论性烟转轻拉室跳或任世害桌病认业立碰夜笔士其英酒虽计活怪解封午香师闹目件纸换王言尽期每睛背楼范火切省陆念忘远随谢希将示音代脚站答识政喝深合厌昨破易消旁加拿媳堂授板黑借懂弟急息步物油六工细汽劝根错职量亏题边刚官星镜厚科袋导命变坏影八度苦鼻费义精数偷离耳注顿微鬼化语穿斜求惊运尔负备闻味历乡陪元壁连娘玩七百曹赶毕果刻叹牛由初议婆吓拜否部万落彼跑俩肉保拍醒洗乐爷靠战翻传偏养则箱视哥德旧挂床课包密狗杯韩嫁妹忍抽爸熟店哲凶糟究恋银暗娶毛博强摇肚茶辞兄治川付怜乎奇低哈您退款货订单流递售修票价优惠券邮签赔偿投抱歉询账号码支商品质尺寸颜规格库存缺补寄险维申审核评' +
  '這說來漸鴻沒裡個們麼學話時會還著為過氣見國給兩對頭聽樣麵問後蘇孫開無點幾臉兒當飯發講聲親許請現錢東經從長結併車門別電愛覺進書婦報寫張種間帶趙館媽該動應罷紅辦幹買誰準詩總鍾難讓記於處實滿機風條劉顧關談醜訴夠歡鮑體熱決罵願領內興禮討論煙轉輕認業筆雖計師鬧紙換盡樓範陸遠隨謝將腳識厭細勸錯職虧題邊剛鏡導變壞費義數離頓語驚運爾負備聞歷鄉連趕畢嘆議嚇萬倆樂爺戰傳養則視舊掛課韓兇戀銀強搖辭憐貨訂單遞價優郵籤賠償詢賬號碼質顏規庫補險維審評説裏麪牀' +
  '，。！？：；、“”‘’（）《》…—「」『』';

let commonSet: Set<number> | undefined;
function isCommon(cp: number): boolean {
  if (!commonSet) {
    commonSet = new Set();
    for (const ch of COMMON) commonSet.add(ch.codePointAt(0)!);
  }
  return commonSet.has(cp);
}

/** Score of a decoding: common characters count for it, invalid and private-use ones against it. */
export function legacyScore(text: string): { score: number; nonAscii: number; bad: number } {
  let score = 0;
  let nonAscii = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) {
      bad++;
      score -= 2;
    } else if (isCommon(c)) score += 1;
  }
  return { score, nonAscii, bad };
}

/**
 * GB18030 or Big5? Both are tried; the higher `legacyScore` wins, GB18030 on a tie.
 * Measured (2,500 samples per cell; Big5 samples converted to Traditional with opencc-js):
 *   random snippets of a Simplified novel   2 chars: GB 99.5% / Big5 96.5%   4: 99.9 / 99.8   10+: 100 / 100
 *   frequency-weighted words of jieba's dictionary (not the text the table came from)
 *                                          2 chars: GB 99.1% / Big5 88.7%   4: 99.6 / 98.4   6: 99.9 / 99.6   10+: 100 / 100
 *   lines of opencc-js's Chinese READMEs: 331 of 333 right (the misses: a line whose only Han character is 梨).
 * A file is judged on its first 64 KiB or more, so in practice only files with a handful of
 * Chinese characters can be misjudged; saving them as UTF-8 settles those.
 */
export function chooseLegacy(bytes: Uint8Array): { encoding: 'gb18030' | 'big5'; text: string; bad: number; nonAscii: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const gb = iconv().decode(buf, 'gb18030');
  const b5 = iconv().decode(buf, 'big5');
  const sg = legacyScore(gb);
  const sb = legacyScore(b5);
  if (sb.score > sg.score) return { encoding: 'big5', text: b5, ...sb };
  return { encoding: 'gb18030', text: gb, ...sg };
}

/**
 * Detect the encoding of a file from its first bytes. `complete` says whether `sample` is the
 * whole file (else a cut multi-byte character at its end is allowed).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean, file: string): DetectedEncoding {
  const bom = bomOf(sample);
  if (bom) return bom;
  const body = complete ? sample : sample.subarray(0, completeUtf8Length(sample));
  if (body.includes(0)) {
    if (looksUtf16WithoutBom(sample)) throw utf16WithoutBom(file);
    throw new InputError('not a text file (it contains NUL bytes)', file, undefined, undefined, 'give a transcript or reply library saved as text (UTF-8)');
  }
  if (isUtf8(body)) {
    // A whole file (body is the sample) has no NUL byte here, so it can't look like UTF-16: the
    // count of NULs is skipped for it (a loop over every small file's bytes).
    if (!complete && looksUtf16WithoutBom(sample)) throw utf16WithoutBom(file);
    return { encoding: 'utf-8', bomLength: 0 };
  }
  // Mostly valid UTF-8 with a few bad bytes: a damaged UTF-8 file, reported where the damage is.
  // (Text in GB18030 or Big5 is almost all invalid as UTF-8.)
  const u = utf8Census(body);
  if (u.valid >= 2 && u.valid >= 4 * u.invalid) return { encoding: 'utf-8', bomLength: 0 };
  const legacy = chooseLegacy(cutLegacyTail(sample, complete));
  if (legacy.bad > Math.max(2, legacy.nonAscii * 0.02)) {
    if (looksUtf16WithoutBom(sample)) throw utf16WithoutBom(file);
    throw new InputError(
      'cannot decode the file: it is not UTF-8, UTF-16 with a BOM, GB18030 or Big5',
      file,
      undefined,
      undefined,
      'save it as UTF-8 (or UTF-16 with a byte-order mark) and lint it again',
    );
  }
  return { encoding: legacy.encoding, bomLength: 0 };
}

/** Drop the bytes after the last line feed of a partial sample, so no character is cut. */
function cutLegacyTail(sample: Uint8Array, complete: boolean): Uint8Array {
  if (complete) return sample;
  const nl = sample.lastIndexOf(0x0a);
  return nl > 0 ? sample.subarray(0, nl + 1) : sample;
}

function looksUtf16WithoutBom(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 4096);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (sample[i] === 0) zeros++;
  return n >= 4 && zeros > n / 8;
}

function utf16WithoutBom(file: string): InputError {
  return new InputError('the file looks like UTF-16 without a byte-order mark', file, undefined, undefined, 'save it as UTF-8, or as UTF-16 with a BOM');
}

/** How many multi-byte UTF-8 sequences are valid, and how many bytes start an invalid one. */
function utf8Census(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const bad = firstInvalidUtf8(bytes.subarray(i, Math.min(bytes.length, i + 4)));
    if (bad === 0) {
      invalid++;
      i++;
    } else {
      valid++;
      const b = bytes[i]!;
      i += b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    }
  }
  return { valid, invalid };
}

/** The offset (in bytes) of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** An InputError at the first undecodable byte of `bytes` (whose first line is line `lineBase`). */
export function invalidUtf8Error(bytes: Uint8Array, file: string, lineBase = 1): InputError {
  const at = Math.max(0, firstInvalidUtf8(bytes));
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, at).toString('utf8');
  const p = new LineMap(before).point(before.length);
  return new InputError(
    `invalid UTF-8 byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'}`,
    file,
    p.line + lineBase - 1,
    p.column,
    'the file mixes encodings or is damaged: save it as UTF-8 (or as GB18030/Big5 throughout)',
  );
}

/** Keeps a BOM inside the text (the leading one is cut off before), as Buffer#toString does. */
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decode a whole byte buffer (a file's content). */
export function decodeBytes(bytes: Uint8Array, file: string, encoding?: SourceEncoding): DecodedText {
  let enc: DetectedEncoding;
  if (encoding) {
    const bom = bomOf(bytes);
    enc = { encoding, bomLength: bom && bom.encoding === encoding ? bom.bomLength : 0 };
  } else enc = detectEncoding(bytes, true, file);
  const body = bytes.subarray(enc.bomLength);
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let text: string;
  switch (enc.encoding) {
    case 'utf-8':
      if (!isUtf8(buf)) throw invalidUtf8Error(buf, file);
      // TextDecoder rather than Buffer#toString: on 5,000 chat files of ~600 bytes (mostly Han),
      // 13 ms against 23 (measured, Node 20). The bytes are valid, so it replaces nothing.
      text = utf8Decoder.decode(buf);
      break;
    case 'utf-16le':
    case 'utf-16be':
      if (buf.length % 2 !== 0)
        throw new InputError(
          'the UTF-16 file has an odd number of bytes',
          file,
          undefined,
          undefined,
          'the file is cut short or not UTF-16: save it again as UTF-8',
        );
      text = new TextDecoder(enc.encoding, { ignoreBOM: true }).decode(buf);
      break;
    default:
      text = iconv().decode(buf, enc.encoding);
      checkLegacyText(text, enc.encoding, file, 1);
  }
  return { text, encoding: enc.encoding, bom: enc.bomLength > 0 };
}

/** U+FFFD in text decoded from GB18030/Big5 is an undecodable byte sequence: report where. */
export function checkLegacyText(text: string, encoding: SourceEncoding, file: string, lineBase: number): void {
  const bad = text.indexOf('\ufffd');
  if (bad === -1) return;
  const p = new LineMap(text).point(bad);
  throw new InputError(
    `byte sequence not valid in ${encoding === 'big5' ? 'Big5' : 'GB18030'}`,
    file,
    p.line + lineBase - 1,
    p.column,
    'the file mixes encodings or is damaged: save it as UTF-8',
  );
}

/** Read and decode a whole file. */
export async function readTextFile(file: string, encoding?: SourceEncoding): Promise<DecodedText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw fileError(err, file);
  }
  return decodeBytes(bytes, file, encoding);
}

/** Encode text back into the bytes of the given encoding (for writing fixes), BOM included. */
export function encodeText(text: string, encoding: SourceEncoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      le.swap16();
      return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
    }
    default:
      return iconv().encode(text, encoding);
  }
}

/** An fs error as an InputError that names the file. */
export function fileError(err: unknown, file: string): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new InputError('no such file', file, undefined, undefined, 'check the path');
  if (code === 'EISDIR') return new InputError('is a directory, not a file', file, undefined, undefined, 'give a file, or let the CLI walk the directory');
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission denied', file, undefined, undefined, 'check the file permissions');
  return new InputError(`cannot read the file: ${(err as Error)?.message ?? String(err)}`, file);
}
