// The boundary dictionary: the part of nodejieba's 350k-word dictionary that can change a word
// boundary at the edge of a short pattern, so that a run needing one check loads a few thousand
// words instead of all of them (nodejieba builds two tries from the dictionary and reads a 6 MB
// idf file at load: about 0.9 s unloaded, measured 3-5 s on a busy 2-core machine).
//
// Which words can matter (cppjieba MPSegment/MixSegment/HMMSegment): a sentence is cut by the
// best path through the DAG of its dictionary words (sum of log(freq / total)), then each run of
// single characters is re-cut by the HMM. A boundary at a hit's edge depends on the words that
// cross the edge (they contain, overlap or sit inside the pattern), on the words that overlap
// those (they decide whether those are taken), and so on outwards; a position no word crosses
// cuts the best path in two independent halves. So the derivation keeps, from the seeds (the
// short patterns), every word that can overlap a kept word in some text, DEPTH steps out, plus
// every single-character word (their weights price every path and decide which runs the HMM
// sees). Measured on the dev chats (test/e2e/boundary-dictionary.test.ts): depth 1 already
// gives the full dictionary's boundary decisions on every short-pattern hit.
//
// Kept words keep their original frequencies, and the weights come out bit for bit the same:
// cppjieba derives them from the dictionary as a whole (weight = log(freq / sum of all freqs);
// an unknown character costs the minimum weight; an inserted word gets the median weight), so
// the file adds placeholder words, made of private-use characters no normalized text contains,
// that restore the sum, the minimum and the median.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How many overlap steps out from the patterns the derivation goes. */
export const DEPTH = 0;
/** How many of the most frequent words are kept besides: they make a boundary provable more often (./boundary-proof.ts). */
export const FREQUENT = 20000;
/** Bumped when the derivation changes (the key of every derived dictionary changes with it). */
const DERIVATION_VERSION = 1;

/** nodejieba's own dictionary files. */
export interface JiebaFiles {
  dict: string;
  hmmDict: string;
  userDict: string;
  idfDict: string;
  stopWordDict: string;
}

export function fullDictionary(): JiebaFiles & { version: string } {
  const require = createRequire(import.meta.url);
  const jieba = require('nodejieba') as Record<string, string>;
  const { version } = require('nodejieba/package.json') as { version: string };
  return {
    dict: jieba.DEFAULT_DICT!,
    hmmDict: jieba.DEFAULT_HMM_DICT!,
    userDict: jieba.DEFAULT_USER_DICT!,
    idfDict: jieba.DEFAULT_IDF_DICT!,
    stopWordDict: jieba.DEFAULT_STOP_WORD_DICT!,
    version,
  };
}

/** What a boundary dictionary is derived for: the short patterns, and the words inserted into the segmenter. */
export interface BoundarySeeds {
  patterns: readonly string[];
  words: readonly string[];
}

/** The key of a derived dictionary: nodejieba's version, the derivation, and the seeds. */
export function boundaryKey(seeds: BoundarySeeds, jiebaVersion: string): string {
  const h = createHash('sha256').update(`${jiebaVersion}\0${DERIVATION_VERSION}\0${DEPTH}\0${FREQUENT}`);
  for (const list of [seeds.patterns, seeds.words]) h.update(`\0${[...new Set(list)].sort().join('\n')}`);
  return h.digest('hex').slice(0, 32);
}

/** true when a and b can overlap in some text: one contains the other, or an end of one is a start of the other. */
export function canOverlap(a: string, b: string): boolean {
  for (let d = 1 - b.length; d < a.length; d++) {
    const from = Math.max(0, d);
    const to = Math.min(a.length, d + b.length);
    let agree = true;
    for (let i = from; i < to && agree; i++) agree = a.charCodeAt(i) === b.charCodeAt(i - d);
    if (agree) return true;
  }
  return false;
}

/** Placeholder words: private-use characters, which normalization never produces and people don't type. */
const placeholder = (n: number): string => String.fromCharCode(0xe000 + n, 0xf8ff);

/** For each string of a set, its nonempty proper prefixes and suffixes and all its substrings. */
class Overlaps {
  private readonly whole = new Set<string>();
  private readonly lengths = new Set<number>();
  private readonly prefixes = new Set<string>();
  private readonly suffixes = new Set<string>();
  private readonly inside = new Set<string>();

  constructor(strings: Iterable<string>) {
    for (const x of strings) {
      this.whole.add(x);
      this.lengths.add(x.length);
      for (let i = 1; i < x.length; i++) {
        this.prefixes.add(x.slice(0, i));
        this.suffixes.add(x.slice(i));
      }
      for (let i = 0; i < x.length; i++) for (let j = i + 1; j <= x.length; j++) this.inside.add(x.slice(i, j));
    }
  }

  /** Whether w can overlap one of the strings in some text (the same as canOverlap against each). */
  touch(w: string): boolean {
    if (this.inside.has(w)) return true;
    for (let i = 1; i < w.length; i++) if (this.prefixes.has(w.slice(i)) || this.suffixes.has(w.slice(0, i))) return true;
    for (const n of this.lengths) for (let i = 0; i + n <= w.length; i++) if (this.whole.has(w.slice(i, i + n))) return true;
    return false;
  }
}

