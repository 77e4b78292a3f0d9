import { addExcepts, addMatchers, effectiveHits, guardFields, phraseList, regexList, type CheckKind, type JsonSchema, type MatcherSpec, type Report } from './kind.js';
import type { PhraseEntry } from '../engine/patterns.js';

type Role = 'agent' | 'customer' | 'system';

interface RequireSpec {
  when: MatcherSpec & { role: Role; except?: PhraseEntry[] };
  expect: MatcherSpec & { role: Role; within?: number };
}

interface RequireData {
  whenRole: string;
  expectRole: string;
  within: number;
}

const side = (extra: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['role'],
  properties: { role: { enum: ['agent', 'customer', 'system'] }, any: phraseList, regex: regexList, ...guardFields, ...extra },
});

export const require: CheckKind<RequireData, RequireSpec> = {
  name: 'require',
  summary:
    'A trigger in one role’s turn demands a response from another role: a `when` match not answered by an `expect` match in the next `within` turns of `expect.role` is a finding. It points at the whole turn where the response was due, or at the trigger when no such turn follows. Conversations only.',
  properties: {
    when: side({ except: phraseList }),
    expect: side({ within: { type: 'integer', minimum: 1 } }),
  },
  required: ['when', 'expect'],
  defaultMessage: '对方说了“{text}”之后，没有得到应有的回应。',
  compile(spec, index, patterns) {
    const { when, expect } = spec;
    addMatchers(patterns, index, 'when', when);
    addExcepts(patterns, index, 'when-except', when.except);
    addMatchers(patterns, index, 'expect', expect);
    return { whenRole: when.role, expectRole: expect.role, within: expect.within ?? 1 };
  },
  check(rule, { conversation, units }) {
    if (!conversation.dialogue) return [];
    const { whenRole, expectRole, within } = rule.data;
    const reports: Report[] = [];
    const reportedTurns = new Set<number>();
    units.forEach((scan, i) => {
      if (scan.unit.role !== whenRole) return;
      const trigger = effectiveHits(scan.get(rule.index, 'when'), scan.get(rule.index, 'when-except'))[0];
      if (!trigger) return;
      const responses: number[] = [];
      for (let j = i + 1; j < units.length && responses.length < within; j++) {
        if (units[j]!.unit.role === expectRole) responses.push(j);
      }
      if (responses.some((j) => units[j]!.has(rule.index, 'expect'))) return;
      const due = responses[0];
      if (due === undefined) {
        reports.push({ unit: i, start: trigger.start, end: trigger.end, vars: { trigger: scan.unit.text.slice(trigger.start, trigger.end), within: String(within) } });
      } else if (!reportedTurns.has(due)) {
        reportedTurns.add(due);
        reports.push({
          unit: due,
          start: 0,
          end: units[due]!.unit.text.length,
          vars: { trigger: scan.unit.text.slice(trigger.start, trigger.end), within: String(within) },
        });
      }
    });
    return reports;
  },
};

