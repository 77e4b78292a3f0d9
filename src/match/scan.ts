// Scans one utterance: every literal pattern in one pass of the matcher, then the regexes,
// keeping only the matches whose edges sit where their pattern asks. A word-boundary edge is
// checked only when a check asks for the hits of that rule in that utterance: a hit that no rule
// can use there (wrong role, outside a position window, a conversation rule on a reply) never
// makes the segmenter load or run.
//
// The scan runs once per utterance, tens of thousands of times on an export, so it allocates
// little: per-phrase working lists live in arrays indexed by phrase id, stamped with the number
// of the scan that filled them and reused by the next one, and candidate hits are flat numbers
// until a check asks for them (Hit objects are made by get()). Measured on a 4 MiB export (43k
// utterances, 443k matcher matches), in-process, least of 10: scanning every utterance took
// 640 ms of CPU with Maps per utterance, objects per match and per span and closures per call,
// and allocated 1.1 GB (V8 sampling heap profile); 130 ms and 19 MB as written here
// (test/match/scan-reference.ts keeps the plain version as the oracle of the tests).
import type { Utterance } from '../core/types.js';
import { normalize, type Normalized } from '../text/normalize.js';
import type { Boundaries, Segmenter } from '../text/segment.js';
import { scriptLang, textScript, type TextLang } from './scope.js';
import { EDGE_LATIN, EDGE_WORD, type CompiledGuards, type CompiledPatterns } from './patterns.js';
import { MatchList } from './matcher.js';

/** A match, in offsets of the utterance's original text and of its normalized text. */
export interface Hit {
  start: number;
  end: number;
  normStart: number;
  normEnd: number;
  /** The phrase or regex source that matched. */
  phrase: string;
}

/** Word-boundary edges of a hit still to be settled. */
const PENDING_START = 1;
const PENDING_END = 2;
/** Latin word edges, checked as soon as a piece matches. */
const LATIN_START = 4;
const LATIN_END = 8;
/** The owner is the first piece of its phrase. */
const FIRST_PIECE = 16;
/** The owner's phrase fills a slot (a guard phrase fills none: only guards look at its spans). */
const OWNED = 32;

/** Where a guard phrase must occur to drop a span: ending where it starts, starting where it ends, in its clause. */
const ENDS_AT = 0;
const STARTS_AT = 1;
const INSIDE = 2;

/** A candidate hit is FIELDS numbers in UnitScan's list: its slot key, norm start and end, pending edges, source. */
const KEY = 0;
const START = 1;
const END = 2;
const PENDING = 3;
/** A phrase id, or -1 - k for regex k. */
const SOURCE = 4;
const FIELDS = 5;

/** An utterance longer than this (in UTF-16 code units) leaves no long lists behind (Scanner.release). */
const LONG_UTTERANCE = 1 << 16;

/** No spans, or no candidates: shared, never written. */
const NONE: readonly number[] = Object.freeze([]);

/** An empty span list, never written (Scanner.grow replaces it). */
const NO_SPANS = new Int32Array(0);

/** No hits: shared, never written. */
const NO_HITS: readonly Hit[] = Object.freeze([]);

/** Whether a character is outside a Latin word (a-z, 0-9: the text is normalized). */
function latinEdge(norm: string, outside: number): boolean {
  if (outside < 0 || outside >= norm.length) return true;
  const c = norm.charCodeAt(outside);
  return !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39));
}

/** /\s/ as code points (what JavaScript's \s matches); a test checks it against the regex for every code unit. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Characters that end a clause (。!?;,.\n\r): a gap never spans one, and `unless` looks only inside the clause. */
export function isClauseEnd(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x2c || c === 0x0a || c === 0x0d || c === 0x2e;
}

/**
 * What a scan needs of the compiled patterns, flattened once per rule set: the edge checks of
 * each matcher pattern's owners as bits, and a number for each (rule, slot) pair.
 */
class ScanTables {
  /** Owners of matcher pattern p: ownerPhrase/ownerList/ownerEdges[ownerStart[p] .. ownerStart[p + 1]). */
  readonly ownerStart: Int32Array;
  readonly ownerPhrase: Int32Array;
  /** The span list the owner's piece goes to (pieceBase[phrase] + piece). */
  readonly ownerList: Int32Array;
  readonly ownerEdges: Uint8Array;
  /**
   * The matcher pattern of the last piece of the owner's gapped phrase, when that piece has one
   * form (one pattern); -1 otherwise.
   */
  readonly ownerLastPattern: Int32Array;
  /** The regexes that can match only where matcher pattern p occurs: gates[gateStart[p] .. gateStart[p + 1]). */
  readonly gateStart: Int32Array;
  readonly gates: Int32Array;
  /** The span lists of phrase f's pieces are Scanner.lists[pieceBase[f] .. pieceBase[f] + pieceCount[f]). */
  readonly pieceBase: Int32Array;
  readonly pieceCount: Int32Array;
  /** The length of the longest matcher pattern: a span starting at a ends by a + longestPattern. */
  readonly longestPattern: number;
  /** The slot keys of phrase f's owners: phraseKeys[keyStart[f] .. keyStart[f + 1]). */
  readonly keyStart: Int32Array;
  readonly phraseKeys: Int32Array;
  readonly regexKeys: Int32Array;
  /** The rule of each slot key. */
  readonly keyRule: Int32Array;
  /** For each rule, its slots' keys: numbered rule by rule, so a rule's keys are ruleKeyStart[rule] .. ruleKeyEnd[rule]. */
  readonly keys: Map<string, number>[] = [];
  readonly ruleKeyStart: Int32Array;
  readonly ruleKeyEnd: Int32Array;

