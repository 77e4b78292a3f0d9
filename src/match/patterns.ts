// Collects the phrases and regexes of every rule, expands phrases into their regional forms and
// builds the one matcher that a lint run scans each utterance with.
//
// A phrase may have gaps (`还有…其他…帮`): its literal pieces are the matcher's patterns, and a
// scan joins them in order (see scan.ts). A phrase or regex may carry guards (`not-after`,
// `not-before`, `unless`), which are phrases too, found in the same pass.
import { Matcher, MatcherBuilder, type MatcherTables } from './matcher.js';
import { requiredLiterals } from './regex-literal.js';
import { expandGuards } from './guards.js';
import { normalizeText } from '../text/normalize.js';
import { matchForms, regionalForms } from '../text/variants.js';

/**
 * auto: a word-boundary check for CJK matches of two characters or fewer; word: always; none:
 * never; latin: only Latin word edges (guards: 不 before 能退 needs no segmenter, `no` must not
 * match inside `know`).
 */
export type Boundary = 'auto' | 'word' | 'none' | 'latin';

/** What an edge of a match must sit on: nothing, a jieba word boundary, or a Latin word edge. */
export type EdgeCheck = 0 | 1 | 2;
export const EDGE_FREE: EdgeCheck = 0;
export const EDGE_WORD: EdgeCheck = 1;
export const EDGE_LATIN: EdgeCheck = 2;

/** The gap a phrase's `…` allows when the rule gives no `gap`, in characters (spaces not counted). */
export const DEFAULT_GAP = 4;

/** `…` or `...` between two pieces of a phrase: a gap. */
const GAP_MARK = /\s*(?:…|\.\.\.)\s*/;

/** Guards of a phrase or of a whole rule, as written (`$negation` names a standard list). */
export interface PhraseGuards {
  'not-after'?: string[];
  'not-before'?: string[];
  unless?: string[];
}

/** A phrase in a rule pack: a string, or an object with its own guards and gap. */
export type PhraseEntry = string | ({ phrase: string; gap?: number } & PhraseGuards);

/** What applies to every phrase of a matcher (a rule, or its `when` / `expect` / `if`). */
export interface PhraseDefaults extends PhraseGuards {
  gap?: number;
  boundary?: Boundary;
}

/** Guards compiled: the phrase numbers of each list. */
export interface CompiledGuards {
  notAfter: number[];
  notBefore: number[];
  unless: number[];
}

/** One phrase (possibly gapped), the rules and slots that own it and its guards. */
export interface CompiledPhrase {
  /** The phrase as the rule wrote it. */
  phrase: string;
  pieces: number;
  gap: number;
  owners: { rule: number; slot: string }[];
  guards: CompiledGuards | null;
}

/** A matcher pattern is piece `piece` of phrase `phrase`, with the checks on its edges. */
export interface PieceOwner {
  phrase: number;
  piece: number;
  startCheck: EdgeCheck;
  endCheck: EdgeCheck;
}

export interface RegexOwner {
  rule: number;
  slot: string;
  regex: RegExp;
  guards: CompiledGuards | null;
}

export interface CompiledPatterns {
  matcher: Matcher;
  /** For each matcher pattern, the phrase pieces it is. */
  owners: PieceOwner[][];
  phrases: CompiledPhrase[];
  regexes: RegexOwner[];
  /** For each matcher pattern, the regexes (by index) that can match only where it occurs. */
  gates: number[][];
  /** Regexes without a required literal: they run on every utterance. */
  ungated: number[];
  /** Normalized CJK words for the segmenter's dictionary. */
  words: string[];
}

const LATIN = /[a-z0-9]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

function edgeCheck(ch: string, boundary: Boundary, cjkLength: number, stem: boolean): EdgeCheck {
  if (boundary === 'none') return EDGE_FREE;
  if (LATIN.test(ch)) return stem ? EDGE_FREE : EDGE_LATIN;
  if (boundary !== 'latin' && CJK.test(ch) && (boundary === 'word' || cjkLength <= 2)) return EDGE_WORD;
  return EDGE_FREE;
}

function cjkLength(text: string): number {
  let n = 0;
  for (const ch of text) if (CJK.test(ch)) n++;
  return n;
}

interface RawGuards {
  notAfter: string[];
  notBefore: string[];
  unless: string[];
}

interface RawPhrase {
  rule: number;
  slot: string;
  phrase: string;
  boundary: Boundary;
  gap: number;
  /** The entry's own guards and its matcher's: merged by compile() (a cached compile never merges them). */
  own: PhraseGuards;
  defaults: PhraseGuards;
}

