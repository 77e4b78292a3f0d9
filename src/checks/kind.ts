// What every check kind provides. A kind is one module: its schema (what a rule of this kind
// may say in a rule pack), its docs and its check. Rule packs are data made of these kinds.
import type { Conversation, JsonSchema, RuleScore, Severity } from '../core/types.js';
import type { ExampleOrigins, Lang, PinnedExample, Term, Origin } from '../glossary/model.js';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { PatternSet, PhraseDefaults, PhraseEntry } from '../match/patterns.js';
import { GUARD_NAMES } from '../match/guards.js';
import { normalizeRegexSource } from '../text/normalize.js';
import type { UnitScan, Hit } from '../match/scan.js';

/** One turn of an example conversation: `{customer: 快递太慢了}`. */
export type ExampleTurn = Partial<Record<'agent' | 'customer' | 'system' | 'time', string>>;

/** The role and text of an example turn (its one key besides `time`). */
export function exampleTurnRole(turn: ExampleTurn): ['agent' | 'customer' | 'system', string] {
  const role = turn.agent !== undefined ? 'agent' : turn.customer !== undefined ? 'customer' : 'system';
  return [role, turn[role] ?? ''];
}
/** A lone agent utterance, a conversation, or an utterance with what it flags and its fix. */
export type Example = string | { turns: ExampleTurn[] } | PinnedExample;

/** A message: one string, or one per language of the text (`{zh-Hans, zh-Hant, en}`). */
export type Message = string | Partial<Record<Lang, string>>;

/**
 * The message for text in a language: that language's, else zh-Hans (Traditional text reads
 * Simplified), else whichever the rule gives.
 */
export function messageIn(message: Message, lang: Lang): string {
  if (typeof message === 'string') return message;
  return message[lang] ?? message['zh-Hans'] ?? message.en ?? message['zh-Hant'] ?? '';
}

/** The message as docs and rule lists show it (zh-Hans, or the string). */
export function primaryMessage(message: Message): string {
  return messageIn(message, 'zh-Hans');
}

export interface RuleSpec {
  id: string;
  kind: string;
  severity: Severity;
  message?: Message;
  description?: string;
  score?: RuleScore;
  examples?: { good?: Example[]; bad?: Example[] };
  /** The languages the rule applies to: zh (zh-Hans and zh-Hant), zh-Hans, zh-Hant, en. */
  lang?: string[];
  /** The channels it applies to (chat, email, social, …). */
  channel?: string[];
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
  /** The message as docs show it (zh-Hans, or the string). */
  message: string;
  /** The message per language, or one string. */
  messages: Message;
  spec: RuleSpec;
  origin: Origin;
  exampleOrigins?: ExampleOrigins;
  data: D;
}

export interface ScannedConversation {
  conversation: Conversation;
  units: UnitScan[];
  /**
   * For each rule (by index), the utterances in which it has a candidate hit, in order: a check
   * that judges hits looks only there, not at every turn of the conversation.
   */
  hitUnits: readonly (readonly number[])[];
  /** A part of a dialogue (from the input or the config): position rules do not judge it. */
  excerpt: boolean;
}

/**
 * What a check reports; the engine turns it into a positioned Finding. Made by report(), in one
 * shape: every field set, in one order. The engine reads each field of every report, and reports
 * of six shapes (a field added by one check, left out by another) made those reads polymorphic.
 */
export interface Report {
  /** Index of the utterance in the conversation. */
  unit: number;
  /** Offsets in the utterance's original text. */
  start: number;
  end: number;
  /** Replaces the rule's message template. */
  message: string | undefined;
  /** Values for `{name}` placeholders in the message, besides `{text}` (the span). */
  vars: Record<string, string> | undefined;
  suggestions: string[] | undefined;
  /** The single suggestion replaces the span safely. */
  fixable: boolean;
  /** Other places that explain the finding (the customer's words that demanded an apology). */
  related: RelatedSpan[] | undefined;
}

/** A related place of a report, in the conversation's utterance `unit`. */
export interface RelatedSpan {
  unit: number;
  start: number;
  end: number;
  message: string;
}

/** What a report may say besides where it is. */
export interface ReportDetails {
  message?: string;
  vars?: Record<string, string>;
  suggestions?: string[];
  fixable?: boolean;
  related?: RelatedSpan[];
}

const NO_DETAILS: ReportDetails = {};

/** A report on offsets start..end of utterance `unit`. */
export function report(unit: number, start: number, end: number, details: ReportDetails = NO_DETAILS): Report {
  return {
    unit,
    start,
    end,
    message: details.message,
    vars: details.vars,
    suggestions: details.suggestions,
    fixable: details.fixable === true,
    related: details.related,
  };
}

