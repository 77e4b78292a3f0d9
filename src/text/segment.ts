// Word segmentation with nodejieba, loaded only when a match needs a word-boundary check.
// Loading its full dictionary costs about 0.9 s and 240 MB, so it loads a boundary dictionary
// instead (./boundary-dictionary.ts): the few ten thousand words that can decide a boundary at
// the edge of the rule set's short patterns, with the same weights, so the cuts there are the
// full dictionary's (test/e2e/boundary-dictionary.test.ts checks it on the dev chats).
// ASLINT_SEGMENTER_DICTIONARY=full loads the full dictionary (to compare, and to measure).
// Many boundaries are settled without it, from how cppjieba cuts (PreFilter.hpp, MixSegment.hpp,
// HMMSegment.hpp): it splits the text at the separators " \t\n，。" before anything else, its
// HMM never joins an ASCII character to a non-ASCII one, and its dictionary words that mix the
// two (B超, T恤, or a glossary word such as 7天无理由退货) are known.
import { createRequire } from 'node:module';
import { dictionaryFor, type JiebaFiles, type WordTable } from './boundary-dictionary.js';
import { BoundaryProof } from './boundary-proof.js';

interface Jieba {
  load(files?: Partial<JiebaFiles>): boolean;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
}

const FULL = 'full';
let jieba: Jieba | undefined;
/** The dictionary nodejieba holds (one per process), and the words inserted into it since it loaded. */
let loaded: { dict: string; inserted: Set<string> } | undefined;

/**
 * nodejieba with the given dictionary (undefined: the full one) and words. The full dictionary,
 * once loaded, serves every segmenter (it is what a boundary dictionary stands in for); a
 * boundary dictionary already holds its words, and is replaced when another one is asked for.
 */
function jiebaWith(files: JiebaFiles | undefined, words: readonly string[]): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    jieba = require('nodejieba') as Jieba;
  }
  const dict = files?.dict ?? FULL;
  if (!loaded || (loaded.dict !== dict && loaded.dict !== FULL)) {
    jieba.load(files ?? {});
    loaded = { dict, inserted: new Set() };
  }
  if (loaded.dict === FULL) {
    for (const w of words) {
      if (loaded.inserted.has(w)) continue;
      jieba.insertWord(w);
      loaded.inserted.add(w);
    }
  }
  return jieba;
}

/** The word boundaries of a text: has(offset). */
export interface Boundaries {
  has(at: number): boolean;
}

/** The offsets between nodejieba's words: 0, then the running sum of the word lengths (its words concatenate back to its input). */
function offsets(words: readonly string[]): number[] {
  const out = [0];
  let offset = 0;
  for (const w of words) out.push((offset += w.length));
  return out;
}

/**
 * Boundaries cut with a boundary dictionary: each one asked for is proved to be the full
 * dictionary's (./boundary-proof.ts), or the text is cut again with the full dictionary.
 */
class ProvedBoundaries implements Boundaries {
  private readonly bounds: Set<number>;
  private readonly proof: BoundaryProof;
  private full: Set<number> | undefined;

  constructor(
    private readonly text: string,
    j: Jieba,
    private readonly table: WordTable,
    private readonly segmenter: Segmenter,
  ) {
    this.bounds = new Set(offsets(j.cut(text, true)));
    this.proof = new BoundaryProof(text, table, (unit) => SEPARATORS.has(unit), offsets(j.cut(text, false)));
  }

  has(at: number): boolean {
    if (!this.full && this.proof.proves(at)) return this.bounds.has(at);
    this.full ??= this.segmenter.fullBoundaries(this.text);
    return this.full.has(at);
  }
}

/** Whether nodejieba has been loaded in this process. */
export function segmenterLoaded(): boolean {
  return loaded !== undefined;
}

/** cppjieba's PreFilter separators (SegmentBase.hpp): every one is a word of its own. */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);
/** The words of nodejieba's own dictionary that mix ASCII and other characters. */
const DICTIONARY_MIXED_WORDS = ['B超', 'T恤'];
const isAscii = (c: number): boolean => c < 0x80;

/** A segmenter that keeps the given words (normalized, Simplified) whole. */
export class Segmenter {
  /** The boundary dictionary's files and word table; undefined: the full dictionary; null: not decided yet. */
  private dictionary: { files: JiebaFiles; table: WordTable } | undefined | null = null;
  /** Dictionary words in which an ASCII character touches a non-ASCII one. */
  private readonly mixedWords: string[];

  constructor(private readonly words: readonly string[], readonly boundaryForms: readonly string[] = []) {
    this.mixedWords = [...DICTIONARY_MIXED_WORDS, ...words].filter((w) => {
      for (let i = 1; i < w.length; i++) if (isAscii(w.charCodeAt(i - 1)) !== isAscii(w.charCodeAt(i))) return true;
      return false;
    });
  }

  /**
   * Loads nodejieba now, for a caller that knows segmentation will be needed and has time to
   * spare (while files are being read): the first boundary check then does not wait for it.
   */
  preload(): void {
    this.jieba();
  }

  private jieba(): Jieba {
    if (this.dictionary === null) {
      const found = process.env.ASLINT_SEGMENTER_DICTIONARY === 'full' ? undefined : dictionaryFor({ patterns: this.boundaryForms, words: this.words });
      this.dictionary = found?.table ? { files: found.files, table: found.table } : undefined;
    }
    return jiebaWith(this.dictionary?.files, this.words);
  }

  /** The boundaries of text cut with the full dictionary, which from now on serves this process. */
  fullBoundaries(text: string): Set<number> {
    this.dictionary = undefined;
    return new Set(offsets(jiebaWith(undefined, this.words).cut(text, true)));
  }

  /**
   * true when offset `at` of normalized text is certainly a word boundary without segmenting:
   * the text's edges, next to a separator, or between an ASCII and a non-ASCII character that
   * no mixed dictionary word spans. false means "segment to know".
   */
  settledBoundary(text: string, at: number): boolean {
    if (at <= 0 || at >= text.length) return true;
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at);
    if (SEPARATORS.has(before) || SEPARATORS.has(after)) return true;
    if (isAscii(before) === isAscii(after)) return false;
    for (const w of this.mixedWords) {
      for (let i = text.indexOf(w, Math.max(0, at - w.length + 1)); i !== -1 && i < at; i = text.indexOf(w, i + 1)) {
        if (i + w.length > at) return false;
      }
    }
    return true;
  }

  /**
   * The word boundaries of normalized (Simplified) text as UTF-16 offsets, 0 and text.length
   * included. jieba's words always concatenate back to its input, so the offsets are the
   * running sum of the word lengths.
   */
  boundaries(text: string): Boundaries {
    const j = this.jieba();
    if (this.dictionary && loaded?.dict !== FULL) return new ProvedBoundaries(text, j, this.dictionary.table, this);
    return new Set(offsets(j.cut(text, true)));
  }
}
