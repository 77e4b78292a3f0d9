import { type CompiledRule, type RelatedSpan, type Report, type ScannedConversation } from '../checks/kind.js';
import type { Conversation, ConversationInfo, Finding, LintOptions, ReadProblem, RelatedLocation, SkippedCounts } from '../core/types.js';
import type { SourceDocument } from '../sources/index.js';
import { channelInScope, conversationChannel, conversationLang, langInScope, messageLang, type TextLang } from '../match/scope.js';
import type { RuleSet } from './ruleset.js';
import { scanUnit, type UnitScan } from '../match/scan.js';
import { compileMessage, fillMessage, type MessageTemplate } from './message.js';
import { compareFindings } from './order.js';

export interface ConversationResult {
  conversation: Conversation;
  findings: Finding[];
}

/** A related place of a report, located in the source file. */
function toRelated(related: RelatedSpan, conversation: Conversation): RelatedLocation {
  const unit = conversation.units[related.unit]!;
  const from = unit.locate(related.start);
  const to = unit.locate(related.end);
  return {
    unit: unit.id,
    turn: unit.index,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    start: related.start,
    end: related.end,
    text: unit.text.slice(related.start, related.end),
    message: related.message,
  };
}

const NO_SUGGESTIONS: string[] = [];

/**
 * A finding in one shape: every property, the optional ones last and undefined when absent (as
 * JSON and the reporters read them, the same as absent). Adding them afterwards one by one made
 * a handful of object shapes that every reporter then reads.
 */
function toFinding(rule: CompiledRule, report: Report, conversation: Conversation, template: MessageTemplate): Finding {
  const unit = conversation.units[report.unit]!;
  const from = unit.locate(report.start);
  const to = unit.locate(report.end);
  const text = unit.text.slice(report.start, report.end);
  const suggestions = report.suggestions ?? NO_SUGGESTIONS;
  return {
    ruleId: rule.id,
    kind: rule.kind.name,
    severity: rule.severity,
    message: fillMessage(report.message === undefined ? template : compileMessage(report.message), text, report.vars),
    unit: unit.id,
    conversation: conversation.id,
    turn: unit.index,
    role: unit.role,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    text,
    suggestions,
    start: report.start,
    end: report.end,
    offset: from.offset,
    endOffset: to.offset,
    utterance: unit.text,
    speaker: unit.speaker || undefined,
    time: unit.time || undefined,
    fix: report.fixable && suggestions.length === 1 ? { start: report.start, end: report.end, replacement: suggestions[0]! } : undefined,
    score: rule.spec.score || undefined,
    related: report.related?.map((r) => toRelated(r, conversation)),
  };
}

export const UNREADABLE_RECORD = 'aslint/unreadable-record';

/** A record the reader could not read, as an error finding where it is. */
function unreadableFinding(p: ReadProblem): Finding {
  return {
    ruleId: UNREADABLE_RECORD,
    kind: 'input',
    severity: 'error',
    message: `${p.message}: the record was not linted; ${p.hint}`,
    unit: `L${p.line}`,
    conversation: null,
    turn: null,
    role: 'system',
    line: p.line,
    column: p.column,
    endLine: p.line,
    endColumn: p.column,
    text: '',
    suggestions: [],
    start: 0,
    end: 0,
    offset: p.offset,
    endOffset: p.offset,
    utterance: '',
    speaker: undefined,
    time: undefined,
    fix: undefined,
    score: undefined,
    related: undefined,
  };
}

/** Whether a rule applies to a conversation of this language and channel (its `lang`, `channel`). */
function inScope(rule: CompiledRule, lang: () => string, channel: string): boolean {
  return channelInScope(rule.spec.channel, channel) && langInScope(rule.spec.lang, rule.spec.lang ? lang() : '');
}

const NO_UNITS: readonly number[] = [];

/**
 * The working lists of lintConversation, kept from one conversation to the next (a lint is
 * synchronous and never re-entered): which utterances each rule has a candidate hit in, and the
 * rules of one utterance. Making them per conversation and per utterance was ~3 % of the bytes a
 * 4 MiB export allocated in the linter (bench/lint-only.js).
 */
interface LintLists {
  /** Per rule: NO_UNITS, or the utterances of the current conversation with a candidate hit. */
  hitUnits: (readonly number[])[];
  /** The rules whose hitUnits entry the current conversation set: reset to NO_UNITS at its end. */
  hitRules: number[];
  unitRules: number[];
  /**
   * Per rule: 1 when its kind runs without hits. Read here rather than rule.kind.runsWithoutHits,
   * a property of seven differently shaped kind objects: a megamorphic load per rule and
   * conversation, ~2 ms per 5,000 conversations of 60 rules (measured apart, least of 20).
   */
  runsWithoutHits: Uint8Array;
}

const listsOf = new WeakMap<RuleSet, LintLists>();

function lintLists(ruleSet: RuleSet): LintLists {
  let lists = listsOf.get(ruleSet);
  if (!lists) {
    lists = {
      hitUnits: new Array<readonly number[]>(ruleSet.rules.length).fill(NO_UNITS),
      hitRules: [],
      unitRules: [],
      runsWithoutHits: Uint8Array.from(ruleSet.rules, (rule) => (rule.kind.runsWithoutHits ? 1 : 0)),
    };
    listsOf.set(ruleSet, lists);
  }
  return lists;
}

