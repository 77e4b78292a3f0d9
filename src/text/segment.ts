// Word segmentation with nodejieba, loaded only when a match needs a word-boundary check.
// Loading it with its full dictionary costs about 0.9 s and 240 MB; it loads instead with the
// boundary dictionary (./boundary-dictionary.ts: nodejieba's dictionary as a word table read in
// milliseconds, and a one-word dictionary for nodejieba itself, which then only runs its HMM),
// and ./boundary-cut.ts cuts as nodejieba cuts with its full dictionary (checked on every
// sentence of the dev chats by test/text/boundary-dictionary.e2e.test.ts), only around the
// offsets asked about: nodejieba itself loads only when its HMM must decide one of them.
// ASLINT_SEGMENTER_DICTIONARY=full loads the full dictionary instead (to compare, and to measure).
// Many boundaries are settled without segmenting, from how cppjieba cuts (PreFilter.hpp,
// MixSegment.hpp, HMMSegment.hpp): it splits the text at the separators " \t\n，。" before
// anything else, its HMM never joins an ASCII character to a non-ASCII one, and its dictionary
// words that mix the two (B超, T恤, or a glossary word such as 7天无理由退货) are known.
import { createRequire } from 'node:module';
import { WordBoundaries, type CutWith } from './boundary-cut.js';
import { boundaryDictionary, WordTable, type BoundaryDictionary, type JiebaFiles } from './boundary-dictionary.js';

interface Jieba {
  load(files?: Partial<JiebaFiles>): boolean;
  cut(text: string, hmm?: boolean): string[];
  cutHMM(text: string): string[];
  insertWord(word: string): boolean;
}

let jieba: Jieba | undefined;
/**
 * The boundary dictionary, once looked for: undefined until then, null when there is none (or the
 * full dictionary is asked for) and nodejieba holds its full dictionary.
 */
let boundary: BoundaryDictionary | null | undefined;
/** The words inserted into nodejieba's full dictionary. */
const inserted = new Set<string>();

/** The boundary dictionary, read once per process; null when nodejieba's full dictionary is to be used. */
function loadedBoundaryDictionary(): BoundaryDictionary | null {
  if (boundary === undefined) boundary = process.env.ASLINT_SEGMENTER_DICTIONARY === 'full' ? null : (boundaryDictionary() ?? null);
  return boundary;
}

/** nodejieba, loaded once per process: for its HMM alone with the boundary dictionary, or with its full dictionary. */
function loadedJieba(): Jieba {
  if (jieba) return jieba;
  const require = createRequire(import.meta.url);
  const j = require('nodejieba') as Jieba;
  j.load(loadedBoundaryDictionary()?.files ?? {});
  return (jieba = j);
}

/** Whether the segmenter has been loaded in this process (the boundary dictionary's word table, or nodejieba). */
export function segmenterLoaded(): boolean {
  return boundary !== undefined || jieba !== undefined;
}

/** Whether nodejieba itself has been loaded in this process (its HMM was needed, or its full dictionary). */
export function nodejiebaLoaded(): boolean {
  return jieba !== undefined;
}

/** The word boundaries of a text: whether an offset is one, and (iterated) all of them. */
export type Boundaries = Pick<ReadonlySet<number>, 'has'> & Iterable<number>;

/** cppjieba's PreFilter separators (SegmentBase.hpp) " \t\n，。": every one is a word of its own. */
const isSeparator = (unit: number): boolean => unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0xff0c || unit === 0x3002;
/** The words of nodejieba's own dictionary that mix ASCII and other characters. */
const DICTIONARY_MIXED_WORDS = ['B超', 'T恤'];
const isAscii = (c: number): boolean => c < 0x80;

/** A segmenter that keeps the given words (normalized, Simplified) whole. */
export class Segmenter {
  /** Dictionary words in which an ASCII character touches a non-ASCII one. */
  private readonly mixedWords: string[];
  private cutWith: CutWith | undefined;

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
    if (isSeparator(before) || isSeparator(after)) return true;
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
   * included. With the boundary dictionary they are worked out as they are asked for (has), and
   * nodejieba loads only when its HMM must cut a run of single characters around one of them.
   */
  boundaries(text: string): Boundaries {
    const dictionary = loadedBoundaryDictionary();
    if (dictionary) {
      // An inserted word gets the median weight of nodejieba's dictionary (DictTrie.hpp InsertUserWord).
      this.cutWith ??= {
        table: dictionary.table,
        inserted: WordTable.of(this.words.map((word) => ({ word, freq: dictionary.table.medianFreq }))),
        isSeparator,
        hmm: (run) => loadedJieba().cutHMM(run),
      };
      return new WordBoundaries(text, this.cutWith);
    }
    const j = loadedJieba();
    for (const w of this.words) {
      if (inserted.has(w)) continue;
      j.insertWord(w);
      inserted.add(w);
    }
    // jieba's words always concatenate back to its input: the offsets are the running sum of their lengths.
    const bounds = new Set<number>([0]);
    let offset = 0;
    for (const w of j.cut(text, true)) bounds.add((offset += w.length));
    return bounds;
  }
}