  // Built once per process and per worker, in the interpreter: plain indexed loops, no
  // callbacks, spreads or flattened copies (measured in fresh processes, least of 6: 11.7 ms of
  // CPU written with forEach, flatMap, flat and a sort of the slots, 4.9 ms as it is).
  constructor(readonly patterns: CompiledPatterns) {
    const { owners, phrases, regexes } = patterns;
    let nOwners = 0;
    for (let p = 0; p < owners.length; p++) nOwners += owners[p]!.length;
    this.ownerStart = new Int32Array(owners.length + 1);
    this.ownerPhrase = new Int32Array(nOwners);
    this.ownerList = new Int32Array(nOwners);
    this.ownerEdges = new Uint8Array(nOwners);
    this.ownerLastPattern = new Int32Array(nOwners);
    this.pieceBase = new Int32Array(phrases.length);
    this.pieceCount = new Int32Array(phrases.length);
    let base = 0;
    for (let f = 0; f < phrases.length; f++) {
      this.pieceBase[f] = base;
      this.pieceCount[f] = phrases[f]!.pieces;
      base += phrases[f]!.pieces;
    }
    // -1: no check; -2: the last piece has several forms (regional variants), also no check.
    const lastPattern = new Int32Array(phrases.length).fill(-1);
    for (let p = 0; p < owners.length; p++) {
      const list = owners[p]!;
      for (let k = 0; k < list.length; k++) {
        const { phrase, piece } = list[k]!;
        if (piece === 0 || piece !== phrases[phrase]!.pieces - 1) continue;
        lastPattern[phrase] = lastPattern[phrase] === -1 ? p : -2;
      }
    }
    let o = 0;
    for (let p = 0; p < owners.length; p++) {
      this.ownerStart[p] = o;
      const list = owners[p]!;
      for (let k = 0; k < list.length; k++) {
        const owner = list[k]!;
        this.ownerPhrase[o] = owner.phrase;
        this.ownerList[o] = this.pieceBase[owner.phrase]! + owner.piece;
        this.ownerLastPattern[o] = Math.max(-1, lastPattern[owner.phrase]!);
        this.ownerEdges[o++] =
          (owner.piece === 0 ? FIRST_PIECE : 0) |
          (phrases[owner.phrase]!.owners.length > 0 ? OWNED : 0) |
          (owner.startCheck === EDGE_WORD ? PENDING_START : 0) |
          (owner.endCheck === EDGE_WORD ? PENDING_END : 0) |
          (owner.startCheck === EDGE_LATIN ? LATIN_START : 0) |
          (owner.endCheck === EDGE_LATIN ? LATIN_END : 0);
      }
    }
    this.ownerStart[owners.length] = o;
    // Each rule's slots in the order they come (phrases' owners, then regexes), numbered rule by rule.
    let rules = 0;
    let nSlots = regexes.length;
    const addSlot = (rule: number, slot: string): void => {
      if (!(this.keys[rule] ??= new Map()).has(slot)) this.keys[rule].set(slot, -1);
      if (rule >= rules) rules = rule + 1;
    };
    for (let f = 0; f < phrases.length; f++) {
      const list = phrases[f]!.owners;
      nSlots += list.length;
      for (let k = 0; k < list.length; k++) addSlot(list[k]!.rule, list[k]!.slot);
    }
    for (let r = 0; r < regexes.length; r++) addSlot(regexes[r]!.rule, regexes[r]!.slot);
    this.keyRule = new Int32Array(nSlots);
    this.ruleKeyStart = new Int32Array(rules);
    this.ruleKeyEnd = new Int32Array(rules);
    let key = 0;
    for (let rule = 0; rule < this.keys.length; rule++) {
      const ruleSlots = this.keys[rule];
      this.slotNames[rule] = [];
      if (!ruleSlots) continue;
      this.ruleKeyStart[rule] = key;
      for (const slot of ruleSlots.keys()) {
        this.keyRule[key] = rule;
        this.slotNames[rule]!.push(slot);
        ruleSlots.set(slot, key++);
      }
      this.ruleKeyEnd[rule] = key;
    }
    const { lengths } = patterns.matcher.tables;
    let longest = 0;
    for (let p = 0; p < lengths.length; p++) if (lengths[p]! > longest) longest = lengths[p]!;
    this.longestPattern = longest;
    this.keyStart = new Int32Array(phrases.length + 1);
    this.phraseKeys = new Int32Array(nSlots - regexes.length);
    let n = 0;
    for (let f = 0; f < phrases.length; f++) {
      this.keyStart[f] = n;
      const list = phrases[f]!.owners;
      for (let k = 0; k < list.length; k++) this.phraseKeys[n++] = this.keys[list[k]!.rule]!.get(list[k]!.slot)!;
    }
    this.keyStart[phrases.length] = n;
    const { gates } = patterns;
    this.gateStart = new Int32Array(gates.length + 1);
    for (let p = 0; p < gates.length; p++) this.gateStart[p + 1] = this.gateStart[p]! + gates[p]!.length;
    this.gates = new Int32Array(this.gateStart[gates.length]!);
    for (let p = 0, g = 0; p < gates.length; p++) for (let k = 0; k < gates[p]!.length; k++) this.gates[g++] = gates[p]![k]!;
    this.regexKeys = new Int32Array(regexes.length);
    for (let r = 0; r < regexes.length; r++) this.regexKeys[r] = this.keys[regexes[r]!.rule]!.get(regexes[r]!.slot)!;
    this.guardIds = new Int32Array(3 * (phrases.length + regexes.length));
    const guardLists = this.indexGuardLists();
    this.guardListStart = guardLists.start;
    this.guardListsOf = guardLists.lists;
    // The scan runs them with exec from lastIndex 0 until no match: a regex without g would never end.
    for (let r = 0; r < regexes.length; r++) if (!regexes[r]!.regex.global) throw new Error(`rule regex /${regexes[r]!.regex.source}/ must have the g flag`);
  }

