import { addExcepts, addMatchers, effectiveHits, matcherProperties, phraseList, type CheckKind, type FieldsOf, type Report } from './kind.js';
import type { Hit, UnitScan } from '../match/scan.js';

type Role = 'agent' | 'customer' | 'system';

interface RequireData {
  whenRole: Role;
  expectRole: Role;
  within: number;
  /** The trigger slots: `when` (its `any` and `regex`) and `when:<category>` for each category. */
  triggerSlots: { slot: string; category: string }[];
}

const role = { enum: ['agent', 'customer', 'system'] } as const;

/** Trigger vocabulary by category (fault, not-received, delay, urgency, blame, emotion, threat …). */
const categories = {
  type: 'object',
  propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
  additionalProperties: phraseList,
} as const;

const properties = {
  when: {
    type: 'object',
    additionalProperties: false,
    required: ['role'],
    properties: { role, ...matcherProperties, except: phraseList, categories },
  },
  expect: {
    type: 'object',
    additionalProperties: false,
    required: ['role'],
    properties: { role, ...matcherProperties, within: { type: 'integer', minimum: 1 } },
  },
} as const;

interface Trigger {
  hits: Hit[];
  category: string;
}

/** The trigger words of a turn, in text order, and the category of the first. */
function triggerOf(scan: UnitScan, index: number, data: RequireData): Trigger | undefined {
  const tagged = data.triggerSlots.flatMap(({ slot, category }) => scan.get(index, slot).map((hit) => ({ hit, category })));
  if (tagged.length === 0) return undefined;
  const hits = effectiveHits(
    tagged.map((t) => t.hit),
    scan.get(index, 'when-except'),
  );
  if (hits.length === 0) return undefined;
  return { hits, category: tagged.find((t) => t.hit === hits[0])?.category ?? '' };
}

/** The words that triggered, as a message quotes them. */
function quote(trigger: Trigger, scan: UnitScan): string {
  const words = [...new Set(trigger.hits.map((h) => scan.unit.text.slice(h.start, h.end)))];
  return words.join(scan.lang === 'en' ? '”, “' : '”“');
}

export const require: CheckKind<RequireData, FieldsOf<typeof properties, 'when' | 'expect'>> = {
  name: 'require',
  summary:
    'A trigger in one role’s turn demands a response from another role: a `when` match (its `any`, `regex` or any of its `categories`) not answered by an `expect` match in the next `within` turns of `expect.role` is a finding. It points at the whole turn where the response was due, with the triggering turn as a related location, or at the trigger when no such turn follows. The message may quote `{trigger}` and name its `{category}`. Conversations only.',
  properties,
  required: ['when', 'expect'],
  defaultMessage: { 'zh-Hans': '对方说了“{trigger}”之后，没有得到应有的回应。', en: 'No due response after “{trigger}”.' },
  compile(spec, index, patterns) {
    const { when, expect } = spec;
    addMatchers(patterns, index, 'when', when);
    const triggerSlots = [{ slot: 'when', category: '' }];
    for (const [category, phrases] of Object.entries(when.categories ?? {})) {
      addMatchers(patterns, index, `when:${category}`, { ...when, any: phrases, phrases: undefined, regex: undefined });
      triggerSlots.push({ slot: `when:${category}`, category });
    }
    addExcepts(patterns, index, 'when-except', when.except);
    addMatchers(patterns, index, 'expect', expect);
    return { whenRole: when.role, expectRole: expect.role, within: expect.within ?? 1, triggerSlots };
  },
  check(rule, { conversation, units }) {
    if (!conversation.dialogue) return [];
    const { whenRole, expectRole, within } = rule.data;
    const reports: Report[] = [];
    const reportedTurns = new Set<number>();
    units.forEach((scan, i) => {
      if (scan.unit.role !== whenRole) return;
      // The response first: a trigger answered in time reports nothing, so its word-boundary
      // edges need not be checked (the segmenter is not run for it).
      if (!rule.data.triggerSlots.some(({ slot }) => scan.mayHave(rule.index, slot))) return;
      const responses: number[] = [];
      for (let j = i + 1; j < units.length && responses.length < within; j++) {
        if (units[j]!.unit.role === expectRole) responses.push(j);
      }
      if (responses.some((j) => units[j]!.has(rule.index, 'expect'))) return;
      const trigger = triggerOf(scan, rule.index, rule.data);
      if (!trigger) return;
      const first = trigger.hits[0]!;
      const last = trigger.hits[trigger.hits.length - 1]!;
      const vars = { trigger: quote(trigger, scan), category: trigger.category, within: String(within) };
      const due = responses[0];
      if (due === undefined) {
        reports.push({ unit: i, start: first.start, end: first.end, vars });
      } else if (!reportedTurns.has(due)) {
        reportedTurns.add(due);
        const en = scan.lang === 'en';
        const why = en ? `The trigger: “${vars.trigger}”` : `触发的话：“${vars.trigger}”`;
        const category = trigger.category ? (en ? ` (${trigger.category})` : `（${trigger.category}）`) : '';
        const related = [{ unit: i, start: first.start, end: last.end, message: why + category }];
        reports.push({ unit: due, start: 0, end: units[due]!.unit.text.length, vars, related });
      }
    });
    return reports;
  },
};