/** The dictionary and user dictionary lines of a boundary dictionary. */
export interface DerivedDictionary {
  dict: string[];
  userDict: string[];
  table: WordTable;
}

/**
 * A boundary dictionary, from the text of nodejieba's dictionary and user dictionary: every
 * single-character word, every word within `depth` overlap steps of a pattern (at depth 0 the
 * words overlapping a pattern), the inserted words, and placeholders that keep the total
 * frequency and the minimum of the full dictionary.
 *
 * The inserted words are written as dictionary words at the full dictionary's median frequency:
 * insertWord gives a word the median weight of the loaded dictionary, which a subset does not
 * have. The user dictionary's words without a frequency get it written out for the same reason.
 */
export function deriveBoundaryDictionary(fullDict: string, fullUserDict: string, seeds: BoundarySeeds, depth = DEPTH, frequent = FREQUENT): DerivedDictionary {
  const words: string[] = [];
  const freqs: number[] = [];
  const lines: string[] = [];
  for (const line of fullDict.split('\n')) {
    if (line.length === 0) continue;
    const [word, freq] = line.split(' ');
    words.push(word!);
    freqs.push(Number(freq));
    lines.push(line);
  }
  const kept = new Set<number>();
  words.forEach((w, k) => {
    if ([...w].length === 1) kept.add(k);
  });
  const byFrequency = words.map((_, k) => k).sort((a, b) => freqs[b]! - freqs[a]! || a - b);
  for (const k of byFrequency.slice(0, frequent)) kept.add(k);
  // The inserted words are a way through: a word overlapping an inserted word that overlaps a pattern is one step out.
  let frontier: string[] = [...new Set(seeds.patterns)];
  const inserted = new Set(seeds.words);
  const reached = new Set<string>();
  for (let step = 0; step <= depth && frontier.length > 0; step++) {
    const near = new Overlaps(frontier);
    const next: string[] = [];
    words.forEach((w, k) => {
      if (reached.has(w) || !near.touch(w)) return;
      reached.add(w);
      kept.add(k);
      next.push(w);
    });
    for (const w of inserted) {
      if (reached.has(w) || !near.touch(w)) continue;
      reached.add(w);
      next.push(w);
    }
    frontier = next;
  }

  const sorted = [...freqs].sort((a, b) => a - b);
  const total = freqs.reduce((s, f) => s + f, 0);
  const min = sorted[0]!;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const dict: string[] = [];
  let sum = 0;
  for (const k of [...kept].sort((a, b) => a - b)) {
    if (inserted.has(words[k]!)) continue;
    dict.push(lines[k]!);
    sum += freqs[k]!;
  }
  for (const w of [...inserted].sort()) {
    dict.push(`${w} ${median} x`);
    sum += median;
  }
  // One placeholder at the minimum (an unknown character costs the minimum weight), one with the rest of the total.
  const rest = total - sum - min;
  if (!(rest >= min)) throw new Error('boundary dictionary: the kept words carry nearly all the frequency');
  dict.push(`${placeholder(0)} ${min} x`, `${placeholder(1)} ${rest} x`);
  const userDict = fullUserDict
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const cols = line.split(' ');
      return cols.length === 3 ? line : `${cols[0]} ${median} ${cols[1] ?? 'x'}`;
    });
  const known = [
    ...words.map((word, k) => ({ word, freq: freqs[k]!, kept: kept.has(k) })),
    ...userDict.map((line) => {
      const [word, freq] = line.split(' ');
      return { word: word!, freq: Number(freq), kept: true };
    }),
    ...[...inserted].map((word) => ({ word, freq: median, kept: true })),
  ];
  return { dict, userDict, table: WordTable.build(known, total, min) };
}

