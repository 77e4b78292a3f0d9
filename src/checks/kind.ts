// What every check kind provides. A kind is one module: its schema (what a rule of this kind
// may say in a rule pack), its docs and its check. Rule packs are data made of these kinds.
import type { Conversation, RuleScore, Severity } from '../types.js';
import type { ExampleOrigins, Term, Origin } from '../glossary/model.js';
import type { PatternSet } from '../engine/patterns.js';
import { normalizeRegexSource } from '../text/normalize.js';
import type { UnitScan, Hit } from '../engine/scan.js';

/** A JSON Schema object, as ajv and editors read it. */
export type JsonSchema = { [key: string]: unknown };

/** One turn of an example conversation: `{customer: 快递太慢了}`. */
export type ExampleTurn = Partial<Record<'agent' | 'customer' | 'system', string>>;
/** A lone agent utterance, or a conversation. */
export type Example = string | { turns: ExampleTurn[] };

export interface RuleSpec {
  id: string;
  kind: string;
  severity: Severity;
  message?: string;
  description?: string;
  score?: RuleScore;
  examples?: { good?: Example[]; bad?: Example[] };
  /** The glossary term behind a `term` or `register` rule. */
  term?: Term;
  [key: string]: unknown;
}

export interface CompiledRule<D = unknown> {
  index: number;
  /** `<pack>/<rule>`, or `term/<term-id>` and `register/<term-id>` for glossary rules. */
  id: string;
  kind: CheckKind<D>;
  severity: Severity;
  message: string;
  spec: RuleSpec;
  origin: Origin;
  exampleOrigins?: ExampleOrigins;
  data: D;
}

export interface ScannedConversation {
  conversation: Conversation;
  units: UnitScan[];
}

/** What a check reports; the engine turns it into a positioned Finding. */
export interface Report {
  /** Index of the utterance in the conversation. */
  unit: number;
  /** Offsets in the utterance's original text. */
  start: number;
  end: number;
  /** Replaces the rule's message template. */
  message?: string;
  /** Values for `{name}` placeholders in the message, besides `{text}` (the span). */
  vars?: Record<string, string>;
  suggestions?: string[];
  /** The single suggestion replaces the span safely. */
  fixable?: boolean;
}

export interface CheckKind<D = unknown> {
  name: string;
  /** One paragraph for the docs. */
  summary: string;
  /** The JSON Schema properties of this kind in a rule pack; null for kinds made from the glossary. */
  properties: Record<string, JsonSchema> | null;
  required: readonly string[];
  defaultMessage: string;
  /** Registers the rule's phrases and regexes under `index`; returns what check() needs. */
  compile(spec: RuleSpec, index: number, patterns: PatternSet): D;
  /** Only conversations in which the rule has a hit are checked, unless this is true. */
  runsWithoutHits?: boolean;
  check(rule: CompiledRule<D>, scanned: ScannedConversation): Report[];
}

/** Hits that no `except` hit overlaps, in text order, without overlaps among themselves (longest first). */
export function effectiveHits(hits: readonly Hit[], excepts: readonly Hit[] = []): Hit[] {
  const kept = excepts.length === 0 ? [...hits] : hits.filter(notOverlapping(excepts));
  kept.sort((a, b) => a.normStart - b.normStart || b.normEnd - a.normEnd);
  const result: Hit[] = [];
  for (const h of kept) {
    const last = result[result.length - 1];
    if (last && h.normStart < last.normEnd) continue;
    result.push(h);
  }
  return result;
}

/**
 * A test for "overlaps none of `spans`" in O(log n) a hit: spans sorted by start with the running
 * furthest end; a hit overlaps one iff the furthest end of the spans starting before its end
 * lies past its start. (Testing every hit against every span was quadratic.)
 */
function notOverlapping(spans: readonly Hit[]): (h: Hit) => boolean {
  const sorted = [...spans].sort((a, b) => a.normStart - b.normStart);
  const starts = sorted.map((s) => s.normStart);
  const furthest: number[] = [];
  sorted.forEach((s, i) => furthest.push(Math.max(s.normEnd, i > 0 ? furthest[i - 1]! : -Infinity)));
  return (h) => {
    let lo = 0;
    let hi = starts.length; // spans [0, lo) start before h.normEnd
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < h.normEnd) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || furthest[lo - 1]! <= h.normStart;
  };
}

export const phraseList: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 } };
export const regexList: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1, format: 'regex' } };
export const roleFilter: JsonSchema = { enum: ['agent', 'customer', 'any'] };

export function roleMatches(filter: unknown, role: string): boolean {
  return filter === 'any' || role === (filter ?? 'agent');
}

/** Registers `phrases` and `regex` lists of a matcher object under one slot. */
export function addMatchers(
  patterns: PatternSet,
  index: number,
  slot: string,
  spec: Record<string, unknown>,
): void {
  const boundary = (spec.boundary as 'auto' | 'word' | 'none' | undefined) ?? 'auto';
  for (const p of ((spec.any ?? spec.phrases) as string[] | undefined) ?? []) patterns.addPhrase(index, slot, p, boundary);
  for (const r of (spec.regex as string[] | undefined) ?? []) patterns.addRegex(index, slot, new RegExp(normalizeRegexSource(r), 'gu'));
}
