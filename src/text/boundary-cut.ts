// How nodejieba cuts a text (cppjieba MixSegment.hpp), with its dictionary pass done here from
// the word table (./boundary-dictionary.ts) and its HMM pass left to nodejieba:
// - the text is split into sentences at the separators, each one a word of its own;
// - the dictionary pass (MPSegment.hpp) takes the best path through the DAG of the dictionary
//   words in a sentence: at each character, the character alone (a word, or costing the least
//   weight) and every word starting there, in that order; the path of highest total weight
//   log(freq / total) wins, the first of equal ones from the right (a strict >);
// - each run of single characters the path leaves is re-cut by the HMM, as a whole
//   (HMMSegment.hpp): nodejieba's cutHMM on the run's text does exactly that.
// test/text/boundary-dictionary.e2e.test.ts checks the cuts against nodejieba's with its full
// dictionary on every sentence of the dev chats.
import { CONTINUES, FREQ, HASH1_START, HASH2_START, hash1Step, hash2Step, type WordTable } from './boundary-dictionary.js';

/** cppjieba's MIN_DOUBLE, the weight a DAG node starts from. */
const MIN_DOUBLE = -3.14e100;

export interface CutWith {
  table: WordTable;
  /** Words inserted into the segmenter, with the frequency their weight comes from (they replace a dictionary word). */
  inserted: WordTable;
  isSeparator: (unit: number) => boolean;
  /** nodejieba's HMM pass on a run of single characters: its words. */
  hmm: (run: string) => string[];
}

/** The word boundaries of text as UTF-16 offsets, 0 and text.length included: nodejieba's cut(text, true). */
export function cutOffsets(text: string, cut: CutWith): Set<number> {
  return new WordBoundaries(text, cut).all();
}

/**
 * The word boundaries of a text, worked out only where they are asked for: the sentence around
 * an offset is cut when that offset is asked about, and a run of single characters goes to the
 * HMM only when the offset is inside it. Every other boundary is settled by the dictionary pass
 * (the run's own edges too: the HMM's words concatenate back to the run), so a run that needs no
 * HMM never loads nodejieba (measured at 60-110 ms of a short file's start-up on a busy 2-core
 * machine). The HMM cuts a run by its text alone, so the answers are those of cutting it all.
 */
export class WordBoundaries implements Iterable<number> {
  /**
   * Per offset 0..text.length: BOUNDARY when it is a boundary found so far, SENTENCE_CUT when a
   * sentence starting there has been cut. A byte an offset, where two Sets cost more to fill
   * than the cut itself (measured: Set.add was a third of cutSentence's time on a 4 MiB export).
   */
  private readonly state: Uint8Array;
  /** Runs of single characters not yet cut by the HMM: [start, end) offset pairs, both boundaries. */
  private readonly runs: number[] = [];

  constructor(
    private readonly text: string,
    private readonly cut: CutWith,
  ) {
    this.state = new Uint8Array(text.length + 1);
    this.state[0] = BOUNDARY;
  }

  has(at: number): boolean {
    const { text, cut, state } = this;
    if (at < 0 || at > text.length) return false;
    // The text's edges, and both sides of a separator (a sentence's edges, or a separator alone).
    if (at === 0 || at === text.length || cut.isSeparator(text.charCodeAt(at - 1)) || cut.isSeparator(text.charCodeAt(at))) return true;
    if (state[at]! & BOUNDARY) return true;
    let from = at - 1;
    while (from > 0 && !cut.isSeparator(text.charCodeAt(from - 1))) from--;
    if (!(state[from]! & SENTENCE_CUT)) {
      let to = at + 1;
      while (to < text.length && !cut.isSeparator(text.charCodeAt(to))) to++;
      this.cutSentenceAt(from, to);
      if (state[at]! & BOUNDARY) return true;
    }
    const { runs } = this;
    for (let k = 0; k < runs.length; k += 2) {
      if (runs[k]! < at && at < runs[k + 1]!) {
        const [start, end] = runs.splice(k, 2) as [number, number];
        this.cutRun(start, end);
        return (state[at]! & BOUNDARY) !== 0;
      }
    }
    return false;
  }

  /** Every boundary: each sentence cut, each run through the HMM. */
  all(): Set<number> {
    const { text, cut, state, runs } = this;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !cut.isSeparator(text.charCodeAt(i))) continue;
      if (i > start && !(state[start]! & SENTENCE_CUT)) this.cutSentenceAt(start, i);
      if (i < text.length) state[i + 1]! |= BOUNDARY;
      start = i + 1;
    }
    state[text.length]! |= BOUNDARY;
    while (runs.length > 0) {
      const end = runs.pop()!;
      this.cutRun(runs.pop()!, end);
    }
    const all = new Set<number>();
    for (let i = 0; i <= text.length; i++) if (state[i]! & BOUNDARY) all.add(i);
    return all;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.all()[Symbol.iterator]();
  }

  private cutSentenceAt(from: number, to: number): void {
    const { text, state, runs } = this;
    state[from]! |= SENTENCE_CUT;
    const cuts = sentenceCuts(text, from, to, this.cut);
    const bounds = cuts[0]!;
    for (let k = 1; k <= bounds; k++) state[from + cuts[k]!]! |= BOUNDARY;
    for (let k = bounds + 1; k < cuts.length; k++) runs.push(from + cuts[k]!);
  }

  private cutRun(start: number, end: number): void {
    let offset = start;
    for (const w of this.cut.hmm(this.text.slice(start, end))) this.state[(offset += w.length)]! |= BOUNDARY;
  }
}

