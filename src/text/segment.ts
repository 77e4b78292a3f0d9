// Word segmentation with nodejieba, loaded only when a match needs a word-boundary check:
// loading it costs about 0.9 s and 240 MB, so a run that needs no such check never pays it.
// Many boundaries are settled without it, from how cppjieba cuts (PreFilter.hpp, MixSegment.hpp,
// HMMSegment.hpp): it splits the text at the separators " \t\n，。" before anything else, its
// HMM never joins an ASCII character to a non-ASCII one, and its dictionary words that mix the
// two (B超, T恤, or a glossary word such as 7天无理由退货) are known.
import { createRequire } from 'node:module';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string): boolean;
}

let jieba: Jieba | undefined;
const inserted = new Set<string>();

function load(words: readonly string[]): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    jieba = require('nodejieba') as Jieba;
  }
  for (const w of words) {
    if (inserted.has(w)) continue;
    jieba.insertWord(w);
    inserted.add(w);
  }
  return jieba;
}

/** Whether nodejieba has been loaded in this process. */
export function segmenterLoaded(): boolean {
  return jieba !== undefined;
}

/** cppjieba's PreFilter separators (SegmentBase.hpp): every one is a word of its own. */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);
/** The words of nodejieba's own dictionary that mix ASCII and other characters. */
const DICTIONARY_MIXED_WORDS = ['B超', 'T恤'];
const isAscii = (c: number): boolean => c < 0x80;

/** A segmenter that keeps the given words (normalized, Simplified) whole. */
export class Segmenter {
  private ready = false;
  /** Dictionary words in which an ASCII character touches a non-ASCII one. */
  private readonly mixedWords: string[];

  constructor(private readonly words: readonly string[]) {
    this.mixedWords = [...DICTIONARY_MIXED_WORDS, ...words].filter((w) => {
      for (let i = 1; i < w.length; i++) if (isAscii(w.charCodeAt(i - 1)) !== isAscii(w.charCodeAt(i))) return true;
      return false;
    });
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
  boundaries(text: string): Set<number> {
    const j = this.ready ? jieba! : load(this.words);
    this.ready = true;
    const bounds = new Set<number>([0]);
    let offset = 0;
    for (const w of j.cut(text, true)) {
      offset += w.length;
      bounds.add(offset);
    }
    return bounds;
  }
}
