// nodejieba's dictionary as a word table that loads in milliseconds. Loading nodejieba with its
// full dictionary costs about 0.9 s on an idle machine (3-5 s measured on a busy 2-core one):
// it parses the 350k-word dictionary twice (its segmenter and its TextRank extractor each build
// a trie) and a 6 MB idf file. The table holds every word nodejieba knows with the frequency its
// weight comes from, and every beginning of a word, as two 32-bit hashes each in an
// open-addressing table (8 MB, read in ~10 ms once a run needs more than a few lookups): ./boundary-cut.ts takes the dictionary's path
// through a sentence from it, and nodejieba, loaded with a one-word dictionary, only runs its
// HMM on the runs of single characters left. Measured on a busy 2-core machine: nodejieba's load
// and a first cut 64-127 ms instead of 1.5-3.7 s, and cutting the dev chats' 9,775 Chinese
// utterances 139-215 ms instead of 261-273 ms.
//
// Why not a smaller dictionary loaded into nodejieba (the words that can touch a short pattern,
// or overlap those), measured on the bundled rules and the dev chats: the words overlapping the
// 186 short patterns are 46k besides the 11.6k single characters, the words overlapping those
// are 345k of the 349k, and with the first set plus the 20k most frequent words (71k words)
// nodejieba's dictionary pass still took another path next to 9% of the boundary decisions (a
// missing 随时 gave 请亲|亲随|时来 for 请|亲亲|随时|来), which the HMM then cuts differently.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** nodejieba's dictionary files (the arguments of its load()). */
export interface JiebaFiles {
  dict: string;
  hmmDict: string;
  userDict: string;
  idfDict: string;
  stopWordDict: string;
}

/** nodejieba's own files, and its version. */
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

/**
 * Two independent 32-bit hashes of a word's UTF-16 code units (FNV-1a from two bases with two
 * primes), built a code unit at a time so that a caller can extend a word without slicing it.
 */
export const HASH1_START = 0x811c9dc5;
export const HASH2_START = 0x2f7a1d63;
export const hash1Step = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193) >>> 0;
export const hash2Step = (h: number, unit: number): number => Math.imul(h ^ unit, 0x0100019d) >>> 0;

export function wordHashes(word: string): [number, number] {
  let h1 = HASH1_START;
  let h2 = HASH2_START;
  for (let i = 0; i < word.length; i++) {
    h1 = hash1Step(h1, word.charCodeAt(i));
    h2 = hash2Step(h2, word.charCodeAt(i));
  }
  return [h1, h2];
}

/** In a table entry: a longer word starts with this string. */
export const CONTINUES = 0x100000;
/** In a table entry: the frequency (0: not a word), below 2^20; cppjieba's largest is 883,634 (了). */
export const FREQ = 0xfffff;
/** The bits of a slot's second word that hold the second hash; the entry is in the others. */
const CHECK = 0xffe00000;

/** A word of the table: the frequency its weight comes from (log(freq / total), as cppjieba's DictTrie.hpp). */
export interface TableWord {
  word: string;
  freq: number;
}

/**
 * Every word nodejieba knows with its full dictionary and user dictionary, and every beginning of
 * one. A slot holds the first hash and 11 bits of the second: a string that is no word matches
 * one with odds of about 1 in 10^13 per lookup (1 in 4,000 with one 32-bit hash, which a run over
 * a large export would meet).
 */
export class WordTable {
  private static readonly HEADER = 5;

  private constructor(
    /**
     * Header (maxRunes, total, minFreq, medianFreq, slots), then [hash1 | 1, (hash2 & CHECK) | entry]
     * per slot; the header alone while the table is read from `file` a lookup at a time.
     */
    private data: Uint32Array,
    private file?: TableFile,
  ) {}

  /** The longest word, in characters. */
  get maxRunes(): number {
    return this.data[0]!;
  }
  /** The sum of the dictionary's frequencies: every weight is log(freq / total). */
  get total(): number {
    return this.data[1]!;
  }
  /** The dictionary's least frequency: a character that is no word costs its weight. */
  get minFreq(): number {
    return this.data[2]!;
  }
  /** The dictionary's median frequency: an inserted word (and a user word without one) gets its weight. */
  get medianFreq(): number {
    return this.data[3]!;
  }

  /**
   * The table of cppjieba's dictionary and user dictionary files (their text): the total, least
   * and median frequency come from the dictionary alone, and a user word replaces a dictionary
   * word, as in DictTrie.hpp.
   */
  static fromDictionary(dict: string, userDict: string): WordTable {
    const words: TableWord[] = [];
    for (const line of dict.split('\n')) {
      if (line.length === 0) continue;
      const [word, freq] = line.split(' ');
      words.push({ word: word!, freq: Number(freq) });
    }
    const sorted = words.map((w) => w.freq).sort((a, b) => a - b);
    const total = sorted.reduce((s, f) => s + f, 0);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    for (const line of userDict.split('\n')) {
      const cols = line.split(' ');
      if (line.length === 0) continue;
      // A single character in the user dictionary is kept from the HMM (MixSegment.hpp): not done by boundary-cut.ts.
      if ([...cols[0]!].length === 1)
        throw new Error(`nodejieba's user dictionary has a single-character word (${cols[0]}): the boundary dictionary does not handle it`);
      words.push({ word: cols[0]!, freq: cols.length === 3 ? Number(cols[1]) : median });
    }
    return WordTable.of(words, [total, sorted[0]!, median]);
  }

