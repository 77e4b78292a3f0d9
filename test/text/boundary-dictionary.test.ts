// The boundary dictionary: nodejieba's dictionary as a word table (weights as cppjieba's
// DictTrie.hpp makes them), the dictionary pass over it (MPSegment.hpp), and the segmenter that
// cuts with it. test/text/boundary-dictionary.e2e.test.ts compares whole runs with the full dictionary.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutOffsets, WordBoundaries, type CutWith } from '../../src/text/boundary-cut.js';
import { CONTINUES, FREQ, WordTable, wordHashes, writeBoundaryDictionary } from '../../src/text/boundary-dictionary.js';
import { Segmenter } from '../../src/text/segment.js';

const DICT = ['甲 40 n', '乙 30 n', '丙 40 n', '甲乙 20 n', '乙丙 20 n', '丁戊己 5 n', '庚 2 n', '庚辛 3 n'].join('\n');
const USER = ['甲乙 7 n', '辛壬', ''].join('\n');

describe('the word table', () => {
  const table = WordTable.fromDictionary(DICT, USER);

  it('holds every word with its frequency; a user word replaces a dictionary word, and one without a frequency gets the median', () => {
    expect([table.total, table.minFreq, table.medianFreq, table.maxRunes]).toEqual([160, 2, 20, 3]);
    expect(['甲', '乙丙', '丁戊己', '甲乙', '辛壬', '丁戊', '癸'].map((w) => table.freq(w))).toEqual([40, 20, 5, 7, 20, undefined, undefined]);
  });

  it('is written and read back the same, beside the one-word files nodejieba loads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-table-'));
    try {
      const { files } = writeBoundaryDictionary(dir);
      expect(readdirSync(dir).sort()).toEqual(['idf.utf8', 'jieba.dict.utf8', 'stop_words.utf8', 'user.dict.utf8', 'words.bin']);
      expect(files.hmmDict).toMatch(/hmm_model\.utf8$/);
      const back = WordTable.read(join(dir, 'words.bin'));
      // As in nodejieba's jieba.dict.utf8 (的 318825, 售后 27, 保价 14, 亲亲 3).
      expect(['的', '售后', '保价', '亲亲', '保价亲'].map((w) => back.freq(w))).toEqual([318825, 27, 14, 3, undefined]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the dictionary pass', () => {
  const runs: string[] = [];
  const cut: CutWith = {
    table: WordTable.fromDictionary(DICT, ''),
    inserted: WordTable.of([{ word: '丙丁', freq: 20 }]),
    isSeparator: (unit) => unit === 0xff0c,
    hmm: (run) => {
      runs.push(run);
      return [run];
    },
  };
  const cutsOf = (text: string) => [...cutOffsets(text, cut)].sort((a, b) => a - b);

  it('takes the heaviest path; of two equal ones, the one whose first word is shorter', () => {
    // 甲|乙丙 and 甲乙|丙 weigh the same (40·20 = 20·40): cppjieba keeps the first it meets (a strict >).
    expect(cutsOf('甲乙丙')).toEqual([0, 1, 3]);
    expect(cutsOf('丁戊己')).toEqual([0, 3]);
  });

  it('gives the runs of single characters to the HMM whole, sentence by sentence, and uses inserted words', () => {
    runs.length = 0;
    expect(cutsOf('庚癸子，丙丁甲')).toEqual([0, 3, 4, 6, 7]);
    expect(runs).toEqual(['庚癸子']);
  });

  it('cuts only the sentence an offset asked about is in, and gives the HMM only the run it is in', () => {
    runs.length = 0;
    const bounds = new WordBoundaries('庚癸子，丙丁甲，庚癸', cut);
    expect([bounds.has(6), bounds.has(5), bounds.has(4), bounds.has(3)]).toEqual([true, false, true, true]);
    expect(runs).toEqual([]);
    expect([bounds.has(1), bounds.has(2)]).toEqual([false, false]);
    expect(runs).toEqual(['庚癸子']);
    expect([...bounds].sort((a, b) => a - b)).toEqual([0, 3, 4, 6, 7, 8, 10]);
    expect(runs).toEqual(['庚癸子', '庚癸']);
  });

  it('cuts a sentence said before, elsewhere in another text, as it cut it the first time (its cuts are kept)', () => {
    runs.length = 0;
    expect(cutsOf('庚癸子，丙丁甲')).toEqual([0, 3, 4, 6, 7]);
    expect(cutsOf('甲乙丙，丙丁甲，庚癸子')).toEqual([0, 1, 3, 4, 6, 7, 8, 11]);
    // The HMM is asked again: only the dictionary pass is kept.
    expect(runs).toEqual(['庚癸子', '庚癸子']);
    // A new CutWith starts with no kept cuts: every text cuts the same with and without them.
    const fresh = (text: string) => [...cutOffsets(text, { ...cut })].sort((x, y) => x - y);
    const long = '甲乙丙丁戊己庚癸子'.repeat(10);
    for (const text of ['乙乙甲乙丙，庚癸子', '丙丁甲，甲乙丙，丙丁甲', `${long}，${long}，甲乙丙`, '子，庚癸子，癸子']) {
      expect(cutsOf(text)).toEqual(fresh(text));
    }
  });
});

describe('the segmenter with the boundary dictionary', () => {
  it('cuts as nodejieba cuts with its full dictionary', () => {
    const segmenter = new Segmenter(['七天无理由退货']);
    const words = (text: string) => {
      const b = [...segmenter.boundaries(text)].sort((x, y) => x - y);
      return b.slice(1).map((end, k) => text.slice(b[k], end));
    };
    // The full dictionary's cuts, read from nodejieba with it (ASLINT_SEGMENTER_DICTIONARY=full).
    expect(words('如果今后再遇到什么疑问，请亲亲随时来问妹子哦')).toEqual([
      '如果',
      '今后',
      '再',
      '遇到',
      '什么',
      '疑问',
      '，',
      '请',
      '亲亲',
      '随时',
      '来',
      '问',
      '妹子',
      '哦',
    ]);
    expect(words('哈亲在吗')).toEqual(['哈亲', '在', '吗']);
    expect(words('看亲这个颜色喜欢吗')).toEqual(['看亲', '这个', '颜色', '喜欢', '吗']);
    expect(words('本店支持七天无理由退货哦')).toEqual(['本店', '支持', '七天无理由退货', '哦']);
  });
});

describe('the word table read from its file', () => {
  // Words and beginnings enough to fill many probe blocks, and strings that are none.
  const words = Array.from({ length: 3000 }, (_, i) => ({ word: `词${String.fromCharCode(0x4e00 + (i % 500))}${i}`, freq: 1 + (i % 97) }));
  const asked = [...words.map((w) => w.word), ...Array.from({ length: 500 }, (_, i) => `无${i}`), '词', '词一', '词一0'];

  it('answers every lookup as the table in memory does, from the file and after reading it whole', () => {
    const table = WordTable.of(words, [1000, 1, 50]);
    const dir = mkdtempSync(join(tmpdir(), 'aslint-lazy-'));
    try {
      const file = join(dir, 'words.bin');
      writeFileSync(file, table.bytes());
      // 700 lookups from the file, then the rest from the whole table.
      const lazy = WordTable.read(file, 700);
      const whole = WordTable.read(file, 0);
      expect([lazy.maxRunes, lazy.total, lazy.minFreq, lazy.medianFreq]).toEqual([table.maxRunes, 1000, 1, 50]);
      const expected = asked.map((w) => table.entry(...wordHashes(w)));
      expect(asked.map((w) => lazy.entry(...wordHashes(w)))).toEqual(expected);
      expect(asked.map((w) => whole.entry(...wordHashes(w)))).toEqual(expected);
      // The lookups meet words, beginnings of words and strings that are neither.
      expect(expected.slice(0, words.length).every((e) => (e & FREQ) > 0)).toBe(true);
      expect(expected.slice(words.length, words.length + 500).every((e) => e === 0)).toBe(true);
      expect(expected.slice(-3)).toEqual([CONTINUES, CONTINUES, 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