  /** Each rule's slot names, in the order of their keys (the first is ruleKeyStart[rule]). */
  private readonly slotNames: string[][] = [];

  /** The key of a rule's slot, or -1 when no phrase or regex fills it. */
  key(rule: number, slot: string): number {
    // A rule has a few slots (15 at most in the bundled rules), and a check asks with the very
    // strings it registered them with: a linear search, mostly by identity, is faster than the
    // Map's hashing (sampled, key and firstOf: 7.0 → 4.0 ms a round of the linter on the generated 5,000 transcripts).
    const names = this.slotNames[rule];
    if (names === undefined) return -1;
    for (let i = 0; i < names.length; i++) if (names[i] === slot) return this.ruleKeyStart[rule]! + i;
    return -1;
  }

  /** A number for each guard list (`not-after`, `not-before`, `unless` of a phrase or regex) that has phrases. */
  readonly guardListId = new Map<readonly number[], number>();
  /** The guard lists phrase f is in: guardListsOf[guardListStart[f] .. guardListStart[f + 1]). */
  readonly guardListStart: Int32Array;
  readonly guardListsOf: Int32Array;
  /**
   * The ids of the guard lists of phrase f (k = f) or regex r (k = phrases + r): not-after,
   * not-before and unless at guardIds[3k .. 3k + 3), -1 for an empty list. Looked up here, not in
   * guardListId (a Map keyed by the list) on each guarded span: sampled, guarded and guardOccurs
   * had 0.22 as many samples as scan's own with the Map, 0.16 without (the generated 5,000 transcripts).
   */
  readonly guardIds: Int32Array;

  /** Numbers the guard lists and records which lists each phrase is in. */
  private indexGuardLists(): { start: Int32Array; lists: Int32Array } {
    const { phrases, regexes } = this.patterns;
    const lists: (readonly number[])[] = [];
    const number = (list: readonly number[]): void => {
      if (list.length === 0 || this.guardListId.has(list)) return;
      this.guardListId.set(list, lists.length);
      lists.push(list);
    };
    const ids = this.guardIds;
    ids.fill(-1);
    for (let k = 0; k < phrases.length + regexes.length; k++) {
      const guards = k < phrases.length ? phrases[k]!.guards : regexes[k - phrases.length]!.guards;
      if (!guards) continue;
      number(guards.notAfter);
      number(guards.notBefore);
      number(guards.unless);
      ids[3 * k] = this.guardListId.get(guards.notAfter) ?? -1;
      ids[3 * k + 1] = this.guardListId.get(guards.notBefore) ?? -1;
      ids[3 * k + 2] = this.guardListId.get(guards.unless) ?? -1;
    }
    // Each phrase's lists, in the order they were numbered: counted, then filled.
    const start = new Int32Array(phrases.length + 1);
    for (let id = 0; id < lists.length; id++) for (let k = 0; k < lists[id]!.length; k++) start[lists[id]![k]! + 1]!++;
    for (let f = 0; f < phrases.length; f++) start[f + 1]! += start[f]!;
    const of = new Int32Array(start[phrases.length]!);
    const next = start.slice(0, phrases.length);
    for (let id = 0; id < lists.length; id++) for (let k = 0; k < lists[id]!.length; k++) of[next[lists[id]![k]!]!++] = id;
    return { start, lists: of };
  }
}

export class UnitScan {
  private bounds: Boundaries | undefined;
  private scriptCode = -1;
  /** Settled hits, by the index of their slot's first candidate. */
  private settled: (readonly Hit[])[] | undefined;

  /** `candidates` holds FIELDS numbers a candidate, sorted by slot key, then by start and end in the text. */
  constructor(
    readonly unit: Utterance,
    readonly normalized: Normalized,
    private readonly segmenter: Segmenter,
    private readonly tables: ScanTables,
    private readonly candidates: readonly number[],
  ) {}

  /** The language of the utterance, worked out once (checks ask for it per hit). */
  get lang(): TextLang {
    return scriptLang(this.script);
  }

  /** The utterance's script code (textScript), worked out once: its language, and whether its characters tell the script. */
  get script(): number {
    if (this.scriptCode < 0) this.scriptCode = textScript(this.unit.text);
    return this.scriptCode;
  }