/** The pieces of a phrase: `还有…其他` → [还有, 其他]; a gap at either end is dropped. */
export function phrasePieces(phrase: string): string[] {
  return phrase.split(GAP_MARK).filter((p) => p.length > 0);
}

function isStem(piece: string): boolean {
  return piece.endsWith('*') && piece.length > 1;
}

function stripStem(piece: string): string {
  return isStem(piece) ? piece.slice(0, -1) : piece;
}

/** The guards of an entry and of its defaults together, or null when there are none. */
function mergeGuards(entry: PhraseGuards, defaults: PhraseGuards): RawGuards | null {
  const list = (key: keyof PhraseGuards) => expandGuards([...(defaults[key] ?? []), ...(entry[key] ?? [])]);
  const guards = { notAfter: list('not-after'), notBefore: list('not-before'), unless: list('unless') };
  return guards.notAfter.length + guards.notBefore.length + guards.unless.length > 0 ? guards : null;
}

export class PatternSet {
  private readonly raw: RawPhrase[] = [];
  private readonly rawRegexes: { rule: number; slot: string; regex: RegExp; defaults: PhraseGuards }[] = [];
  private readonly words = new Set<string>();

  /**
   * A literal phrase, possibly with gaps and guards. A Latin phrase matches whole words; one
   * that ends in `*` matches as a stem (`apologi*` finds apologize and apologies).
   */
  addPhrase(rule: number, slot: string, entry: PhraseEntry, defaults: PhraseDefaults = {}): void {
    const phrase = typeof entry === 'string' ? entry : entry.phrase;
    const own = typeof entry === 'string' ? {} : entry;
    const gap = (typeof entry === 'string' ? undefined : entry.gap) ?? defaults.gap ?? DEFAULT_GAP;
    this.raw.push({ rule, slot, phrase, boundary: defaults.boundary ?? 'auto', gap, own, defaults });
  }

  /** A regex; the defaults' guards apply to its matches. */
  addRegex(rule: number, slot: string, regex: RegExp, defaults: PhraseGuards = {}): void {
    this.rawRegexes.push({ rule, slot, regex, defaults });
  }

  /** How many phrases and regexes were added: a cached compile is used only for the same count. */
  get inputs(): number {
    return this.raw.length + this.rawRegexes.length;
  }

  /** Words the segmenter must keep whole (glossary terms). */
  addWord(word: string): void {
    const norm = normalizeText(word);
    if (CJK.test(norm)) this.words.add(norm);
  }

