// Quality-inspection scores, as commercial 质检 systems keep them: a conversation starts at 100,
// each rule it breaks deducts that rule's `score.deduct` once, and a rule marked `fatal` fails
// the whole conversation (score 0). Agents are summarized over the conversations they served.
// Computed once by the runner on the result (before any display filter such as --quiet), never
// by a reporter: as running aggregates (RunningScores), so that a run of any size keeps only the
// agents' sums, or on a whole result (scoreResult, for `report merge`), with the same numbers.
import type { CompiledRule } from '../checks/kind.js';
import { FULL_SCORE, summarize, type AgentSummary, type ConversationScore, type FileResult, type LintResult, type Scores } from './result.js';
import { SEVERITY_PLURALS, type ConversationInfo, type Finding } from '../core/types.js';

/**
 * The score of one conversation from its findings. Lists and loops, not a Map and a Set with
 * spreads and callbacks: a conversation breaks few rules. Measured on 5,000 small transcripts
 * (RunningScores, in process): 54 -> 44 ms the first time, 16 -> 12 ms warm; TurboFan compiled
 * scoreBatch and this once each, not twice after a deopt, and in a sixth of the time (jit.sh).
 */
export function scoreConversation(path: string, fileIndex: number, id: string, agents: string[], findings: readonly Finding[]): ConversationScore {
  // The rules broken, in the order first met, with the largest deduction of each; the fatal ones.
  const ruleIds: string[] = [];
  const points: number[] = [];
  const fatal: string[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const score = f.score;
    let at = ruleIds.indexOf(f.ruleId);
    if (at < 0) {
      at = ruleIds.push(f.ruleId) - 1;
      points.push(0);
    }
    if (score === undefined) continue;
    if (score.fatal && !fatal.includes(f.ruleId)) fatal.push(f.ruleId);
    points[at] = Math.max(points[at]!, score.deduct ?? 0);
  }
  const deductions: { ruleId: string; points: number }[] = [];
  let deducted = 0;
  for (let i = 0; i < ruleIds.length; i++) {
    if (!(points[i]! > 0)) continue;
    deductions.push({ ruleId: ruleIds[i]!, points: points[i]! });
    deducted += points[i]!;
  }
  return {
    path,
    fileIndex,
    conversation: id,
    agents,
    score: fatal.length > 0 ? 0 : Math.max(0, FULL_SCORE - deducted),
    fatal,
    deductions,
    findings: findings.length,
  };
}

/** No findings: what a conversation without any has. */
const NONE: readonly Finding[] = [];

/**
 * The scores of the dialogues of one batch of a file: a whole file, or one part of a large one
 * (parts are cut at fixed byte sizes, whatever the number of workers). Findings name their
 * conversation by id: conversations of a batch that share an id (an export that repeats one)
 * share its findings, and are scored once, not once per repeat (that was quadratic).
 */
export function scoreBatch(path: string, fileIndex: number, findings: readonly Finding[], conversations: readonly ConversationInfo[]): ConversationScore[] {
  const byConversation = new Map<string, Finding[]>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.conversation === null) continue;
    const list = byConversation.get(f.conversation);
    if (list) list.push(f);
    else byConversation.set(f.conversation, [f]);
  }
  const scores: ConversationScore[] = [];
  // A repeated id (rare) is looked up among the ones scored before.
  const scored = new Map<string, ConversationScore>();
  for (let i = 0; i < conversations.length; i++) {
    const c = conversations[i]!;
    const key = `${c.id}\0${c.agents.join('\0')}`;
    let score = scored.get(key);
    if (!score) scored.set(key, (score = scoreConversation(path, fileIndex, c.id, c.agents, byConversation.get(c.id) ?? NONE)));
    scores.push(score);
  }
  return scores;
}

/** A score for every dialogue of every file (reply libraries have none). */
export function scoreFiles(files: readonly FileResult[]): ConversationScore[] {
  return files.flatMap((file, fileIndex) => scoreBatch(file.path, fileIndex, file.findings, file.conversations ?? []));
}

/** The agent a finding counts against: one on an agent's own turn of a conversation (a reply library's findings count against nobody). */
function agentOf(f: Finding): string | undefined {
  return f.conversation === null || f.role !== 'agent' ? undefined : (f.speaker ?? '');
}

/**
 * What a batch (a whole file, or a part of a large one) adds to the agents' totals, in a compact
 * form a worker hands back instead of the batch's scores and findings: the agents in the order
 * addScores then addFindings first meet them (which is their order among equals), a (agent,
 * score, fatal) triple per agent of each scored conversation, and (agent, errors, warnings,
 * infos) per agent with findings on their own turns.
 */
export interface AgentBatch {
  agents: string[];
  scores: number[];
  counts: number[];
}