  /** The hits of one slot of one rule, in text order; word-boundary edges are settled here. */
  get(rule: number, slot: string): readonly Hit[] {
    const from = this.firstOf(rule, slot);
    if (from < 0) return NO_HITS;
    const done = this.settled?.[from];
    if (done) return done;
    const c = this.candidates;
    const key = c[from + KEY]!;
    const hits: Hit[] = [];
    for (let k = from; k < c.length && c[k + KEY] === key; k += FIELDS) if (this.holds(k)) hits.push(this.hitAt(k));
    (this.settled ??= [])[from] = hits;
    return hits;
  }

  /** Whether the slot has a hit: one whose edges need no check answers without segmenting. */
  has(rule: number, slot: string): boolean {
    const from = this.firstOf(rule, slot);
    if (from < 0) return false;
    const done = this.settled?.[from];
    if (done) return done.length > 0;
    const c = this.candidates;
    const key = c[from + KEY]!;
    for (let k = from; k < c.length && c[k + KEY] === key; k += FIELDS) if (c[k + PENDING] === 0) return true;
    for (let k = from; k < c.length && c[k + KEY] === key; k += FIELDS) if (this.holds(k)) return true;
    return false;
  }

  /**
   * Whether the slot has a candidate hit, its word-boundary edges not yet checked: a check asks
   * this first, so that a turn where the rule cannot fire never makes the segmenter run.
   */
  mayHave(rule: number, slot: string): boolean {
    return this.firstOf(rule, slot) >= 0;
  }

  /** The rules with a candidate hit (whose word-boundary edges may not hold), in ascending order. */
  rules(): number[] {
    const rules: number[] = [];
    rules.length = this.rulesInto(rules);
    return rules;
  }

  /** Writes rules() into `into` from index 0 (the rest of it is left as it was); returns how many. */
  rulesInto(into: number[]): number {
    const c = this.candidates;
    const { keyRule } = this.tables;
    let n = 0;
    let last = -1;
    for (let k = 0; k < c.length; k += FIELDS) {
      const rule = keyRule[c[k + KEY]!]!;
      if (rule !== last) into[n++] = last = rule;
    }
    return n;
  }

  /** The index of the slot's first candidate, or -1. */
  private firstOf(rule: number, slot: string): number {
    const c = this.candidates;
    if (c.length === 0 || rule >= this.tables.ruleKeyStart.length) return -1;
    // Most utterances have no candidate of the rule a check asks about: its keys' range says so
    // before the slot's name is looked up (term rules ask for slots named per call: misuse:0 …).
    const from = this.lowerBound(0, this.tables.ruleKeyStart[rule]!);
    if (from === c.length || c[from + KEY]! >= this.tables.ruleKeyEnd[rule]!) return -1;
    const key = this.tables.key(rule, slot);
    if (key < 0) return -1;
    const at = this.lowerBound(from, key);
    return at < c.length && c[at + KEY] === key ? at : -1;
  }

  /** The index of the first candidate at or after `from` whose key is not below `key` (binary search: candidates are sorted by key). */
  private lowerBound(from: number, key: number): number {
    const c = this.candidates;
    let lo = from / FIELDS;
    let hi = c.length / FIELDS;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid * FIELDS + KEY]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo * FIELDS;
  }

  private hitAt(k: number): Hit {
    const c = this.candidates;
    const normStart = c[k + START]!;
    const normEnd = c[k + END]!;
    const source = c[k + SOURCE]!;
    const { patterns } = this.tables;
    return {
      start: this.normalized.original(normStart),
      end: this.normalized.original(normEnd),
      normStart,
      normEnd,
      phrase: source >= 0 ? patterns.phrases[source]!.phrase : patterns.regexes[-1 - source]!.regex.source,
    };
  }

  private holds(k: number): boolean {
    const c = this.candidates;
    const pending = c[k + PENDING]!;
    if (pending & PENDING_START && !this.isBoundary(c[k + START]!)) return false;
    if (pending & PENDING_END && !this.isBoundary(c[k + END]!)) return false;
    return true;
  }

  private isBoundary(at: number): boolean {
    const { norm } = this.normalized;
    if (this.segmenter.settledBoundary(norm, at)) return true;
    this.bounds ??= this.segmenter.boundaries(norm);
    return this.bounds.has(at);
  }
}

/**
 * The scan of one rule set, with its working lists, reused from one utterance to the next. A
 * phrase's lists are valid only where its stamp equals `generation`, the number of the current
 * scan: starting a scan is one increment, and only the phrases a match touched are visited.
 * Lists are emptied by setting their count, never their length: `array.length = 0` is a call
 * into the runtime, and it was 9 % of the scan's profile.
 */
