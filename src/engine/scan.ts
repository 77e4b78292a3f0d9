// Scans one utterance: every literal pattern in one pass of the matcher, then the regexes,
// keeping only the matches whose edges sit where their pattern asks. A word-boundary edge is
// checked only when a check asks for the hits of that rule in that utterance: a hit that no rule
// can use there (wrong role, outside a position window, a conversation rule on a reply) never
// makes the segmenter load or run.
import type { Utterance } from '../types.js';
import { normalize, type Normalized } from '../text/normalize.js';
import type { Segmenter } from '../text/segment.js';
import { EDGE_LATIN, EDGE_WORD, type CompiledPatterns } from './patterns.js';

/** A match, in offsets of the utterance's original text and of its normalized text. */
export interface Hit {
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

export class UnitScan {
  private readonly candidates = new Map<number, Map<string, Candidate[]>>();
  private readonly settled = new Map<number, Map<string, Hit[]>>();
  private bounds: Set<number> | undefined;

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

  /** The hits of one slot of one rule, in text order; word-boundary edges are settled here. */
  get(rule: number, slot: string): Hit[] {
    const done = this.settled.get(rule)?.get(slot);
    if (done) return done;
    const candidates = this.candidates.get(rule)?.get(slot);
    if (!candidates) return [];
    const hits: Hit[] = [];
    for (const { hit, pending } of candidates) {
      if (pending & PENDING_START && !this.isBoundary(hit.normStart)) continue;
      if (pending & PENDING_END && !this.isBoundary(hit.normEnd)) continue;
      hits.push(hit);
    }
    let slots = this.settled.get(rule);
    if (!slots) this.settled.set(rule, (slots = new Map()));
    slots.set(slot, hits);
    return hits;
  }

  has(rule: number, slot: string): boolean {
    return this.get(rule, slot).length > 0;
  }

  /** The rules with a candidate hit (whose word-boundary edges may not hold). */
  rules(): IterableIterator<number> {
    return this.candidates.keys();
  }

  private isBoundary(at: number): boolean {
    const { norm } = this.normalized;
    if (this.segmenter.settledBoundary(norm, at)) return true;
    this.bounds ??= this.segmenter.boundaries(norm);
    return this.bounds.has(at);
  }
}

export function scanUnit(unit: Utterance, patterns: CompiledPatterns, segmenter: Segmenter): UnitScan {
  const normalized = normalize(unit.text);
  const { norm, map } = normalized;
  const scan = new UnitScan(unit, normalized, segmenter);
  const latinEdge = (outside: number): boolean => outside < 0 || outside >= norm.length || !LATIN_CHAR.test(norm[outside]!);
  const hitAt = (normStart: number, normEnd: number, phrase: string): Hit => ({
    start: map[normStart]!,
    end: map[normEnd]!,
    normStart,
    normEnd,
    phrase,
  });

  let regexesToRun: Set<number> | undefined;
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
      scan.add(owner.rule, owner.slot, hitAt(m.start, m.end, owner.phrase), pending);
    }
  }
  const runRegex = (k: number): void => {
    const { rule, slot, regex } = patterns.regexes[k]!;
    regex.lastIndex = 0;
    for (const m of norm.matchAll(regex)) {
      if (m[0].length === 0) continue;
      scan.add(rule, slot, hitAt(m.index, m.index + m[0].length, regex.source));
    }
  };
  for (const k of patterns.ungated) runRegex(k);
  if (regexesToRun) for (const k of regexesToRun) runRegex(k);
  return scan;
}
