import type { CompiledRule, Report, ScannedConversation } from '../checks/kind.js';
import type { Conversation, ConversationInfo, Finding, SourceDocument } from '../types.js';
import type { RuleSet } from './ruleset.js';
import { scanUnit } from './scan.js';

export interface ConversationResult {
  conversation: Conversation;
  findings: Finding[];
}

function fillMessage(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

function toFinding(rule: CompiledRule, report: Report, conversation: Conversation): Finding {
  const unit = conversation.units[report.unit]!;
  const from = unit.locate(report.start);
  const to = unit.locate(report.end);
  const text = unit.text.slice(report.start, report.end);
  const suggestions = report.suggestions ?? [];
  const finding: Finding = {
    ruleId: rule.id,
    kind: rule.kind.name,
    severity: rule.severity,
    message: fillMessage(report.message ?? rule.message, { text, ...report.vars }),
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
  };
  if (unit.speaker) finding.speaker = unit.speaker;
  if (unit.time) finding.time = unit.time;
  if (report.fixable && suggestions.length === 1) finding.fix = { start: report.start, end: report.end, replacement: suggestions[0]! };
  if (rule.spec.score) finding.score = rule.spec.score;
  return finding;
}

/** Lints one conversation (or one canned reply): every utterance scanned once, then the rules that were hit. */
export function lintConversation(conversation: Conversation, ruleSet: RuleSet): Finding[] {
  const units = conversation.units.map((u) => scanUnit(u, ruleSet.patterns, ruleSet.segmenter));
  const scanned: ScannedConversation = { conversation, units };
  const hit = new Set<number>();
  for (const scan of units) for (const rule of scan.rules()) hit.add(rule);
  for (const rule of ruleSet.alwaysRun) hit.add(rule.index);
  const findings: Finding[] = [];
  for (const index of [...hit].sort((a, b) => a - b)) {
    const rule = ruleSet.rules[index]!;
    for (const report of rule.kind.check(rule, scanned)) findings.push(toFinding(rule, report, conversation));
  }
  return findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
}

/** Lints a document conversation by conversation, so a large export streams in flat memory. */
export async function* lintDocument(doc: SourceDocument, ruleSet: RuleSet): AsyncGenerator<ConversationResult> {
  for await (const conversation of doc.conversations) {
    yield { conversation, findings: lintConversation(conversation, ruleSet) };
  }
}

/**
 * All findings of a document, how many utterances it had, and its dialogues (for scores), with
 * their turns when `transcripts` is set (the HTML report shows each conversation whole).
 */
export async function lintWholeDocument(doc: SourceDocument, ruleSet: RuleSet, options: { transcripts?: boolean } = {}): Promise<{ findings: Finding[]; units: number; conversations: ConversationInfo[] }> {
  const findings: Finding[] = [];
  const conversations: ConversationInfo[] = [];
  let units = 0;
  for await (const c of lintDocument(doc, ruleSet)) {
    units += c.conversation.units.length;
    findings.push(...c.findings);
    if (c.conversation.dialogue) conversations.push(conversationInfo(c.conversation, options.transcripts === true));
  }
  return { findings, units, conversations };
}

function conversationInfo(conversation: Conversation, transcript: boolean): ConversationInfo {
  const agents = new Set<string>();
  for (const u of conversation.units) if (u.role === 'agent') agents.add(u.speaker ?? '');
  const info: ConversationInfo = { id: conversation.id ?? '', agents: [...agents], turns: conversation.units.length };
  if (transcript) info.transcript = conversation.units.map(({ id, role, speaker, time, text }) => ({ unit: id, role, text, ...(speaker ? { speaker } : {}), ...(time ? { time } : {}) }));
  return info;
}
