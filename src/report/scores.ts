// Quality-inspection scores, as commercial 质检 systems keep them: a conversation starts at 100,
// each rule it breaks deducts that rule's `score.deduct` once, and a rule marked `fatal` fails
// the whole conversation (score 0). Agents are summarized over the conversations they served.
import type { Finding } from '../types.js';
import type { FileResult, LintResult } from './result.js';

export const FULL_SCORE = 100;

export interface ConversationScore {
  path: string;
  conversation: string;
  agents: string[];
  score: number;
  /** The fatal rules it broke; a non-empty list means a score of 0. */
  fatal: string[];
  /** Points each broken rule took off. */
  deductions: { ruleId: string; points: number }[];
  findings: number;
}

export interface AgentSummary {
  /** The speaker name, or '' for agent turns that name none. */
  agent: string;
  conversations: number;
  averageScore: number;
  fatalConversations: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function scoreConversation(path: string, id: string, agents: string[], findings: readonly Finding[]): ConversationScore {
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
  return files.flatMap((file) => {
    const byConversation = new Map<string, Finding[]>();
    for (const f of file.findings) {
      if (f.conversation === null) continue;
      const list = byConversation.get(f.conversation);
      if (list) list.push(f);
      else byConversation.set(f.conversation, [f]);
    }
    return (file.conversations ?? []).map((c) => scoreConversation(file.path, c.id, c.agents, byConversation.get(c.id) ?? []));
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
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  for (const s of agents.values()) s.averageScore = s.conversations > 0 ? Math.round((s.averageScore / s.conversations) * 10) / 10 : 0;
  return [...agents.values()].sort((a, b) => a.averageScore - b.averageScore || a.agent.localeCompare(b.agent));
}

/** The scores of a run: per conversation and per agent. */
export interface RunScores {
  conversations: ConversationScore[];
  agents: AgentSummary[];
}

export function scoreResult(files: readonly FileResult[]): RunScores {
  const conversations = scoreFiles(files);
  return { conversations, agents: summarizeAgents(files, conversations) };
}

/**
 * The run's scores as computed before any display filter (--quiet) touched the findings; a result
 * made without them (a library caller, a test) is scored from its findings.
 */
export function scoresOf(result: LintResult): RunScores {
  return result.scores ?? scoreResult(result.files);
}