  async compile(): Promise<CompiledPatterns> {
    const raw = this.raw.map((r) => ({ ...r, guards: mergeGuards(r.own, r.defaults) }));
    const rawRegexes = this.rawRegexes.map((r) => ({ ...r, guards: mergeGuards({}, r.defaults) }));
    const guardPhrases = (g: RawGuards | null) => (g ? [...g.notAfter, ...g.notBefore, ...g.unless] : []);
    const allPieces = [...raw, ...rawRegexes].flatMap((r) => [...('phrase' in r ? [r.phrase] : []), ...guardPhrases(r.guards)]);
    const forms = await regionalForms(allPieces.flatMap(phrasePieces).map(stripStem));
    const builder = new MatcherBuilder();
    const patternIds = new Map<string, number>();
    const owners: PieceOwner[][] = [];
    const gates: number[][] = [];
    const phrases: CompiledPhrase[] = [];
    const phraseIds = new Map<string, number>();

    const patternFor = (form: string): number => {
      let id = patternIds.get(form);
      if (id === undefined) {
        id = builder.add(form);
        patternIds.set(form, id);
        owners[id] = [];
        gates[id] = [];
      }
      return id;
    };
    const phraseFor = (phrase: string, boundary: Boundary, gap: number, guards: CompiledGuards | null): number => {
      const key = JSON.stringify([phrase, boundary, gap, guards]);
      let id = phraseIds.get(key);
      if (id !== undefined) return id;
      const pieces = phrasePieces(phrase);
      id = phrases.length;
      phraseIds.set(key, id);
      phrases.push({ phrase, pieces: pieces.length, gap, owners: [], guards });
      const total = cjkLength(normalizeText(pieces.map(stripStem).join('')));
      pieces.forEach((piece, k) => {
        const stem = isStem(piece);
        const text = stripStem(piece);
        for (const form of matchForms(text, forms.get(text)!)) {
          const list = owners[patternFor(form)]!;
          // Inner edges of a gapped phrase only keep Latin words whole (`let…know` is not in `letter`).
          const startCheck = edgeCheck(form[0]!, k === 0 ? boundary : 'latin', total, false);
          const endCheck = edgeCheck(form[form.length - 1]!, k === pieces.length - 1 ? boundary : 'latin', total, stem);
          if (!list.some((o) => o.phrase === id && o.piece === k)) list.push({ phrase: id!, piece: k, startCheck, endCheck });
        }
      });
      return id;
    };
    const compileGuards = (g: RawGuards | null): CompiledGuards | null => {
      if (!g) return null;
      const ids = (list: string[]) => [...new Set(list.map((p) => phraseFor(p, 'latin', DEFAULT_GAP, null)))];
      return { notAfter: ids(g.notAfter), notBefore: ids(g.notBefore), unless: ids(g.unless) };
    };

    for (const r of raw) {
      if (phrasePieces(r.phrase).length === 0) continue;
      const list = phrases[phraseFor(r.phrase, r.boundary, r.gap, compileGuards(r.guards))]!.owners;
      if (!list.some((o) => o.rule === r.rule && o.slot === r.slot)) list.push({ rule: r.rule, slot: r.slot });
    }
    const regexes: RegexOwner[] = rawRegexes.map((r) => ({ rule: r.rule, slot: r.slot, regex: r.regex, guards: compileGuards(r.guards) }));
    const ungated: number[] = [];
    regexes.forEach(({ regex }, k) => {
      const literals = requiredLiterals(regex.source);
      if (literals === null) ungated.push(k);
      else for (const literal of new Set(literals.map(normalizeText))) gates[patternFor(literal)]!.push(k);
    });
    return { matcher: builder.build(), owners, phrases, regexes, gates, ungated, words: [...this.words] };
  }
}

/**
 * Compiled patterns as plain JSON (typed arrays in base64), for the compiled rule set kept on disk
 * and sent to worker threads: restoring them takes a few milliseconds where compiling takes
 * ~130 ms (regional forms, guard expansion, the automaton).
 */
export interface StoredPatterns {
  /** PatternSet.inputs when compiled: a rule set whose rules add another number is compiled again. */
  inputs: number;
  matcher: Record<Exclude<keyof MatcherTables, 'root'>, string> & { rootChars: string; rootTargets: string };
  /** For each matcher pattern, its piece owners as [phrase, piece, startCheck, endCheck] runs from ownerStart. */
  ownerStart: string;
  owners: string;
  slots: string[];
  guards: [number[], number[], number[]][];
  /** [phrase, pieces, gap, guards index or -1, owners as rule, slot index pairs]. */
  phrases: [string, number, number, number, number[]][];
  /** [rule, slot index, source, flags, guards index or -1]. */
  regexes: [number, number, string, string, number][];
  gateStart: string;
  gates: string;
  ungated: number[];
  words: string[];
}