/** The agents' part of a batch (AgentTotals.addBatch adds it). */
export function agentBatch(scores: readonly ConversationScore[], findings: readonly Finding[]): AgentBatch {
  const index = new Map<string, number>();
  const agents: string[] = [];
  const at = (agent: string) => {
    let i = index.get(agent);
    if (i === undefined) {
      index.set(agent, (i = agents.length));
      agents.push(agent);
    }
    return i;
  };
  const triples: number[] = [];
  for (const c of scores) for (const agent of c.agents) triples.push(at(agent), c.score, c.fatal.length > 0 ? 1 : 0);
  const bySeverity = new Map<number, number[]>();
  for (const f of findings) {
    const agent = agentOf(f);
    if (agent === undefined) continue;
    const i = at(agent);
    let c = bySeverity.get(i);
    if (!c) bySeverity.set(i, (c = [0, 0, 0]));
    c[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]!++;
  }
  const counts: number[] = [];
  for (const [i, c] of bySeverity) counts.push(i, c[0]!, c[1]!, c[2]!);
  return { agents, scores: triples, counts };
}

/**
 * Per agent, as a run goes: the conversations they served, the sum of their scores and the fatal
 * ones, and the findings on their own turns. Sums are added in input order, so the averages are
 * the same numbers however the run is cut.
 */
export class AgentTotals {
  private readonly agents = new Map<string, AgentSummary>();

  private get(agent: string): AgentSummary {
    let s = this.agents.get(agent);
    if (!s) this.agents.set(agent, (s = { agent, conversations: 0, averageScore: 0, fatalConversations: 0, errors: 0, warnings: 0, infos: 0 }));
    return s;
  }

  /** Adds what a batch (agentBatch) sums, as addScores then addFindings would. */
  addBatch(batch: AgentBatch): void {
    const scored = batch.agents.map((agent) => this.get(agent));
    // Score by score, not a batch's sum: the averages are the same numbers however the run is cut
    // (a deduction may be fractional, and a sum of fractions depends on its order).
    for (let i = 0; i < batch.scores.length; i += 3) {
      const s = scored[batch.scores[i]!]!;
      s.conversations++;
      s.averageScore += batch.scores[i + 1]!;
      if (batch.scores[i + 2]) s.fatalConversations++;
    }
    for (let i = 0; i < batch.counts.length; i += 4) {
      const s = scored[batch.counts[i]!]!;
      s.errors += batch.counts[i + 1]!;
      s.warnings += batch.counts[i + 2]!;
      s.infos += batch.counts[i + 3]!;
    }
  }

  addScores(scores: readonly ConversationScore[]): void {
    for (const c of scores) {
      for (const agent of c.agents) {
        const s = this.get(agent);
        s.conversations++;
        s.averageScore += c.score;
        if (c.fatal.length > 0) s.fatalConversations++;
      }
    }
  }

  addFindings(findings: readonly Finding[]): void {
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      const agent = agentOf(f);
      if (agent === undefined) continue;
      const s = this.get(agent);
      s[SEVERITY_PLURALS[f.severity]]++;
    }
  }

  /** The summaries, averages rounded to one decimal, lowest first. */
  summaries(): AgentSummary[] {
    const out = [...this.agents.values()].map((s) => ({
      ...s,
      averageScore: s.conversations > 0 ? Math.round((s.averageScore / s.conversations) * 10) / 10 : 0,
    }));
    return out.sort((a, b) => a.averageScore - b.averageScore || a.agent.localeCompare(b.agent));
  }
}

/** Per agent: the conversations they served, their average score and fatal ones, and the findings on their own turns. */
export function summarizeAgents(files: readonly FileResult[], scores: readonly ConversationScore[]): AgentSummary[] {
  const totals = new AgentTotals();
  // Scores before findings: an agent's place in the map (and so among equals) is where it was first scored.
  totals.addScores(scores);
  for (const file of files) totals.addFindings(file.findings);
  return totals.summaries();
}

/** The scores of a run: every dialogue, and every agent over the dialogues they served. */
export function scoreResult(files: readonly FileResult[]): Scores {
  const conversations = scoreFiles(files);
  return { conversations, agents: summarizeAgents(files, conversations) };
}

/**
 * The scores of a run kept as it goes, batch by batch in input order: each batch's conversation
 * scores are handed back (to be written, or kept by a run that keeps its result) and only the
 * agents' sums stay.
 */
export class RunningScores {
  private readonly agents = new AgentTotals();

  /** Scores one batch of file `fileIndex` (a whole file, or one part of a large one). */
  add(path: string, fileIndex: number, findings: readonly Finding[], conversations: readonly ConversationInfo[]): ConversationScore[] {
    const scores = scoreBatch(path, fileIndex, findings, conversations);
    this.agents.addScores(scores);
    this.agents.addFindings(findings);
    return scores;
  }

  /** What a worker scored of a batch (agentBatch), added in input order. */
  addBatch(batch: AgentBatch): void {
    this.agents.addBatch(batch);
  }

  summaries(): AgentSummary[] {
    return this.agents.summaries();
  }
}

/** A run's result: its files, their summary and scores, and the rules that ran. */
export function resultOf(files: FileResult[], rules: readonly CompiledRule[]): LintResult {
  return { files, summary: summarize(files), scores: scoreResult(files), rules };
}
