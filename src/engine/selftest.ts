// `aslint test`: every glossary term and rule carries examples that must pass (good: no finding
// of that rule) or fail (bad: at least one). Like prh's specs, the content tests itself.
import type { CompiledRule, Example } from '../checks/kind.js';
import type { Origin } from '../glossary/model.js';
import type { Conversation, Role, Utterance } from '../types.js';
import { lintConversation } from './lint.js';
import type { RuleSet } from './ruleset.js';

export interface ExampleFailure {
  ruleId: string;
  side: 'good' | 'bad';
  example: Example;
  origin: Origin;
  /** What the rule found in a good example (empty for a bad one). */
  found: string[];
}

export interface SelfTestResult {
  examples: number;
  failures: ExampleFailure[];
}

function utterance(id: string, role: Role, text: string, index: number | null, conversationId: string | null): Utterance {
  return { id, conversationId, index, role, text, locate: (i) => ({ line: 1, column: i + 1, offset: i }) };
}

/** A string example is a lone agent utterance; `{turns}` is a conversation. */
export function exampleConversation(example: Example): Conversation {
  if (typeof example === 'string') return { id: null, dialogue: false, units: [utterance('example', 'agent', example, null, null)] };
  const units = example.turns.map((turn, k) => {
    const [role, text] = Object.entries(turn)[0] as [Role, string];
    return utterance(`example#${k}`, role, text, k, 'example');
  });
  return { id: 'example', dialogue: true, units };
}

export function runSelfTest(ruleSet: RuleSet): SelfTestResult {
  const result: SelfTestResult = { examples: 0, failures: [] };
  const check = (rule: CompiledRule, side: 'good' | 'bad') => {
    (rule.spec.examples?.[side] ?? []).forEach((example, k) => {
      result.examples++;
      const found = lintConversation(exampleConversation(example), ruleSet).filter((f) => f.ruleId === rule.id);
      const ok = side === 'good' ? found.length === 0 : found.length > 0;
      if (!ok) {
        result.failures.push({ ruleId: rule.id, side, example, origin: rule.exampleOrigins?.[side][k] ?? rule.origin, found: found.map((f) => f.text) });
      }
    });
  };
  for (const rule of ruleSet.rules) {
    if (rule.kind.name === 'register') continue; // a term's examples are about its misuses
    check(rule, 'good');
    check(rule, 'bad');
  }
  return result;
}
