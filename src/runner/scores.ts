// Quality-inspection scores, as commercial 质检 systems keep them: a conversation starts at 100,
// each rule it breaks deducts that rule's `score.deduct` once, and a rule marked `fatal` fails
// the whole conversation (score 0). Agents are summarized over the conversations they served.
// Computed once by the runner on the result (before any display filter such as --quiet), never
// by a reporter.
import type { CompiledRule } from '../checks/kind.js';
import { FULL_SCORE, summarize, type AgentSummary, type ConversationScore, type FileResult, type LintResult, type Scores } from './result.js';
import { SEVERITY_PLURALS, type Finding } from '../core/types.js';

export function scoreConversation(path: string, fileIndex: number, id: string, agents: string[], findings: readonly Finding[]): ConversationScore {
  const points = new Map<string, number>();
  const fatal = new Set<string>();
  for (const f of findings) {
    if (f.score?.fatal) fatal.add(f.ruleId);
    points.set(f.ruleId, Math.max(points.get(f.ruleId) ?? 0, f.score?.deduct ?? 0));
  }
  const deductions = [...points].filter(([, p]) => p > 0).map(([ruleId, p]) => ({ ruleId, points: p }));
  const deducted = deductions.reduce((sum, d) => sum + d.points, 0);
  return {
    path,
    fileIndex,
    conversation: id,
    agents,
    score: fatal.size > 0 ? 0 : Math.max(0, FULL_SCORE - deducted),
    fatal: [...fatal],
    deductions,
    findings: findings.length,
  };
}

/** A score for every dialogue of every file (reply libraries have none). */
export function scoreFiles(files: readonly FileResult[]): ConversationScore[] {
  return files.flatMap((file, fileIndex) => {
    const byConversation = new Map<string, Finding[]>();
    for (const f of file.findings) {
      if (f.conversation === null) continue;
      const list = byConversation.get(f.conversation);
      if (list) list.push(f);
      else byConversation.set(f.conversation, [f]);
    }
    // Findings name their conversation by id: conversations that share an id (an export that
    // repeats one) share its findings, and are scored once, not once per repeat (that was quadratic).
    const scored = new Map<string, ConversationScore>();
    return (file.conversations ?? []).map((c) => {
      const key = `${c.id}\0${c.agents.join('\0')}`;
      let score = scored.get(key);
      if (!score) scored.set(key, (score = scoreConversation(file.path, fileIndex, c.id, c.agents, byConversation.get(c.id) ?? [])));
      return score;
    });
  });
}

/** Per agent: the conversations they served, their average score and fatal ones, and the findings on their own turns. */
export function summarizeAgents(files: readonly FileResult[], scores: readonly ConversationScore[]): AgentSummary[] {
  const agents = new Map<string, AgentSummary>();
  const get = (agent: string) => {
    let s = agents.get(agent);
    if (!s) agents.set(agent, (s = { agent, conversations: 0, averageScore: 0, fatalConversations: 0, errors: 0, warnings: 0, infos: 0 }));
    return s;
  };
  for (const c of scores) {
    for (const agent of c.agents) {
      const s = get(agent);
      s.conversations++;
      s.averageScore += c.score;
      if (c.fatal.length > 0) s.fatalConversations++;
    }
  }
  for (const file of files) {
    for (const f of file.findings) {
      if (f.conversation === null || f.role !== 'agent') continue;
      const s = get(f.speaker ?? '');
      s[SEVERITY_PLURALS[f.severity]]++;
    }
  }
  for (const s of agents.values()) s.averageScore = s.conversations > 0 ? Math.round((s.averageScore / s.conversations) * 10) / 10 : 0;
  return [...agents.values()].sort((a, b) => a.averageScore - b.averageScore || a.agent.localeCompare(b.agent));
}

/** The scores of a run: every dialogue, and every agent over the dialogues they served. */
export function scoreResult(files: readonly FileResult[]): Scores {
  const conversations = scoreFiles(files);
  return { conversations, agents: summarizeAgents(files, conversations) };
}

/** A run's result: its files, their summary and scores, and the rules that ran. */
export function resultOf(files: FileResult[], rules: readonly CompiledRule[]): LintResult {
  return { files, summary: summarize(files), scores: scoreResult(files), rules };
}
