// The oracle of test/match/scan.test.ts: the scan as it was written before it was made to
// allocate little (issue 9): Maps per utterance, an object per match and per span, closures per
// call. Plain and slow on purpose; src/match/scan.ts must find exactly what this finds.
import type { Utterance } from '../../src/core/types.js';
import { normalize, type Normalized } from '../../src/text/normalize.js';
import type { Boundaries, Segmenter } from '../../src/text/segment.js';
import { textLang, type TextLang } from '../../src/match/scope.js';
import { EDGE_LATIN, EDGE_WORD, type CompiledGuards, type CompiledPatterns } from '../../src/match/patterns.js';

/** A match, in offsets of the utterance's original text and of its normalized text. */
interface Hit {
  start: number;
  end: number;
  normStart: number;
  normEnd: number;
  /** The phrase or regex source that matched. */
  phrase: string;
}

/** A hit whose edges may still need a word-boundary check (pending: bit 1 start, bit 2 end). */
interface Candidate {
  hit: Hit;
  pending: number;
}

const PENDING_START = 1;
const PENDING_END = 2;

const LATIN_CHAR = /[a-z0-9]/;

export class ReferenceScan {
  private readonly candidates = new Map<number, Map<string, Candidate[]>>();
  private readonly settled = new Map<number, Map<string, Hit[]>>();
  private bounds: Boundaries | undefined;
  private language: TextLang | undefined;

  constructor(
    readonly unit: Utterance,
    readonly normalized: Normalized,
    private readonly segmenter: Segmenter,
  ) {}

  add(rule: number, slot: string, hit: Hit, pending = 0): void {
    let slots = this.candidates.get(rule);
    if (!slots) this.candidates.set(rule, (slots = new Map()));
    const list = slots.get(slot);
    const candidate = { hit, pending };
    if (list) list.push(candidate);
    else slots.set(slot, [candidate]);
  }

  /** The language of the utterance, worked out once (checks ask for it per hit). */
  get lang(): TextLang {
    return (this.language ??= textLang(this.unit.text));
  }

  /** The hits of one slot of one rule, in text order; word-boundary edges are settled here. */
  get(rule: number, slot: string): Hit[] {
    const done = this.settled.get(rule)?.get(slot);
    if (done) return done;
    const candidates = this.candidates.get(rule)?.get(slot);
    if (!candidates) return [];
    const hits: Hit[] = [];
    for (const c of candidates) if (this.holds(c)) hits.push(c.hit);
    let slots = this.settled.get(rule);
    if (!slots) this.settled.set(rule, (slots = new Map()));
    slots.set(slot, hits);
    return hits;
  }

  /** Whether the slot has a hit: one whose edges need no check answers without segmenting. */
  has(rule: number, slot: string): boolean {
    const done = this.settled.get(rule)?.get(slot);
    if (done) return done.length > 0;
    const candidates = this.candidates.get(rule)?.get(slot);
    if (!candidates) return false;
    for (const c of candidates) if (c.pending === 0) return true;
    for (const c of candidates) if (this.holds(c)) return true;
    return false;
  }

  /**
   * Whether the slot has a candidate hit, its word-boundary edges not yet checked: a check asks
   * this first, so that a turn where the rule cannot fire never makes the segmenter run.
   */
  mayHave(rule: number, slot: string): boolean {
    return this.candidates.get(rule)?.has(slot) === true;
  }

  private holds({ hit, pending }: Candidate): boolean {
    if (pending & PENDING_START && !this.isBoundary(hit.normStart)) return false;
    if (pending & PENDING_END && !this.isBoundary(hit.normEnd)) return false;
    return true;
  }

  /** The rules with a candidate hit (whose word-boundary edges may not hold). */
  rules(): IterableIterator<number> {
    return this.candidates.keys();
  }

  /** Puts every slot's candidates in text order (phrases and regexes are added one after another). */
  sort(): void {
    for (const slots of this.candidates.values())
      for (const list of slots.values()) list.sort((a, b) => a.hit.normStart - b.hit.normStart || a.hit.normEnd - b.hit.normEnd);
  }

  private isBoundary(at: number): boolean {
    const { norm } = this.normalized;
    if (this.segmenter.settledBoundary(norm, at)) return true;
    this.bounds ??= this.segmenter.boundaries(norm);
    return this.bounds.has(at);
  }
}

/** Characters that end a clause: a gap never spans one, and `unless` looks only inside the clause. */
const CLAUSE_END = /[。!?;,\n\r.]/;
const SPACE = /\s/;

interface Span {
  s: number;
  e: number;
  /** Word-boundary edges still to be settled (PENDING_START, PENDING_END). */
  p: number;
}

/** The text of norm between two offsets can be a gap of at most `gap` characters (spaces free). */
function gapFits(norm: string, from: number, to: number, gap: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = norm[i]!;
    if (CLAUSE_END.test(ch)) return false;
    if (!SPACE.test(ch) && ++n > gap) return false;
  }
  return true;
}