/** WordBoundaries' state bits of an offset. */
const BOUNDARY = 1;
const SENTENCE_CUT = 2;

// Work arrays, grown as needed and reused: a typed array per sentence made cutting 2× slower.
let offsets = new Int32Array(256);
let weight = new Float64Array(256);
let next = new Int32Array(256);

/** Sentences up to this long are kept in the cache of sentence cuts: a longer one is rarely said again. */
const CACHED_SENTENCE = 64;
/** How many sentences the cache holds before it starts again. */
const CACHED_SENTENCES = 4096;
/** Recent sentences' cuts, by word tables and sentence text. */
const cutsOf = new WeakMap<CutWith, Map<string, Int32Array>>();

/**
 * The cuts of the sentence text[from, to): the number of boundaries, the boundaries, then the runs
 * as [start, end) pairs, all relative to `from`. A sentence's cuts depend on its text alone, and
 * the same sentences come again and again (greetings, canned replies): a short one's cuts are
 * kept. Measured with bench/lint-only.js: on the 4 MiB generated export 99 % of 7,707 cuts were
 * of a sentence cut before (cutSentence was ~12 % of the linter's CPU); on the dev chats 5 % (of
 * 252), where a miss costs the slice and a Map lookup, ~3 % of a cut.
 */
function sentenceCuts(text: string, from: number, to: number, cut: CutWith): Int32Array {
  if (to - from > CACHED_SENTENCE) return cutSentence(text, from, to, cut);
  let cache = cutsOf.get(cut);
  if (!cache) cutsOf.set(cut, (cache = new Map()));
  const sentence = text.slice(from, to);
  let cuts = cache.get(sentence);
  if (cuts === undefined) {
    if (cache.size >= CACHED_SENTENCES) cache.clear();
    cache.set(sentence, (cuts = cutSentence(sentence, 0, sentence.length, cut)));
  }
  return cuts;
}

/**
 * The cuts of the dictionary's path through the sentence text[from, to) after `from`, as
 * sentenceCuts gives them: its boundaries, and its runs of several single characters (for the HMM).
 */
function cutSentence(text: string, from: number, to: number, cut: CutWith): Int32Array {
  const { table, inserted } = cut;
  if (offsets.length < to - from + 1) {
    offsets = new Int32Array(2 * (to - from + 1));
    weight = new Float64Array(offsets.length);
    next = new Int32Array(offsets.length);
  }
  let n = 0;
  for (let i = from; i < to; i += text.codePointAt(i)! > 0xffff ? 2 : 1) offsets[n++] = i;
  offsets[n] = to;
  weight[n] = 0;
  const maxRunes = Math.max(table.maxRunes, inserted.maxRunes);
  const minWeight = Math.log(table.minFreq / table.total);
  for (let i = n - 1; i >= 0; i--) {
    let best = MIN_DOUBLE;
    let bestEnd = i + 1;
    let h1 = HASH1_START;
    let h2 = HASH2_START;
    for (let j = i + 1; j <= n && j - i <= maxRunes; j++) {
      for (let u = offsets[j - 1]!; u < offsets[j]!; u++) {
        h1 = hash1Step(h1, text.charCodeAt(u));
        h2 = hash2Step(h2, text.charCodeAt(u));
      }
      const mine = j - i <= inserted.maxRunes ? inserted.entry(h1, h2) : 0;
      const entry = table.entry(h1, h2);
      const freq = mine & FREQ || entry & FREQ;
      if (freq || j === i + 1) {
        const val = (freq ? Math.log(freq / table.total) : minWeight) + weight[j]!;
        if (val > best) {
          best = val;
          bestEnd = j;
        }
      }
      // No longer word starts here (cppjieba's trie walk stops).
      if (!((mine | entry) & CONTINUES)) break;
    }
    weight[i] = best;
    next[i] = bestEnd;
  }
  // The path's words; a run of single characters is left to the HMM, its edges are boundaries.
  const bounds: number[] = [];
  const runs: number[] = [];
  let run = -1;
  for (let i = 0; ; i = next[i]!) {
    const single = i < n && next[i] === i + 1;
    if (single) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      if (i - run > 1) runs.push(offsets[run]! - from, offsets[i]! - from);
      bounds.push(offsets[i]! - from);
      run = -1;
    }
    if (i >= n) break;
    bounds.push(offsets[next[i]!]! - from);
  }
  const cuts = new Int32Array(1 + bounds.length + runs.length);
  cuts[0] = bounds.length;
  cuts.set(bounds, 1);
  cuts.set(runs, 1 + bounds.length);
  return cuts;
}