/**
 * Findings sorted in place by compareFindings, stably. A conversation has a few: an insertion
 * sort allocates nothing, where Array.prototype.sort copies the array on every call (measured:
 * "sort" was 11 % of the bytes the linter allocated on a 4 MiB export, most of it this one).
 */
function sortFindings(findings: Finding[]): Finding[] {
  if (findings.length > 64) return findings.sort(compareFindings);
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i]!;
    let j = i - 1;
    if (compareFindings(findings[j]!, f) <= 0) continue;
    do findings[j + 1] = findings[j]!;
    while (--j >= 0 && compareFindings(findings[j]!, f) > 0);
    findings[j + 1] = f;
  }
  return findings;
}

/** Lints one conversation (or one canned reply): every utterance scanned once, then the rules that were hit. */
export function lintConversation(conversation: Conversation, ruleSet: RuleSet, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = conversation.problems ? conversation.problems.map(unreadableFinding) : [];
  const n = conversation.units.length;
  if (n === 0) return findings;
  const { rules, patterns, segmenter, messages } = ruleSet;
  // Where each rule has a candidate hit: a rule is checked only in a conversation where it has
  // one (or always, for the kinds that run without hits), and its check looks only there.
  const { hitUnits, hitRules, unitRules, runsWithoutHits } = lintLists(ruleSet);
  const units: UnitScan[] = new Array<UnitScan>(n);
  for (let k = 0; k < n; k++) {
    const scan = scanUnit(conversation.units[k]!, patterns, segmenter);
    units[k] = scan;
    for (let r = 0, m = scan.rulesInto(unitRules); r < m; r++) {
      const rule = unitRules[r]!;
      const list = hitUnits[rule]!;
      if (list === NO_UNITS) {
        hitUnits[rule] = [k];
        hitRules.push(rule);
      } else if (list[list.length - 1] !== k) (list as number[]).push(k);
    }
  }
  const scanned: ScannedConversation = {
    conversation,
    units,
    hitUnits,
    excerpt: conversation.dialogue && (conversation.excerpt === true || options.excerpts === true),
  };
  try {
    let known: string | undefined;
    const lang = () => (known ??= conversationLang(conversation));
    // Once per utterance, not per finding: a long turn with many findings stays linear.
    const unitLangs: TextLang[] = [];
    const channel = conversationChannel(conversation, options);
    for (let index = 0; index < rules.length; index++) {
      if (hitUnits[index] === NO_UNITS && runsWithoutHits[index] === 0) continue;
      const rule = rules[index]!;
      if (!inScope(rule, lang, channel)) continue;
      const templates = messages[index]!;
      for (const report of rule.kind.check(rule, scanned)) {
        // The message in the language of the utterance the finding is on (an English reply, an English message).
        const template = templates.any ?? templates.byLang[(unitLangs[report.unit] ??= messageLang(units[report.unit]!.script, lang))];
        findings.push(toFinding(rule, report, conversation, template));
      }
    }
  } finally {
    for (let r = 0; r < hitRules.length; r++) hitUnits[hitRules[r]!] = NO_UNITS;
    hitRules.length = 0;
  }
  return sortFindings(findings);
}

/** Lints a document conversation by conversation, so a large export streams in flat memory. */
export async function* lintDocument(doc: SourceDocument, ruleSet: RuleSet, options: LintOptions = {}): AsyncGenerator<ConversationResult> {
  for await (const conversation of doc.conversations) {
    yield { conversation, findings: lintConversation(conversation, ruleSet, options) };
  }
}

/**
 * All findings of a document, how many utterances it had, and its dialogues (for scores), with
 * their turns when `transcripts` is set (the HTML report shows each conversation whole).
 */
export async function lintWholeDocument(
  doc: SourceDocument,
  ruleSet: RuleSet,
  options: LintOptions & { transcripts?: boolean } = {},
): Promise<{ findings: Finding[]; units: number; conversations: ConversationInfo[]; skipped: SkippedCounts }> {
  const findings: Finding[] = [];
  const conversations: ConversationInfo[] = [];
  const skipped: SkippedCounts = { media: 0, empty: 0 };
  let units = 0;
  // The source's conversations directly, not through lintDocument: a second async generator cost
  // a promise and a microtask per conversation (measured: its own frame alone was 1.3 % of the
  // sampled time of a 4 MiB export, besides the garbage of its promises).
  for await (const conversation of doc.conversations) {
    for (const f of lintConversation(conversation, ruleSet, options)) findings.push(f);
    units += conversation.units.length;
    if (conversation.skipped) {
      skipped.media += conversation.skipped.media;
      skipped.empty += conversation.skipped.empty;
    }
    if (conversation.dialogue) conversations.push(conversationInfo(conversation, options.transcripts === true));
  }
  return { findings, units, conversations, skipped };
}

function conversationInfo(conversation: Conversation, transcript: boolean): ConversationInfo {
  // A conversation has one or two agents: a list, not a Set and its copy per conversation.
  const agents: string[] = [];
  for (const u of conversation.units) if (u.role === 'agent' && !agents.includes(u.speaker ?? '')) agents.push(u.speaker ?? '');
  const info: ConversationInfo = { id: conversation.id ?? '', agents, turns: conversation.units.length };
  if (transcript)
    info.transcript = conversation.units.map(({ id, role, speaker, time, text }) => ({
      unit: id,
      role,
      text,
      ...(speaker ? { speaker } : {}),
      ...(time ? { time } : {}),
    }));
  return info;
}