  /**
   * A table of the given words (a later one replaces an earlier one) and of their beginnings, so
   * that a lookup can tell when no longer word starts the same way (as a walk down cppjieba's
   * trie stops); [total, minFreq, medianFreq] as given.
   */
  static of(words: readonly TableWord[], [total, minFreq, medianFreq] = [0, 0, 0]): WordTable {
    const entries = new Map<string, number>();
    for (const { word, freq } of words) {
      if (!(freq > 0 && freq <= FREQ)) throw new Error(`a word's frequency must be from 1 to ${FREQ}: ${word} ${freq}`);
      entries.set(word, ((entries.get(word) ?? 0) & CONTINUES) | freq);
    }
    for (const { word } of words) {
      const runes = [...word];
      for (let k = 1; k < runes.length; k++) {
        const start = runes.slice(0, k).join('');
        entries.set(start, (entries.get(start) ?? 0) | CONTINUES);
      }
    }
    let size = 1;
    while (size < entries.size * 1.4) size *= 2;
    const table = new WordTable(new Uint32Array(WordTable.HEADER + 2 * size));
    table.data.set([words.reduce((m, w) => Math.max(m, [...w.word].length), 0), total, minFreq, medianFreq, size]);
    for (const [word, value] of entries) {
      const [h1, h2] = wordHashes(word);
      table.data.set([(h1 | 1) >>> 0, ((h2 & CHECK) | value) >>> 0], table.slot(h1, h2, true));
    }
    return table;
  }

  /**
   * The table written in a file. Its first `lazyLookups` lookups read the slots they probe from
   * the file, and the next reads it whole. Measured in fresh processes on a busy 2-core machine:
   * reading the 8 MB took 8-19 ms of CPU, 2,000 lookups from the file 15-23 ms; one short chat
   * makes 20 lookups, three small transcripts 66, twenty 658. So a run that checks a few word
   * boundaries reads a few slots, and a larger one pays at most 256 lookups (~2 ms) besides the read.
   */
  static read(file: string, lazyLookups = LAZY_LOOKUPS): WordTable {
    if (lazyLookups > 0) {
      const fd = openSync(file, 'r');
      const header = new Uint32Array(WordTable.HEADER);
      if (readSync(fd, header, 0, header.byteLength, 0) === header.byteLength) {
        return new WordTable(header, { path: file, fd, lookupsLeft: lazyLookups, block: new Uint32Array(2 * PROBE_SLOTS) });
      }
      closeSync(fd);
    }
    return new WordTable(readTable(file));
  }

  bytes(): Uint8Array {
    if (this.file) this.readWhole(this.file);
    return new Uint8Array(this.data.buffer, this.data.byteOffset, this.data.byteLength);
  }

  /** The data offset of the word's slot, or of the empty slot where it would go (-1 when absent and !insert). */
  private slot(h1: number, h2: number, insert: boolean): number {
    const size = this.data[4]!;
    const key = (h1 | 1) >>> 0;
    for (let i = h1 & (size - 1); ; i = (i + 1) & (size - 1)) {
      const at = WordTable.HEADER + 2 * i;
      const k = this.data[at]!;
      if (k === 0) return insert ? at : -1;
      if (k === key && (this.data[at + 1]! & CHECK) === (h2 & CHECK)) return at;
    }
  }

  /** The frequency of a word, or undefined when the dictionary does not have it. */
  freq(word: string): number | undefined {
    const entry = this.entry(...wordHashes(word));
    return entry & FREQ ? entry & FREQ : undefined;
  }

  /**
   * The entry of the string with hashes h1 and h2 (wordHashes): its frequency (entry & FREQ, 0
   * when it is no word) and whether a longer word starts with it (entry & CONTINUES); 0 when neither.
   */
  entry(h1: number, h2: number): number {
    if (this.file) return this.entryFromFile(h1, h2, this.file);
    const at = this.slot(h1, h2, false);
    return at < 0 ? 0 : this.data[at + 1]! & ~CHECK;
  }

  private readWhole(file: TableFile): void {
    this.data = readTable(file.path);
    this.file = undefined;
    closeSync(file.fd);
  }