type Typed = Int32Array | Uint16Array;
const toBase64 = (a: Typed): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromBase64<T extends Typed>(s: string, Kind: { new (b: ArrayBuffer): T }): T {
  const b = Buffer.from(s, 'base64');
  return new Kind(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}

/** Lists of lists as one flat array and the start of each list. */
function flatten(lists: readonly (readonly number[])[]): { start: Int32Array; data: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  let n = 0;
  lists.forEach((l, i) => {
    start[i] = n;
    n += l.length;
  });
  start[lists.length] = n;
  const data = new Int32Array(n);
  let k = 0;
  for (const l of lists) for (const v of l) data[k++] = v;
  return { start, data };
}

/** Compiled patterns as JSON; `inputs` is the PatternSet's count of phrases and regexes. */
export function storePatterns(c: CompiledPatterns, inputs: number): StoredPatterns {
  const t = c.matcher.tables;
  const rootChars: number[] = [];
  const rootTargets: number[] = [];
  t.root.forEach((child, ch) => {
    if (child !== 0) {
      rootChars.push(ch);
      rootTargets.push(child);
    }
  });
  const slots: string[] = [];
  const slotIds = new Map<string, number>();
  const slotOf = (s: string) => {
    let id = slotIds.get(s);
    if (id === undefined) slotIds.set(s, (id = slots.push(s) - 1));
    return id;
  };
  const guards: [number[], number[], number[]][] = [];
  const guardIds = new Map<string, number>();
  const guardOf = (g: CompiledGuards | null) => {
    if (!g) return -1;
    const lists: [number[], number[], number[]] = [g.notAfter, g.notBefore, g.unless];
    const key = JSON.stringify(lists);
    let id = guardIds.get(key);
    if (id === undefined) guardIds.set(key, (id = guards.push(lists) - 1));
    return id;
  };
  const owners = flatten(c.owners.map((list) => list.flatMap((o) => [o.phrase, o.piece, o.startCheck, o.endCheck])));
  const gates = flatten(c.gates);
  return {
    inputs,
    matcher: {
      rootChars: toBase64(Uint16Array.from(rootChars)),
      rootTargets: toBase64(Int32Array.from(rootTargets)),
      edgeStart: toBase64(t.edgeStart),
      edgeChar: toBase64(t.edgeChar),
      edgeTarget: toBase64(t.edgeTarget),
      fail: toBase64(t.fail),
      outStart: toBase64(t.outStart),
      outPattern: toBase64(t.outPattern),
      lengths: toBase64(t.lengths),
    },
    ownerStart: toBase64(owners.start),
    owners: toBase64(owners.data),
    slots,
    guards,
    phrases: c.phrases.map((p) => [p.phrase, p.pieces, p.gap, guardOf(p.guards), p.owners.flatMap((o) => [o.rule, slotOf(o.slot)])]),
    regexes: c.regexes.map((r) => [r.rule, slotOf(r.slot), r.regex.source, r.regex.flags, guardOf(r.guards)]),
    gateStart: toBase64(gates.start),
    gates: toBase64(gates.data),
    ungated: c.ungated,
    words: c.words,
  };
}

/** Compiled patterns from their stored form. */
export function restorePatterns(s: StoredPatterns): CompiledPatterns {
  const m = s.matcher;
  const root = new Int32Array(0x10000);
  const rootChars = fromBase64(m.rootChars, Uint16Array);
  const rootTargets = fromBase64(m.rootTargets, Int32Array);
  for (let i = 0; i < rootChars.length; i++) root[rootChars[i]!] = rootTargets[i]!;
  const matcher = new Matcher({
    root,
    edgeStart: fromBase64(m.edgeStart, Int32Array),
    edgeChar: fromBase64(m.edgeChar, Uint16Array),
    edgeTarget: fromBase64(m.edgeTarget, Int32Array),
    fail: fromBase64(m.fail, Int32Array),
    outStart: fromBase64(m.outStart, Int32Array),
    outPattern: fromBase64(m.outPattern, Int32Array),
    lengths: fromBase64(m.lengths, Int32Array),
  });
  const guards: CompiledGuards[] = s.guards.map(([notAfter, notBefore, unless]) => ({ notAfter, notBefore, unless }));
  const ownerStart = fromBase64(s.ownerStart, Int32Array);
  const ownerData = fromBase64(s.owners, Int32Array);
  const owners: PieceOwner[][] = [];
  for (let p = 0; p + 1 < ownerStart.length; p++) {
    const list: PieceOwner[] = [];
    for (let k = ownerStart[p]!; k < ownerStart[p + 1]!; k += 4) {
      list.push({ phrase: ownerData[k]!, piece: ownerData[k + 1]!, startCheck: ownerData[k + 2]! as EdgeCheck, endCheck: ownerData[k + 3]! as EdgeCheck });
    }
    owners.push(list);
  }
  const gateStart = fromBase64(s.gateStart, Int32Array);
  const gateData = fromBase64(s.gates, Int32Array);
  const gates: number[][] = [];
  for (let p = 0; p + 1 < gateStart.length; p++) gates.push(Array.from(gateData.subarray(gateStart[p]!, gateStart[p + 1]!)));
  const phrases: CompiledPhrase[] = s.phrases.map(([phrase, pieces, gap, g, o]) => {
    const list: { rule: number; slot: string }[] = [];
    for (let k = 0; k < o.length; k += 2) list.push({ rule: o[k]!, slot: s.slots[o[k + 1]!]! });
    return { phrase, pieces, gap, owners: list, guards: g < 0 ? null : guards[g]! };
  });
  const regexes: RegexOwner[] = s.regexes.map(([rule, slot, source, flags, g]) => ({
    rule,
    slot: s.slots[slot]!,
    regex: new RegExp(source, flags),
    guards: g < 0 ? null : guards[g]!,
  }));
  return { matcher, owners, phrases, regexes, gates, ungated: s.ungated, words: s.words };
}