/** `S`: the fields of a rule of this kind, as its schema (`properties`) lets a pack write them. */
export interface CheckKind<D = unknown, S = unknown> {
  name: string;
  /** One paragraph for the docs. */
  summary: string;
  /** The JSON Schema properties of this kind in a rule pack; null for kinds made from the glossary. */
  properties: Record<string, JsonSchema> | null;
  required: readonly string[];
  defaultMessage: Message;
  /** Registers the rule's phrases and regexes under `index`; returns what check() needs. */
  compile(spec: RuleSpec & S, index: number, patterns: PatternSet): D;
  /** Only conversations in which the rule has a hit are checked, unless this is true. */
  runsWithoutHits?: boolean;
  check(rule: CompiledRule<D>, scanned: ScannedConversation): Report[];
}

/** A kind whatever its data and spec types, as the registry holds them (each kind's own types differ). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of kinds of different types; each kind is typed where it is written.
export type AnyCheckKind = CheckKind<any, any>;

/**
 * Hits that no `except` hit overlaps, in text order, without overlaps among themselves (longest
 * first). A slot's hits come in text order already (UnitScan sorts them), so one or none, with
 * no excepts, is returned as it is (most slots of a turn hold one hit): don't change the result.
 */
export function effectiveHits(hits: readonly Hit[], excepts: readonly Hit[] = NO_HITS): readonly Hit[] {
  // Hits in text order that do not overlap (nearly every slot's) are the result as they are: no
  // copy, no sort (measured: those were ~5 % of the bytes the linter allocated on a 4 MiB export).
  if (excepts.length === 0 && disjointInOrder(hits)) return hits;
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

const NO_HITS: readonly Hit[] = Object.freeze([]);

/** Whether each hit starts at or after the end of the one before (then no two overlap, and they are in text order). */
function disjointInOrder(hits: readonly Hit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (hits[i]!.normStart < hits[i - 1]!.normEnd) return false;
  return true;
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

// The schemas below are `as const`: each kind's field types are derived from them (FieldsOf), so
// what the loader validates and what a check reads cannot drift apart.
const text = { type: 'string', minLength: 1 } as const;

/** A guard list: phrases, or the name of a standard list (`$negation`, `$hypothetical`). */
export const guardList = {
  type: 'array',
  // The list names first: ajv reports the first branch's error, and `$nope` then reads "must be one of: $negation, …".
  items: { anyOf: [{ enum: GUARD_NAMES }, { type: 'string', minLength: 1, pattern: '^[^$]' }] },
} as const;

/** The guards and the gap, on a phrase entry or on a whole matcher (they then apply to all its phrases). */
export const guardFields = {
  gap: { type: 'integer', minimum: 0, maximum: 50 },
  'not-after': guardList,
  'not-before': guardList,
  unless: guardList,
} as const;

/** A phrase: a string (`…` marks a gap) or `{phrase, not-after, not-before, unless, gap}`. */
const phraseEntry = {
  // The object first, so that an unknown key in it is the error reported.
  anyOf: [{ type: 'object', additionalProperties: false, required: ['phrase'], properties: { phrase: text, ...guardFields } }, text],
} as const;
export const phraseList = { type: 'array', items: phraseEntry } as const;
export const regexList = { type: 'array', items: { type: 'string', minLength: 1, format: 'regex' } } as const;
export const roleFilter = { enum: ['agent', 'customer', 'any'] } as const;
export const boundarySchema = { enum: ['auto', 'word', 'none'] } as const;

export function roleMatches(filter: unknown, role: string): boolean {
  return filter === 'any' || role === (filter ?? 'agent');
}

/** The fields of an object schema with these properties (and these required), as TypeScript types. */
export type FieldsOf<P extends Record<string, JSONSchema>, R extends string = never> = FromSchema<{
  type: 'object';
  additionalProperties: false;
  properties: P;
  required: R[];
}>;

/** The fields of a matcher object (a rule, or its `when` / `expect` / `if`): its phrases, regexes and guards. */
export const matcherProperties = { any: phraseList, regex: regexList, boundary: boundarySchema, ...guardFields } as const;

/** What a matcher may say about its phrases (`phrases` is forbidden's name for `any`). */
export type MatcherSpec = FieldsOf<typeof matcherProperties> & { phrases?: PhraseEntry[] };

/** The guards and gap of a matcher, which apply to each of its phrases and regexes. */
function matcherDefaults(spec: MatcherSpec): PhraseDefaults {
  return { boundary: spec.boundary, gap: spec.gap, 'not-after': spec['not-after'], 'not-before': spec['not-before'], unless: spec.unless };
}

/** Registers the `any` / `phrases` and `regex` lists of a matcher object under one slot, with its guards. */
export function addMatchers(patterns: PatternSet, index: number, slot: string, spec: MatcherSpec): void {
  const defaults = matcherDefaults(spec);
  for (const p of spec.any ?? spec.phrases ?? []) patterns.addPhrase(index, slot, p, defaults);
  for (const r of spec.regex ?? []) patterns.addRegex(index, slot, new RegExp(normalizeRegexSource(r), 'gu'), defaults);
}

/** Registers `except` phrases: they match anywhere, with no word-boundary check. */
export function addExcepts(patterns: PatternSet, index: number, slot: string, excepts: readonly PhraseEntry[] | undefined): void {
  for (const p of excepts ?? []) patterns.addPhrase(index, slot, p, { boundary: 'none' });
}