class Scanner {
  private generation = 0;
  private norm = '';
  /**
   * Span lists, three numbers a span (start, end, pending edges), each with its count of spans:
   * list pieceBase[f] + k holds piece k of phrase f, list `joinedBase + f` its joined occurrences.
   */
  private readonly lists: Int32Array[];
  private readonly counts: Int32Array;
  private readonly joinedBase: number;
  /** The scan in which a phrase's piece lists were last started. */
  private readonly pieceStamp: Int32Array;
  /** Phrases whose piece lists this scan started, in the order of their first match. */
  private readonly touched: number[] = [];
  private touchedCount = 0;
  /** The list of a phrase's occurrences (-1: none), and the scan it was worked out in. */
  private readonly spanList: Int32Array;
  private readonly spanStamp: Int32Array;
  /** Gated regexes to run, in the order their literals were first matched. */
  private readonly regexStamp: Int32Array;
  private readonly regexesToRun: number[] = [];
  /**
   * The scan in which a phrase of guard list l (ScanTables.guardListId) was last started: a list
   * none of whose phrases occurs drops nothing, said without looking at its phrases one by one
   * (the negation list has ~40 phrases; measured: guarded and guardOccurs went from 10 % of the
   * samples of scanning a 4 MiB export to 6 %).
   */
  private readonly guardListStamp: Int32Array;
  private regexCount = 0;
  /** Candidates of the current utterance, FIELDS numbers each, in the order they were found. */
  private found: number[] = [];
  private foundLength = 0;
  /** What clauseStart and clauseEnd last found (-1: nothing yet in this utterance). */
  private clauseKnownStart = 0;
  private clauseKnownTo = -1;
  private clauseKnownFrom = -1;
  private clauseKnownEnd = 0;
  /** The utterance's matcher matches. */
  private matches = new MatchList();
  /** The scan in which each matcher pattern last matched. */
  private readonly patternStamp: Int32Array;

  constructor(readonly tables: ScanTables) {
    const { phrases, regexes } = tables.patterns;
    this.joinedBase = tables.pieceBase.length === 0 ? 0 : tables.pieceBase[phrases.length - 1]! + tables.pieceCount[phrases.length - 1]!;
    this.lists = new Array<Int32Array>(this.joinedBase + phrases.length).fill(NO_SPANS);
    this.counts = new Int32Array(this.lists.length);
    this.pieceStamp = new Int32Array(phrases.length);
    this.spanList = new Int32Array(phrases.length);
    this.spanStamp = new Int32Array(phrases.length);
    this.regexStamp = new Int32Array(regexes.length);
    this.guardListStamp = new Int32Array(tables.guardListId.size);
    this.patternStamp = new Int32Array(tables.patterns.matcher.size);
  }

  scan(unit: Utterance, segmenter: Segmenter): UnitScan {
    const normalized = normalize(unit.text);
    const norm = (this.norm = normalized.norm);
    const { patterns, keyStart, phraseKeys, regexKeys, pieceBase, pieceCount } = this.tables;
    const { counts } = this;
    this.generation++;
    this.touchedCount = 0;
    this.regexCount = 0;
    this.clauseKnownTo = -1;
    this.clauseKnownFrom = -1;
    this.foundLength = 0;

    // Pass 1: every piece of every phrase, in one pass of the matcher (addMatch), then each
    // match's phrase pieces (addPiece). Knowing first which patterns occur, a gapped phrase whose
    // last piece never does is not started: an utterance started ~14 phrases, ~2 of which had
    // their last piece (the generated 5,000 transcripts: scanning them took 99 ms of CPU, 89 ms so;
    // the whole linter 187 → 178 ms, in process, least of 15).
    const matches = patterns.matcher.collect(norm, this.matches);
    const { lengths } = patterns.matcher.tables;
    const { patternStamp, generation } = this;
    for (let m = 0; m < matches.count; m++) patternStamp[matches.patterns[m]!] = generation;
    for (let m = 0; m < matches.count; m++) {
      const pattern = matches.patterns[m]!;
      const end = matches.ends[m]!;
      this.addPiece(pattern, end - lengths[pattern]!, end);
    }

    // Pass 2: phrases from their pieces, then the guards that drop some of them.
    for (let t = 0; t < this.touchedCount; t++) {
      const f = this.touched[t]!;
      // Most phrases started here are gapped ones whose first piece is a common character (我…很忙): without their last piece, no occurrence.
      if (counts[pieceBase[f]! + pieceCount[f]! - 1] === 0) continue;
      const list = this.spansOf(f);
      if (list < 0) continue;
      const spans = this.lists[list]!;
      const guards = patterns.phrases[f]!.guards;
      for (let k = 0, n = 3 * this.counts[list]!; k < n; k += 3) {
        const s = spans[k]!;
        const e = spans[k + 1]!;
        if (guards && this.guarded(s, e, guards, f)) continue;
        for (let o = keyStart[f]!; o < keyStart[f + 1]!; o++) this.addCandidate(phraseKeys[o]!, s, e, spans[k + 2]!, f);
      }
    }
    for (let r = 0; r < patterns.ungated.length; r++) this.runRegex(patterns.ungated[r]!, regexKeys[patterns.ungated[r]!]!);
    for (let r = 0; r < this.regexCount; r++) this.runRegex(this.regexesToRun[r]!, regexKeys[this.regexesToRun[r]!]!);
    const candidates = this.foundLength === 0 ? NONE : sortedCandidates(this.found, this.foundLength);
    if (norm.length > LONG_UTTERANCE) this.release();
    return new UnitScan(unit, normalized, segmenter, this.tables, candidates);
  }