/** Occurrences of a gapped phrase: each piece in order, each gap short and inside the clause. */
function joinPieces(norm: string, pieces: Span[][], gap: number): Span[] {
  for (const list of pieces) list.sort((a, b) => a.s - b.s || a.e - b.e);
  // Only the first piece's start and the last piece's end can wait for a word-boundary check.
  const extend = (k: number, from: Span): Span | undefined => {
    if (k === pieces.length) return from;
    for (const next of pieces[k]!) {
      if (next.s < from.e) continue;
      if (!gapFits(norm, from.e, next.s, gap)) break;
      const last = extend(k + 1, next);
      if (last !== undefined) return last;
    }
    return undefined;
  };
  const found: Span[] = [];
  for (const first of pieces[0]!) {
    const last = extend(1, first);
    if (last !== undefined) found.push({ s: first.s, e: last.e, p: (first.p & PENDING_START) | (last.p & PENDING_END) });
  }
  return found;
}

export function referenceScan(unit: Utterance, patterns: CompiledPatterns, segmenter: Segmenter): ReferenceScan {
  const normalized = normalize(unit.text);
  const { norm, map } = normalized;
  const scan = new ReferenceScan(unit, normalized, segmenter);
  const latinEdge = (outside: number): boolean => outside < 0 || outside >= norm.length || !LATIN_CHAR.test(norm[outside]!);
  const hitAt = (normStart: number, normEnd: number, phrase: string): Hit => ({
    start: map[normStart]!,
    end: map[normEnd]!,
    normStart,
    normEnd,
    phrase,
  });

  // Pass 1: every piece of every phrase, in one pass of the matcher. Latin edges are checked
  // now; word-boundary edges are left pending for UnitScan.get().
  let regexesToRun: Set<number> | undefined;
  const pieceHits = new Map<number, Span[][]>();
  for (const m of patterns.matcher.scan(norm)) {
    const gated = patterns.gates[m.pattern]!;
    if (gated.length > 0) {
      regexesToRun ??= new Set();
      for (const k of gated) regexesToRun.add(k);
    }
    for (const owner of patterns.owners[m.pattern]!) {
      if (owner.startCheck === EDGE_LATIN && !latinEdge(m.start - 1)) continue;
      if (owner.endCheck === EDGE_LATIN && !latinEdge(m.end)) continue;
      const pending = (owner.startCheck === EDGE_WORD ? PENDING_START : 0) | (owner.endCheck === EDGE_WORD ? PENDING_END : 0);
      let lists = pieceHits.get(owner.phrase);
      // Matches come by end offset, so a later piece is of use only after a hit of the piece
      // before it: single-character pieces (还…没…发) otherwise made lists for dozens of phrases
      // per utterance (measured: scanUnit took 2.7× the CPU, the whole lint 1.6×).
      if (owner.piece > 0 && (!lists || lists[owner.piece - 1]!.length === 0)) continue;
      if (!lists) {
        // A loop, not Array.from({length}): that one line was a quarter of the whole scan.
        lists = [];
        for (let k = patterns.phrases[owner.phrase]!.pieces; k > 0; k--) lists.push([]);
        pieceHits.set(owner.phrase, lists);
      }
      lists[owner.piece]!.push({ s: m.start, e: m.end, p: pending });
    }
  }

  // Pass 2: phrases from their pieces, then the guards that drop some of them.
  const phraseSpans = new Map<number, Span[]>();
  const spansOf = (id: number): Span[] => {
    let spans = phraseSpans.get(id);
    if (spans) return spans;
    const lists = pieceHits.get(id);
    const phrase = patterns.phrases[id]!;
    spans = !lists || lists.some((l) => l.length === 0) ? [] : phrase.pieces === 1 ? lists[0]! : joinPieces(norm, lists, phrase.gap);
    phraseSpans.set(id, spans);
    return spans;
  };
  const guarded = (span: Span, guards: CompiledGuards | null): boolean => {
    if (!guards) return false;
    let before = span.s;
    while (before > 0 && SPACE.test(norm[before - 1]!)) before--;
    if (guards.notAfter.some((g) => spansOf(g).some((x) => x.e === before))) return true;
    let after = span.e;
    while (after < norm.length && SPACE.test(norm[after]!)) after++;
    if (guards.notBefore.some((g) => spansOf(g).some((x) => x.s === after))) return true;
    if (guards.unless.length === 0) return false;
    let clauseStart = span.s;
    while (clauseStart > 0 && !CLAUSE_END.test(norm[clauseStart - 1]!)) clauseStart--;
    let clauseEnd = span.e;
    while (clauseEnd < norm.length && !CLAUSE_END.test(norm[clauseEnd]!)) clauseEnd++;
    return guards.unless.some((g) => spansOf(g).some((x) => x.s >= clauseStart && x.e <= clauseEnd));
  };
  for (const id of pieceHits.keys()) {
    const phrase = patterns.phrases[id]!;
    if (phrase.owners.length === 0) continue;
    for (const span of spansOf(id)) {
      if (guarded(span, phrase.guards)) continue;
      for (const owner of phrase.owners) scan.add(owner.rule, owner.slot, hitAt(span.s, span.e, phrase.phrase), span.p);
    }
  }
  const runRegex = (k: number): void => {
    const { rule, slot, regex, guards } = patterns.regexes[k]!;
    regex.lastIndex = 0;
    for (const m of norm.matchAll(regex)) {
      if (m[0].length === 0) continue;
      const span = { s: m.index, e: m.index + m[0].length, p: 0 };
      if (!guarded(span, guards)) scan.add(rule, slot, hitAt(span.s, span.e, regex.source));
    }
  };
  for (const k of patterns.ungated) runRegex(k);
  if (regexesToRun) for (const k of regexesToRun) runRegex(k);
  scan.sort();
  return scan;
}
