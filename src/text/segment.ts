// Word segmentation with nodejieba, loaded only when a match needs a word-boundary check:
// loading it costs about 0.9 s and 240 MB, so a run that needs no such check never pays it.
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

/** A segmenter that keeps the given words (normalized, Simplified) whole. */
export class Segmenter {
  private ready = false;
  constructor(private readonly words: readonly string[]) {}

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
