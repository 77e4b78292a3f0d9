// Scans one utterance: every literal pattern in one pass of the matcher, then the regexes,
// keeping only the matches whose edges sit where their pattern asks.
import type { Utterance } from '../types.js';
import { normalize, type Normalized } from '../text/normalize.js';
import type { Segmenter } from '../text/segment.js';
import { EDGE_FREE, EDGE_LATIN, type CompiledGuards, type CompiledPatterns, type EdgeCheck } from './patterns.js';

/** A match, in offsets of the utterance's original text and of its normalized text. */
export interface Hit {
  start: number;
  end: number;
  normStart: number;
  normEnd: number;
  /** The phrase or regex source that matched. */
  phrase: string;
}

const LATIN_CHAR = /[a-z0-9]/;

export class UnitScan {
  private readonly hits = new Map<number, Map<string, Hit[]>>();

  constructor(
    readonly unit: Utterance,
    readonly normalized: Normalized,
  ) {}

  add(rule: number, slot: string, hit: Hit): void {
    let slots = this.hits.get(rule);
    if (!slots) this.hits.set(rule, (slots = new Map()));
    const list = slots.get(slot);
    if (list) list.push(hit);
    else slots.set(slot, [hit]);
  }

  /** The hits of one slot of one rule, in text order. */
  get(rule: number, slot: string): Hit[] {
    return this.hits.get(rule)?.get(slot) ?? [];
  }

  has(rule: number, slot: string): boolean {
    return this.get(rule, slot).length > 0;
  }

  rules(): IterableIterator<number> {
    return this.hits.keys();
  }

  /** Puts every slot's hits in text order (phrases and regexes are added one after another). */
  sort(): void {
    for (const slots of this.hits.values()) for (const list of slots.values()) list.sort((a, b) => a.normStart - b.normStart || a.normEnd - b.normEnd);
  }
}

/** Characters that end a clause: a gap never spans one, and `unless` looks only inside the clause. */
const CLAUSE_END = /[。!?;,\n\r.]/;
const SPACE = /\s/;

interface Span {
  s: number;
  e: number;
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
  const extend = (k: number, from: number): number | undefined => {
    if (k === pieces.length) return from;
    for (const next of pieces[k]!) {
      if (next.s < from) continue;
      if (!gapFits(norm, from, next.s, gap)) break;
      const end = extend(k + 1, next.e);
      if (end !== undefined) return end;
    }
    return undefined;
  };
  const found: Span[] = [];
  for (const first of pieces[0]!) {
    const end = extend(1, first.e);
    if (end !== undefined) found.push({ s: first.s, e: end });
  }
  return found;
}

export function scanUnit(unit: Utterance, patterns: CompiledPatterns, segmenter: Segmenter): UnitScan {
  const normalized = normalize(unit.text);
  const { norm, map } = normalized;
  const scan = new UnitScan(unit, normalized);
  let bounds: Set<number> | undefined;
  const edgeOk = (check: EdgeCheck, at: number, outside: number): boolean => {
    if (check === EDGE_FREE) return true;
    if (check === EDGE_LATIN) return outside < 0 || outside >= norm.length || !LATIN_CHAR.test(norm[outside]!);
    bounds ??= segmenter.boundaries(norm);
    return bounds.has(at);
  };
  const hitAt = (normStart: number, normEnd: number, phrase: string): Hit => ({
    start: map[normStart]!,
    end: map[normEnd]!,
    normStart,
    normEnd,
    phrase,
  });

  // Pass 1: every piece of every phrase, in one pass of the matcher.
  const regexesToRun = new Set(patterns.ungated);
  const pieceHits = new Map<number, Span[][]>();
  for (const m of patterns.matcher.scan(norm)) {
    for (const k of patterns.gates[m.pattern]!) regexesToRun.add(k);
    for (const owner of patterns.owners[m.pattern]!) {
      if (!edgeOk(owner.startCheck, m.start, m.start - 1) || !edgeOk(owner.endCheck, m.end, m.end)) continue;
      let lists = pieceHits.get(owner.phrase);
      if (!lists) pieceHits.set(owner.phrase, (lists = Array.from({ length: patterns.phrases[owner.phrase]!.pieces }, () => [])));
      lists[owner.piece]!.push({ s: m.start, e: m.end });
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
      for (const owner of phrase.owners) scan.add(owner.rule, owner.slot, hitAt(span.s, span.e, phrase.phrase));
    }
  }
  for (const k of regexesToRun) {
    const { rule, slot, regex, guards } = patterns.regexes[k]!;
    regex.lastIndex = 0;
    for (const m of norm.matchAll(regex)) {
      if (m[0].length === 0) continue;
      const span = { s: m.index, e: m.index + m[0].length };
      if (!guarded(span, guards)) scan.add(rule, slot, hitAt(span.s, span.e, regex.source));
    }
  }
  scan.sort();
  return scan;
}