/** Writes a boundary dictionary's files into dir (each atomically, the dictionary last); returns the files to load. */
export function writeBoundaryDictionary(dir: string, derived: DerivedDictionary, full: JiebaFiles): BoundaryFiles {
  const files = boundaryFiles(dir, full);
  mkdirSync(dir, { recursive: true });
  const write = (file: string, lines: readonly string[]) => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${lines.join('\n')}\n`);
    renameSync(tmp, file);
  };
  // Keyword extraction is never used; cppjieba still reads both files at load (6 MB of idf), so they are one line each.
  write(files.idfDict, [`${placeholder(0)} 1.0`]);
  write(files.stopWordDict, [placeholder(0)]);
  write(files.userDict, derived.userDict);
  const tmp = `${files.table}.${process.pid}.tmp`;
  writeFileSync(tmp, derived.table.bytes());
  renameSync(tmp, files.table);
  write(files.dict, derived.dict);
  return files;
}

/** A boundary dictionary's files: nodejieba's five, and the table of the full dictionary's words. */
export interface BoundaryFiles extends JiebaFiles {
  table: string;
}

function boundaryFiles(dir: string, full: JiebaFiles): BoundaryFiles {
  return {
    table: join(dir, 'words.bin'),
    dict: join(dir, 'jieba.dict.utf8'),
    // The HMM model is the full one (520 KB): it decides how unknown characters join (哈亲, 看亲).
    hmmDict: full.hmmDict,
    userDict: join(dir, 'user.dict.utf8'),
    idfDict: join(dir, 'idf.utf8'),
    stopWordDict: join(dir, 'stop_words.utf8'),
  };
}

/** Where the build puts the boundary dictionary of the bundled content: dist/boundary-dictionary/. */
export const BUNDLED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'boundary-dictionary');

function cacheDir(): string {
  return join(process.env.ASLINT_CACHE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'aslint'), 'boundary-dictionary');
}

/** Derives the boundary dictionary for seeds into root/<key>/. */
export function deriveInto(root: string, seeds: BoundarySeeds, full = fullDictionary()): BoundaryFiles {
  const derived = deriveBoundaryDictionary(readFileSync(full.dict, 'utf8'), readFileSync(full.userDict, 'utf8'), seeds);
  return writeBoundaryDictionary(join(root, boundaryKey(seeds, full.version)), derived, full);
}

/**
 * The dictionary files for seeds: the build's boundary dictionary, or one derived earlier into
 * the cache, or one derived now and cached (a user's own patterns); the full dictionary when
 * the cache cannot be written.
 */
export function dictionaryFor(seeds: BoundarySeeds): { files: JiebaFiles; table?: WordTable } {
  const full = fullDictionary();
  const key = boundaryKey(seeds, full.version);
  for (const root of [BUNDLED_DIR, cacheDir()]) {
    const files = boundaryFiles(join(root, key), full);
    if (existsSync(files.dict)) return { files, table: WordTable.read(files.table) };
  }
  try {
    const files = deriveInto(cacheDir(), seeds, full);
    return { files, table: WordTable.read(files.table) };
  } catch {
    return { files: full };
  }
}

/** Two independent 32-bit hashes of a word's UTF-16 code units (FNV-1a, and FNV-1a from another basis with another prime). */
export function wordHashes(word: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x2f7a1d63;
  for (let i = 0; i < word.length; i++) {
    const u = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ u, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ u, 0x0100019d) >>> 0;
  }
  return [h1, h2];
}

/**
 * Every word nodejieba knows with the full dictionary (its dictionary, its user
 * dictionary, the inserted words), with the frequency its weight comes from and whether the
 * boundary dictionary has it, in an open-addressing table of two 32-bit hashes per word: 8 MB
 * that load in a few ms, where a Map of the 350k words takes longer than the boundary
 * dictionary itself. A false match of both hashes has odds of about 1 in 10^13 per lookup.
 */
export class WordTable {
  private constructor(
    /** Header, then [hash1, hash2, frequency, kept] per slot. */
    private readonly data: Uint32Array,
  ) {}

  private static readonly HEADER = 4;

  /** The longest word, in characters (runes). */
  get maxRunes(): number {
    return this.data[0]!;
  }
  /** The sum of the full dictionary's frequencies. */
  get total(): number {
    return this.data[1]!;
  }
  /** The full dictionary's least frequency (an unknown character costs its weight). */
  get minFreq(): number {
    return this.data[2]!;
  }

  /** words in nodejieba's load order (a later one replaces an earlier one, as in its trie). */
  static build(words: readonly { word: string; freq: number; kept: boolean }[], total: number, minFreq: number): WordTable {
    const multi = words;
    let size = 1;
    while (size < multi.length * 1.4) size *= 2;
    const table = new WordTable(new Uint32Array(WordTable.HEADER + 4 * size));
    table.data[0] = multi.reduce((m, w) => Math.max(m, [...w.word].length), 0);
    table.data[1] = total;
    table.data[2] = minFreq;
    table.data[3] = size;
    for (const w of multi) {
      const [h1, h2] = wordHashes(w.word);
      const slot = table.slot(h1, h2, true);
      table.data.set([h1 | 1, h2, w.freq, w.kept ? 1 : 0], slot);
    }
    return table;
  }

  static read(file: string): WordTable {
    const bytes = readFileSync(file);
    return new WordTable(new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.data.buffer, this.data.byteOffset, this.data.byteLength);
  }

  /** The data offset of the word's slot, or of the empty slot where it would go (-1 when absent and !insert). */
  private slot(h1: number, h2: number, insert: boolean): number {
    const size = this.data[3]!;
    const key = (h1 | 1) >>> 0;
    for (let i = h1 & (size - 1); ; i = (i + 1) & (size - 1)) {
      const at = WordTable.HEADER + 4 * i;
      const k = this.data[at]!;
      if (k === 0) return insert ? at : -1;
      if (k === key && this.data[at + 1] === h2) return at;
    }
  }

  /** The frequency of a word and whether the boundary dictionary keeps it, or undefined when nodejieba does not know it. */
  find(word: string): { freq: number; kept: boolean } | undefined {
    const [h1, h2] = wordHashes(word);
    const at = this.slot(h1, h2, false);
    return at < 0 ? undefined : { freq: this.data[at + 2]!, kept: this.data[at + 3] === 1 };
  }
}
