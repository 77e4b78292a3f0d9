// `aslint test`: the examples of glossary terms and rules must pass (good: no finding of that
// rule; bad: at least one, and when pinned, exactly the flagged text and the fix given). Like
// prh's specs, the content tests itself. Examples are optional: what has none is listed.
import { exampleTurnRole, type CompiledRule, type Example } from '../checks/kind.js';
import type { Origin } from '../glossary/model.js';
import type { Conversation, Finding, Role, Utterance } from '../core/types.js';
import { lintConversation } from './lint.js';
import type { RuleSet } from './ruleset.js';

export interface ExampleFailure {
  ruleId: string;
  side: 'good' | 'bad';
  example: Example;
  origin: Origin;
  /** What went wrong, as `aslint test` says it. */
  problem: string;
}

/** A rule or term without a good or a bad example. */
export interface MissingExamples {
  ruleId: string;
  origin: Origin;
  lacks: 'examples' | 'a good example' | 'a bad example';
}

export interface SelfTestResult {
  examples: number;
  rules: number;
  failures: ExampleFailure[];
  missing: MissingExamples[];
}

function utterance(id: string, role: Role, text: string, index: number | null, conversationId: string | null): Utterance {
  return { id, conversationId, index, role, text, locate: (i) => ({ line: 1, column: i + 1, offset: i }) };
}

/** A lone agent utterance for a text. */
function loneUtterance(text: string): Conversation {
  return { id: null, dialogue: false, units: [utterance('example', 'agent', text, null, null)] };
}

/** A string or pinned example is a lone agent utterance; `{turns}` is a conversation. */
export function exampleConversation(example: Example): Conversation {
  if (typeof example === 'string') return loneUtterance(example);
  if ('text' in example) return loneUtterance(example.text);
  const units = example.turns.map((turn, k) => {
    const [role, text] = exampleTurnRole(turn);
    const u = utterance(`example#${k}`, role, text, k, 'example');
    if (turn.time !== undefined) u.time = turn.time;
    return u;
  });
  return { id: 'example', dialogue: true, units };
}

/** An example as one line of text. */
export function exampleText(example: Example): string {
  if (typeof example === 'string') return example;
  if ('text' in example) return example.text;
  return example.turns.map((t) => `${t.time ? `[${t.time}] ` : ''}${exampleTurnRole(t).join(': ')}`).join(' / ');
}

const quoted = (texts: readonly string[]) => texts.map((s) => `“${s}”`).join(', ');

/** The text with the findings' safe fixes applied (they never overlap within one rule's findings of one utterance). */
function applyFixes(text: string, findings: readonly Finding[]): string {
  let out = text;
  for (const f of [...findings].filter((x) => x.fix).sort((a, b) => b.start - a.start))
    out = out.slice(0, f.fix!.start) + f.fix!.replacement + out.slice(f.fix!.end);
  return out;
}

/** What is wrong with a pinned bad example, or null. */
function pinnedProblem(example: Example, found: readonly Finding[], findingsOf: (text: string) => Finding[]): string | null {
  if (typeof example === 'string' || !('text' in example)) return null;
  if (example.flags !== undefined) {
    const want = typeof example.flags === 'string' ? [example.flags] : example.flags;
    const got = found.map((f) => f.text);
    if (want.join('\0') !== got.join('\0')) return `flagged ${quoted(got)}, not ${quoted(want)}`;
  }
  if (example.fix !== undefined) {
    const fixed = applyFixes(example.text, found);
    if (found.some((f) => f.fix) && fixed !== example.fix) return `the fixes give “${fixed}”, not “${example.fix}”`;
    const still = findingsOf(example.fix);
    if (still.length > 0) return `the fixed sentence is still flagged (${quoted(still.map((f) => f.text))})`;
  }
  return null;
}

export function runSelfTest(ruleSet: RuleSet): SelfTestResult {
  const result: SelfTestResult = { examples: 0, rules: ruleSet.rules.length, failures: [], missing: [] };
  const check = (rule: CompiledRule, side: 'good' | 'bad') => {
    const findingsOf = (conversation: Conversation) => lintConversation(conversation, ruleSet).filter((f) => f.ruleId === rule.id);
    (rule.spec.examples?.[side] ?? []).forEach((example, k) => {
      result.examples++;
      const found = findingsOf(exampleConversation(example));
      let problem: string | null;
      if (side === 'good') problem = found.length > 0 ? `good example was flagged (${quoted(found.map((f) => f.text))})` : null;
      else problem = found.length === 0 ? 'bad example gave no finding' : pinnedProblem(example, found, (text) => findingsOf(loneUtterance(text)));
      if (problem) result.failures.push({ ruleId: rule.id, side, example, origin: rule.exampleOrigins?.[side][k] ?? rule.origin, problem });
    });
  };
  for (const rule of ruleSet.rules) {
    if (rule.kind.name === 'register') continue; // a term's examples are about its misuses
    check(rule, 'good');
    check(rule, 'bad');
    const good = rule.spec.examples?.good?.length ?? 0;
    const bad = rule.spec.examples?.bad?.length ?? 0;
    if (good === 0 || bad === 0) {
      result.missing.push({ ruleId: rule.id, origin: rule.origin, lacks: good + bad === 0 ? 'examples' : good === 0 ? 'a good example' : 'a bad example' });
    }
  }
  return result;
}