  /**
   * Lets go of the lists a long utterance grew: reused as they are, they would keep its size
   * (numbers per match of every piece) for the rest of the run.
   */
  private release(): void {
    for (let i = 0; i < this.lists.length; i++) if (this.lists[i]!.length > 3 * 1024) this.lists[i] = NO_SPANS;
    if (this.found.length > FIELDS * 1024) this.found = [];
    if (this.matches.patterns.length > 4096) this.matches = new MatchList();
  }

  private addCandidate(key: number, start: number, end: number, pending: number, source: number): void {
    const c = this.found;
    const at = this.foundLength;
    c[at + KEY] = key;
    c[at + START] = start;
    c[at + END] = end;
    c[at + PENDING] = pending;
    c[at + SOURCE] = source;
    this.foundLength = at + FIELDS;
  }

  /** A matcher match: the phrase pieces it is, kept where their Latin edges hold. */
  private addPiece(pattern: number, start: number, end: number): void {
    const { gateStart, gates, ownerStart, ownerPhrase, ownerList, ownerEdges, ownerLastPattern, pieceBase, pieceCount, guardListStart, guardListsOf } =
      this.tables;
    const { patternStamp, generation } = this;
    for (let g = gateStart[pattern]!, last = gateStart[pattern + 1]!; g < last; g++) {
      const k = gates[g]!;
      if (this.regexStamp[k] !== this.generation) {
        this.regexStamp[k] = this.generation;
        this.regexesToRun[this.regexCount++] = k;
      }
    }
    const { norm, counts } = this;
    for (let o = ownerStart[pattern]!, last = ownerStart[pattern + 1]!; o < last; o++) {
      const edges = ownerEdges[o]!;
      const f = ownerPhrase[o]!;
      const list = ownerList[o]!;
      const started = this.pieceStamp[f] === this.generation;
      // Matches come by end offset, so a later piece is of use only after a hit of the piece
      // before it: single-character pieces (还…没…发) otherwise made lists for dozens of phrases
      // per utterance (measured: scanUnit took 2.7× the CPU, the whole lint 1.6×).
      if ((edges & FIRST_PIECE) === 0 && (!started || counts[list - 1] === 0)) continue;
      const lastPattern = ownerLastPattern[o]!;
      if (lastPattern >= 0 && patternStamp[lastPattern] !== generation) continue;
      if (edges & LATIN_START && !latinEdge(norm, start - 1)) continue;
      if (edges & LATIN_END && !latinEdge(norm, end)) continue;
      if (!started) {
        this.pieceStamp[f] = this.generation;
        // Pass 2 makes candidates of these; a guard phrase's spans are looked up by its guards.
        if (edges & OWNED) this.touched[this.touchedCount++] = f;
        for (let k = pieceBase[f]!, to = k + pieceCount[f]!; k < to; k++) counts[k] = 0;
        for (let m = guardListStart[f]!, to = guardListStart[f + 1]!; m < to; m++) this.guardListStamp[guardListsOf[m]!] = this.generation;
      }
      const at = 3 * counts[list]!++;
      const spans = at + 3 <= this.lists[list]!.length ? this.lists[list]! : this.grow(list, at + 3);
      spans[at] = start;
      spans[at + 1] = end;
      spans[at + 2] = edges & (PENDING_START | PENDING_END);
    }
  }

  /**
   * List `list` with room for at least `length` numbers, its contents kept. Span lists are typed
   * arrays grown by doubling: storing a span past the end of a plain array was the most sampled
   * line of the scan (a 4 MiB export: ~20 % of addPiece's samples).
   */
  private grow(list: number, length: number): Int32Array {
    const old = this.lists[list]!;
    if (length <= old.length) return old;
    const grown = new Int32Array(Math.max(length, 2 * old.length, 12));
    grown.set(old.subarray(0, 3 * this.counts[list]!));
    return (this.lists[list] = grown);
  }

  /** The list of a phrase's occurrences in the current utterance, or -1 when it has none. */
  private spansOf(f: number): number {
    if (this.spanStamp[f] === this.generation) return this.spanList[f]!;
    this.spanStamp[f] = this.generation;
    let list = -1;
    if (this.pieceStamp[f] === this.generation) {
      const base = this.tables.pieceBase[f]!;
      const pieces = this.tables.pieceCount[f]!;
      let all = true;
      for (let k = 0; k < pieces; k++) if (this.counts[base + k] === 0) all = false;
      if (all) list = pieces === 1 ? base : this.joinPieces(f);
    }
    this.spanList[f] = list;
    return list;
  }

  /** Occurrences of a gapped phrase: each piece in order, each gap short and inside the clause. Returns their list. */
  private joinPieces(f: number): number {
    const { lists, counts } = this;
    const base = this.tables.pieceBase[f]!;
    const pieces = this.tables.pieceCount[f]!;
    const gap = this.tables.patterns.phrases[f]!.gap;
    for (let k = 0; k < pieces; k++) sortSpans(lists[base + k]!, counts[base + k]!);
    const into = this.joinedBase + f;
    const found = this.grow(into, 3 * counts[base]!);
    let n = 0;
    const first = lists[base]!;
    const lastPiece = lists[base + pieces - 1]!;
    for (let k = 0; k < 3 * counts[base]!; k += 3) {
      const last = this.extend(base, pieces, gap, 1, first[k + 1]!);
      if (last < 0) continue;
      // Only the first piece's start and the last piece's end can wait for a word-boundary check.
      found[3 * n] = first[k]!;
      found[3 * n + 1] = lastPiece[last + 1]!;
      found[3 * n++ + 2] = (first[k + 2]! & PENDING_START) | (lastPiece[last + 2]! & PENDING_END);
    }
    counts[into] = n;
    return n === 0 ? -1 : into;
  }