  /** entry() with the slots read from the file, PROBE_SLOTS at a time; the whole table once lookupsLeft runs out. */
  private entryFromFile(h1: number, h2: number, file: TableFile): number {
    if (--file.lookupsLeft < 0) {
      this.readWhole(file);
      return this.entry(h1, h2);
    }
    const size = this.data[4]!;
    const key = (h1 | 1) >>> 0;
    const { block } = file;
    for (let i = h1 & (size - 1); ;) {
      const slots = Math.min(PROBE_SLOTS, size - i);
      readSync(file.fd, block, 0, 8 * slots, 4 * (WordTable.HEADER + 2 * i));
      for (let k = 0; k < slots; k++) {
        const at = 2 * k;
        if (block[at] === 0) return 0;
        if (block[at] === key && (block[at + 1]! & CHECK) === (h2 & CHECK)) return block[at + 1]! & ~CHECK;
      }
      i = (i + slots) & (size - 1);
    }
  }
}

/** How many lookups read the table's file slot by slot before it is read whole (WordTable.read). */
const LAZY_LOOKUPS = 256;
/** Slots read from the file at once: a probe nearly always ends in the first few. */
const PROBE_SLOTS = 8;

/** A word table file being read a lookup at a time. */
interface TableFile {
  path: string;
  fd: number;
  lookupsLeft: number;
  block: Uint32Array;
}

/** A whole table file, as its Uint32Array. */
function readTable(file: string): Uint32Array {
  const bytes = readFileSync(file);
  // A file this size has a buffer of its own, 4-byte aligned: viewed, not copied.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 2);
}

/** A placeholder word of private-use characters, which normalization never produces. */
const PLACEHOLDER = '\ue000\uf8ff';

/** What a run loads: the word table, and the files nodejieba loads for its HMM alone. */
export interface BoundaryDictionary {
  table: WordTable;
  files: JiebaFiles;
}

function filesIn(dir: string, full: JiebaFiles): JiebaFiles & { table: string } {
  return {
    table: join(dir, 'words.bin'),
    // One placeholder word: nodejieba must load a dictionary, and cuts nothing with this one.
    dict: join(dir, 'jieba.dict.utf8'),
    // The full HMM model (520 KB): the HMM decides how unknown characters join (哈亲, 看亲).
    hmmDict: full.hmmDict,
    userDict: join(dir, 'user.dict.utf8'),
    // Keyword extraction is never used; nodejieba still reads both files at load (6 MB of idf).
    idfDict: join(dir, 'idf.utf8'),
    stopWordDict: join(dir, 'stop_words.utf8'),
  };
}

/** Writes the boundary dictionary of nodejieba's dictionary into dir (each file atomically, the table last). */
export function writeBoundaryDictionary(dir: string, full = fullDictionary()): BoundaryDictionary {
  const files = filesIn(dir, full);
  const table = WordTable.fromDictionary(readFileSync(full.dict, 'utf8'), readFileSync(full.userDict, 'utf8'));
  mkdirSync(dir, { recursive: true });
  const write = (file: string, data: string | Uint8Array) => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  };
  write(files.dict, `${PLACEHOLDER} ${table.minFreq} x\n`);
  write(files.userDict, `${PLACEHOLDER}\n`);
  write(files.idfDict, `${PLACEHOLDER} 1.0\n`);
  write(files.stopWordDict, `${PLACEHOLDER}\n`);
  write(files.table, table.bytes());
  return { table, files };
}

/** Where the build writes it: dist/boundary-dictionary/. */
export const BUNDLED_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'boundary-dictionary');

/** Bumped when the table's layout changes. */
const TABLE_FORMAT = 3;

/** Its directory name: nodejieba's version and the sizes of its dictionary files (a new nodejieba makes a new one). */
function versionDir(full: JiebaFiles & { version: string }): string {
  const h = createHash('sha256')
    .update(`${TABLE_FORMAT}\0${full.version}\0${statSync(full.dict).size}\0${statSync(full.userDict).size}`)
    .digest('hex');
  return `nodejieba-${full.version}-${h.slice(0, 8)}`;
}

function cacheDir(): string {
  return join(
    process.env.ASLINT_CACHE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'aslint'),
    'boundary-dictionary',
  );
}

/**
 * The boundary dictionary: the build's (`npm run build`), or one written into the cache
 * earlier, or one written now (about a second, once); undefined when none can be read or
 * written, and the caller loads nodejieba's full dictionary.
 */
export function boundaryDictionary(): BoundaryDictionary | undefined {
  const full = fullDictionary();
  const name = versionDir(full);
  for (const root of [BUNDLED_DIR, cacheDir()]) {
    const files = filesIn(join(root, name), full);
    if (existsSync(files.table)) {
      try {
        return { table: WordTable.read(files.table), files };
      } catch {
        // unreadable: try the next one
      }
    }
  }
  try {
    return writeBoundaryDictionary(join(cacheDir(), name), full);
  } catch {
    return undefined;
  }
}

/** Writes the build's boundary dictionary (scripts/boundary-dictionary.js). */
export function writeBundledBoundaryDictionary(): string {
  const full = fullDictionary();
  const dir = join(BUNDLED_DIR, versionDir(full));
  writeBoundaryDictionary(dir, full);
  return dir;
}
