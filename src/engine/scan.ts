// Scans one utterance: every literal pattern in one pass of the matcher, then the regexes,
// keeping only the matches whose edges sit where their pattern asks.
import type { Utterance } from '../types.js';
import { normalize, type Normalized } from '../text/normalize.js';
import type { Segmenter } from '../text/segment.js';
import { EDGE_FREE, EDGE_LATIN, type CompiledPatterns, type EdgeCheck } from './patterns.js';

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

  const regexesToRun = new Set(patterns.ungated);
  for (const m of patterns.matcher.scan(norm)) {
    for (const k of patterns.gates[m.pattern]!) regexesToRun.add(k);
    for (const owner of patterns.owners[m.pattern]!) {
      if (!edgeOk(owner.startCheck, m.start, m.start - 1) || !edgeOk(owner.endCheck, m.end, m.end)) continue;
      scan.add(owner.rule, owner.slot, hitAt(m.start, m.end, owner.phrase));
    }
  }
  for (const k of regexesToRun) {
    const { rule, slot, regex } = patterns.regexes[k]!;
    regex.lastIndex = 0;
    for (const m of norm.matchAll(regex)) {
      if (m[0].length === 0) continue;
      scan.add(rule, slot, hitAt(m.index, m.index + m[0].length, regex.source));
    }
  }
  return scan;
}