  /** The index in the last piece's list of the first way to go on from piece `piece` after `from`, or -1. */
  private extend(base: number, pieces: number, gap: number, piece: number, from: number): number {
    const list = this.lists[base + piece]!;
    const n = 3 * this.counts[base + piece]!;
    // The list is sorted by start: going on from the first span at or after `from`, not from
    // the list's head, keeps a long utterance linear (60,000 characters of 还没发 took 42 s).
    for (let k = firstSpan(list, n, SPAN_START, from); k < n; k += 3) {
      const s = list[k]!;
      if (!gapFits(this.norm, from, s, gap)) break;
      if (piece === pieces - 1) return k;
      const last = this.extend(base, pieces, gap, piece + 1, list[k + 1]!);
      if (last >= 0) return last;
    }
    return -1;
  }

  /**
   * Whether a guard phrase occurs where it drops the span s..e. `k`: the phrase, or the number of
   * phrases plus the regex, whose guards these are (ScanTables.guardIds).
   */
  private guarded(s: number, e: number, guards: CompiledGuards, k: number): boolean {
    const ids = this.tables.guardIds;
    const norm = this.norm;
    let before = s;
    while (before > 0 && isSpace(norm.charCodeAt(before - 1))) before--;
    if (this.guardOccurs(guards.notAfter, ids[3 * k]!, ENDS_AT, before, 0)) return true;
    let after = e;
    while (after < norm.length && isSpace(norm.charCodeAt(after))) after++;
    if (this.guardOccurs(guards.notBefore, ids[3 * k + 1]!, STARTS_AT, after, 0)) return true;
    if (guards.unless.length === 0) return false;
    return this.guardOccurs(guards.unless, ids[3 * k + 2]!, INSIDE, this.clauseStart(s), this.clauseEnd(e));
  }

  /**
   * Where the clause around offset `at` starts. What the last walk found is kept: no clause end
   * lies in knownStart..knownTo and knownStart starts a clause; spans come mostly in text order,
   * so a walk goes back only to where the last one began (walking each time to the clause's start
   * made one long clause quadratic: 30,000 characters of 还没发 took 1.5 s).
   */
  private clauseStart(at: number): number {
    const norm = this.norm;
    let p = at;
    const known = this.clauseKnownTo >= 0 && at >= this.clauseKnownStart;
    const stop = known ? this.clauseKnownTo : 0;
    if (known && at <= stop) return this.clauseKnownStart;
    while (p > stop && !isClauseEnd(norm.charCodeAt(p - 1))) p--;
    if (!known || p > stop) this.clauseKnownStart = p;
    this.clauseKnownTo = at;
    return this.clauseKnownStart;
  }

  /** Where the clause around offset `at` ends (clauseStart's mirror: no clause end in knownFrom..knownEnd). */
  private clauseEnd(at: number): number {
    const norm = this.norm;
    let p = at;
    const known = this.clauseKnownFrom >= 0 && at <= this.clauseKnownEnd;
    const stop = known ? this.clauseKnownFrom : norm.length;
    if (known && at >= stop) return this.clauseKnownEnd;
    while (p < stop && !isClauseEnd(norm.charCodeAt(p))) p++;
    if (!known || p < stop) this.clauseKnownEnd = p;
    this.clauseKnownFrom = at;
    return this.clauseKnownEnd;
  }

  /** Whether one of the phrases (guard list `id`, -1 when empty) occurs ending at a, starting at a, or inside a..b. */
  private guardOccurs(phrases: readonly number[], id: number, where: number, a: number, b: number): boolean {
    if (id < 0 || this.guardListStamp[id] !== this.generation) return false;
    for (let i = 0; i < phrases.length; i++) {
      const g = phrases[i]!;
      // Most guard phrases (a list of ~40 negations) have no match: one stamp says so.
      if (this.pieceStamp[g] !== this.generation) continue;
      const list = this.spansOf(g);
      if (list < 0) continue;
      const spans = this.lists[list]!;
      const n = 3 * this.counts[list]!;
      // A phrase of one piece has its spans in the matcher's order, by end: the spans that can
      // answer are found by binary search (scanning them all made a long utterance quadratic).
      // Those of a gapped phrase are sorted by start; they are few.
      const byEnd = this.tables.pieceCount[g] === 1;
      let k = 0;
      let last = n;
      if (byEnd) {
        k = firstSpan(spans, n, SPAN_END, where === STARTS_AT ? a + 1 : a);
        if (where !== INSIDE) last = Math.min(n, firstSpan(spans, n, SPAN_END, a + this.tables.longestPattern + 1));
      }
      for (; k < last; k += 3) {
        const s = spans[k]!;
        const e = spans[k + 1]!;
        if (where === ENDS_AT ? e === a : where === STARTS_AT ? s === a : s >= a && e <= b) return true;
        if (byEnd && where === INSIDE && e > b) break;
      }
    }
    return false;
  }

