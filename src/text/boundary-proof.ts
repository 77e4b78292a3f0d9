// Whether a word boundary cut with the boundary dictionary is certainly where the full
// dictionary would cut, at one offset. nodejieba (cppjieba MixSegment.hpp) cuts a text in two
// passes: the text is split into sentences at the separators; the dictionary pass takes the best
// path through the DAG of the dictionary words in each sentence (MPSegment.hpp: the sum of the
// words' log(freq / total), an unknown character costing the least weight); then each run of
// single-character words is re-cut by the HMM, as a whole (HMMSegment.hpp).
//
// The boundary dictionary lacks most words, so its dictionary pass can take another path. The
// proof redoes the full dictionary's dictionary pass here, from the word table (the same
// frequencies and total), and compares it with the boundary dictionary's (nodejieba's
// cut(text, false)) next to the offset: if both put the offset inside a multi-character word,
// neither cuts there; if both cut there and the runs of single characters on either side are
// the same, the HMM sees the same runs and cuts the same. Anything else is not proved, and the
// caller cuts with the full dictionary. nodejieba still makes every decision; this only checks
// that its small dictionary could not have changed one.
import type { WordTable } from './boundary-dictionary.js';

/** cppjieba's MIN_DOUBLE, the weight a DAG node starts from. */
const MIN_DOUBLE = -3.14e100;

export class BoundaryProof {
  private readonly fullCuts: number[];

  /**
   * @param boundaryCuts the offsets where the boundary dictionary's pass without the HMM cuts
   *   text (nodejieba's cut(text, false)), 0 and text.length included, in order.
   */
  constructor(
    private readonly text: string,
    private readonly table: WordTable,
    isSeparator: (unit: number) => boolean,
    private readonly boundaryCuts: readonly number[],
  ) {
    this.fullCuts = [0];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && !isSeparator(text.charCodeAt(i))) continue;
      if (i > start) this.fullCuts.push(...this.dictionaryPass(start, i));
      if (i < text.length) this.fullCuts.push(i + 1);
      start = i + 1;
    }
  }

  /** The cuts of the full dictionary's pass over the sentence text[from, to), after `from`. */
  private dictionaryPass(from: number, to: number): number[] {
    const { table, text } = this;
    const offsets: number[] = [];
    for (let i = from; i < to; i += text.codePointAt(i)! > 0xffff ? 2 : 1) offsets.push(i);
    offsets.push(to);
    const n = offsets.length - 1;
    const minWeight = Math.log(table.minFreq / table.total);
    const weight = new Float64Array(n + 1);
    const next = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      // The single character first (it is a word or costs the least weight), then longer words: ties keep the first.
      const single = table.find(text.slice(offsets[i], offsets[i + 1]))?.freq;
      let best = MIN_DOUBLE;
      let bestEnd = i + 1;
      const consider = (end: number, w: number) => {
        const val = w + (end < n ? weight[end]! : 0);
        if (val > best) {
          best = val;
          bestEnd = end;
        }
      };
      consider(i + 1, single === undefined ? minWeight : Math.log(single / table.total));
      for (let j = i + 2; j <= n && j - i <= table.maxRunes; j++) {
        const word = table.find(text.slice(offsets[i], offsets[j]));
        if (word) consider(j, Math.log(word.freq / table.total));
      }
      weight[i] = best;
      next[i] = bestEnd;
    }
    const cuts: number[] = [];
    for (let i = 0; i < n; i = next[i]!) cuts.push(offsets[next[i]!]!);
    return cuts;
  }

  /** Whether the boundary decision at offset `at` is the full dictionary's. */
  proves(at: number): boolean {
    const full = this.around(this.fullCuts, at);
    return full !== undefined && full === this.around(this.boundaryCuts, at);
  }

  /**
   * What the HMM pass sees next to `at`: "inside" a multi-character word, or the cuts from the
   * start of the run of single characters ending at `at` to the end of the one starting there.
   */
  private around(cuts: readonly number[], at: number): string | undefined {
    const k = cuts.indexOf(at);
    if (k < 0) return 'inside';
    let l = k;
    while (l > 0 && this.singleRune(cuts[l - 1]!, cuts[l]!)) l--;
    let r = k;
    while (r < cuts.length - 1 && this.singleRune(cuts[r]!, cuts[r + 1]!)) r++;
    return cuts.slice(l, r + 1).join(',');
  }

  private singleRune(from: number, to: number): boolean {
    return to - from === 1 || (to - from === 2 && (this.text.charCodeAt(from) & 0xfc00) === 0xd800);
  }
}
