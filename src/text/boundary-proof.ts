// Whether a word boundary cut with the boundary dictionary is certainly where the full
// dictionary would cut, at one offset. How cppjieba cuts (MixSegment.hpp, MPSegment.hpp):
// - the text is split into sentences at the separators, each cut on its own;
// - the dictionary pass takes the best path through the DAG of the words occurring in the
//   sentence. A position strictly inside no word occurrence is a "forced cut": every path goes
//   through it, so between two forced cuts the best path depends only on the words in between.
//   If the boundary dictionary has every full-dictionary word occurring there (with the same
//   weights: see boundary-dictionary.ts), its dictionary pass cuts that stretch the same way;
// - then each run of single-character words is re-cut by the HMM, as a whole. The decision at
//   an offset is the same if the runs next to it are the same, i.e. they end inside the stretch.
// So the stretch grows from the offset, forced cut by forced cut, until the runs next to the
// offset end inside it (proved) or a full-dictionary word missing from the boundary dictionary
// falls inside it (not proved: the caller cuts with the full dictionary).
import { HASH_START, hashStep, FULL_ONLY, NOT_A_WORD, type WordTable } from './boundary-dictionary.js';

export class BoundaryProof {
  /** covered[i]: offset i lies strictly inside an occurrence of a full-dictionary word. */
  private readonly covered: Uint8Array;
  /** Occurrences of full-dictionary words the boundary dictionary lacks, as [start, end). */
  private readonly missing: [number, number][] = [];
  private readonly cuts: Set<number>;

  /**
   * @param dictionaryCuts the offsets where the boundary dictionary's pass without the HMM cuts
   *   text (nodejieba's cut(text, false)), 0 and text.length included, in order.
   */
  constructor(
    private readonly text: string,
    table: WordTable,
    private readonly isSeparator: (unit: number) => boolean,
    private readonly dictionaryCuts: readonly number[],
  ) {
    this.cuts = new Set(dictionaryCuts);
    this.covered = new Uint8Array(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      let h = HASH_START;
      for (let j = i; j < text.length && j - i < table.maxLength && !isSeparator(text.charCodeAt(j)); j++) {
        h = hashStep(h, text.charCodeAt(j));
        if (j === i) continue;
        const found = table.lookupHash(h);
        if (found === NOT_A_WORD) continue;
        this.covered.fill(1, i + 1, j + 1);
        if (found === FULL_ONLY) this.missing.push([i, j + 1]);
      }
    }
  }

  /** Whether the boundary decision at offset `at` (inside a sentence) is the full dictionary's. */
  proves(at: number): boolean {
    const { text, covered } = this;
    let s0 = at;
    while (s0 > 0 && !this.isSeparator(text.charCodeAt(s0 - 1))) s0--;
    let s1 = at;
    while (s1 < text.length && !this.isSeparator(text.charCodeAt(s1))) s1++;
    let a = at;
    let b = at;
    for (;;) {
      while (a > s0 && covered[a]) a--;
      while (b < s1 && covered[b]) b++;
      if (this.missing.some(([s, e]) => s >= a && e <= b)) return false;
      // Inside a multi-character word of the dictionary pass: the HMM leaves it whole.
      if (!this.cuts.has(at)) return true;
      let grown = false;
      if (this.runStart(at, s0) <= a && a > s0) {
        a--;
        grown = true;
      }
      if (this.runEnd(at, s1) >= b && b < s1) {
        b++;
        grown = true;
      }
      if (!grown) return true;
    }
  }

  private singleRune(from: number, to: number): boolean {
    return to - from === 1 || (to - from === 2 && (this.text.charCodeAt(from) & 0xfc00) === 0xd800);
  }

  /** The start of the run of single-character words ending at `at` (at itself when there is none). */
  private runStart(at: number, s0: number): number {
    const cuts = this.dictionaryCuts;
    let k = cuts.indexOf(at);
    while (k > 0 && cuts[k]! > s0 && this.singleRune(cuts[k - 1]!, cuts[k]!)) k--;
    return cuts[k]!;
  }

  /** The end of the run of single-character words starting at `at` (at itself when there is none). */
  private runEnd(at: number, s1: number): number {
    const cuts = this.dictionaryCuts;
    let k = cuts.indexOf(at);
    while (k < cuts.length - 1 && cuts[k]! < s1 && this.singleRune(cuts[k]!, cuts[k + 1]!)) k++;
    return cuts[k]!;
  }
}