  private runRegex(k: number, key: number): void {
    const { regex, guards } = this.tables.patterns.regexes[k]!;
    const norm = this.norm;
    // exec in a loop rather than matchAll, which copies the regex and makes an iterator per call
    // (two regexes run on every utterance). Rule regexes are global (flags gu).
    regex.lastIndex = 0;
    for (let m = regex.exec(norm); m !== null; m = regex.exec(norm)) {
      const length = m[0].length;
      if (length === 0) {
        // As matchAll does: step over the empty match (a whole code point, the regex being unicode).
        regex.lastIndex = advance(norm, regex.lastIndex, /[uv]/.test(regex.flags));
        continue;
      }
      const s = m.index;
      if (!guards || !this.guarded(s, s + length, guards, this.tables.patterns.phrases.length + k)) this.addCandidate(key, s, s + length, 0, -1 - k);
    }
  }
}

/** The index after `at` that a regex moves to past an empty match (AdvanceStringIndex). */
function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  if (c < 0xd800 || c > 0xdbff) return at + 1;
  const d = text.charCodeAt(at + 1);
  return d >= 0xdc00 && d <= 0xdfff ? at + 2 : at + 1;
}

/** Fields of a span in a span list. */
const SPAN_START = 0;
const SPAN_END = 1;

/** The index of the first span of a list (n numbers, sorted by the field) whose field is at least value. */
function firstSpan(spans: Int32Array, n: number, field: number, value: number): number {
  let lo = 0;
  let hi = n / 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[3 * mid + field]! < value) lo = mid + 1;
    else hi = mid;
  }
  return 3 * lo;
}

/** The text of norm between two offsets can be a gap of at most `gap` characters (spaces free). */
function gapFits(norm: string, from: number, to: number, gap: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = norm.charCodeAt(i);
    if (isClauseEnd(c)) return false;
    if (!isSpace(c) && ++n > gap) return false;
  }
  return true;
}

/** Sorts the first n (start, end, pending) spans of a list by start, then end; they nearly always come sorted. */
function sortSpans(spans: Int32Array, n: number): void {
  let sorted = true;
  for (let k = 3; k < 3 * n && sorted; k += 3) {
    if (spans[k]! < spans[k - 3]! || (spans[k] === spans[k - 3] && spans[k + 1]! < spans[k - 2]!)) sorted = false;
  }
  if (sorted) return;
  const order = Array.from({ length: n }, (_, i) => i * 3);
  order.sort((a, b) => spans[a]! - spans[b]! || spans[a + 1]! - spans[b + 1]!);
  const copy = spans.slice(0, 3 * n);
  order.forEach((from, i) => {
    spans[i * 3] = copy[from]!;
    spans[i * 3 + 1] = copy[from + 1]!;
    spans[i * 3 + 2] = copy[from + 2]!;
  });
}

/**
 * The first `length` numbers of found, as a list of its own sorted by slot key, then start and
 * end in the text; equal candidates keep the order they were found in (phrases in the order of
 * their first match, then the regexes), as each slot's stable sort did before.
 */
function sortedCandidates(found: readonly number[], length: number): number[] {
  const n = length / FIELDS;
  if (n > 32) {
    const order = Array.from({ length: n }, (_, i) => i * FIELDS);
    order.sort((a, b) => compareCandidates(found, a, b) || a - b);
    const out: number[] = new Array<number>(length);
    let w = 0;
    for (const from of order) for (let f = 0; f < FIELDS; f++) out[w++] = found[from + f]!;
    return out;
  }
  // An utterance has a few candidates: an insertion sort in place (stable, nothing allocated
  // besides the copy) took the sort from 26 MB allocated and ~80 ms to a few ms on a 4 MiB export.
  const c = found.slice(0, length);
  for (let i = FIELDS; i < length; i += FIELDS) {
    if (compareCandidates(c, i - FIELDS, i) <= 0) continue;
    const key = c[i + KEY]!;
    const start = c[i + START]!;
    const end = c[i + END]!;
    const pending = c[i + PENDING]!;
    const source = c[i + SOURCE]!;
    let j = i - FIELDS;
    while (j >= 0 && (c[j + KEY]! - key || c[j + START]! - start || c[j + END]! - end) > 0) {
      for (let f = 0; f < FIELDS; f++) c[j + FIELDS + f] = c[j + f]!;
      j -= FIELDS;
    }
    c[j + FIELDS + KEY] = key;
    c[j + FIELDS + START] = start;
    c[j + FIELDS + END] = end;
    c[j + FIELDS + PENDING] = pending;
    c[j + FIELDS + SOURCE] = source;
  }
  return c;
}

function compareCandidates(c: readonly number[], a: number, b: number): number {
  return c[a + KEY]! - c[b + KEY]! || c[a + START]! - c[b + START]! || c[a + END]! - c[b + END]!;
}

/** The scanner of each rule set's patterns, made on its first utterance. */
const scanners = new WeakMap<CompiledPatterns, Scanner>();

export function scanUnit(unit: Utterance, patterns: CompiledPatterns, segmenter: Segmenter): UnitScan {
  let scanner = scanners.get(patterns);
  if (!scanner) scanners.set(patterns, (scanner = new Scanner(new ScanTables(patterns))));
  return scanner.scan(unit, segmenter);
}
