import { addExcepts, addMatchers, effectiveHits, matcherProperties, phraseList, report, type CheckKind, type FieldsOf, type Report } from './kind.js';
import type { Hit, UnitScan } from '../match/scan.js';

type Role = 'agent' | 'customer' | 'system';

interface RequireData {
  whenRole: Role;
  expectRole: Role;
  within: number;
  /** `within` as the message's `{within}`. */
  withinText: string;
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
  hits: readonly Hit[];
  category: string;
}

/** The trigger words of a turn, in text order, and the category of the first. */
function triggerOf(scan: UnitScan, index: number, data: RequireData): Trigger | undefined {
  // Most turns have hits in one trigger slot, whose list is then used as it is; the lists are
  // merged only when there are several, into one new list (concat of a spread, then a filter and a
  // findIndex for the category, allocated 7.0 MB of the linter's 67.6 on the generated 5,000
  // transcripts, this 5.5 MB: bench/lint-only.js --alloc).
  let first = -1;
  let merged: Hit[] | undefined;
  const { triggerSlots } = data;
  for (let k = 0; k < triggerSlots.length; k++) {
    const { slot } = triggerSlots[k]!;
    if (!scan.mayHave(index, slot)) continue;
    const hits = scan.get(index, slot);
    if (hits.length === 0) continue;
    if (first < 0) first = k;
    else {
      merged ??= scan.get(index, triggerSlots[first]!.slot).slice();
      for (let h = 0; h < hits.length; h++) merged.push(hits[h]!);
    }
  }
  if (first < 0) return undefined;
  const hits = effectiveHits(merged ?? scan.get(index, triggerSlots[first]!.slot), scan.get(index, 'when-except'));
  if (hits.length === 0) return undefined;
  if (!merged) return { hits, category: triggerSlots[first]!.category };
  // The category of the first slot, in order, whose hits hold the first trigger word.
  for (let k = first; k < triggerSlots.length; k++) {
    const { slot, category } = triggerSlots[k]!;
    if (scan.mayHave(index, slot) && scan.get(index, slot).includes(hits[0]!)) return { hits, category };
  }
  return { hits, category: '' };
}

/** The words that triggered, each once, as a message quotes them. */
function quote(trigger: Trigger, scan: UnitScan): string {
  const { hits } = trigger;
  const text = scan.unit.text;
  if (hits.length === 1) return text.slice(hits[0]!.start, hits[0]!.end);
  const words: string[] = [];
  for (const h of hits) {
    const word = text.slice(h.start, h.end);
    if (!words.includes(word)) words.push(word);
  }
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
    const within = expect.within ?? 1;
    return { whenRole: when.role, expectRole: expect.role, within, withinText: String(within), triggerSlots };
  },
  check(rule, { conversation, units, hitUnits }) {
    if (!conversation.dialogue) return [];
    const { whenRole, expectRole, within, withinText, triggerSlots } = rule.data;
    const reports: Report[] = [];
    let reportedTurns: Set<number> | undefined;
    next: for (const i of hitUnits[rule.index]!) {
      const scan = units[i]!;
      if (scan.unit.role !== whenRole) continue;
      // The response first: a trigger answered in time reports nothing, so its word-boundary
      // edges need not be checked (the segmenter is not run for it).
      let mayTrigger = false;
      for (let k = 0; k < triggerSlots.length && !mayTrigger; k++) mayTrigger = scan.mayHave(rule.index, triggerSlots[k]!.slot);
      if (!mayTrigger) continue;
      // The next `within` turns of the expected role: one that answers clears the trigger; the
      // first is where the response was due.
      let due = -1;
      for (let j = i + 1, seen = 0; j < units.length && seen < within; j++) {
        if (units[j]!.unit.role !== expectRole) continue;
        if (seen++ === 0) due = j;
        if (units[j]!.has(rule.index, 'expect')) continue next;
      }
      if (due >= 0 && reportedTurns?.has(due)) continue;
      const trigger = triggerOf(scan, rule.index, rule.data);
      if (!trigger) continue;
      const first = trigger.hits[0]!;
      const vars = { trigger: quote(trigger, scan), category: trigger.category, within: withinText };
      if (due < 0) {
        reports.push(report(i, first.start, first.end, { vars }));
      } else {
        (reportedTurns ??= new Set()).add(due);
        const last = trigger.hits[trigger.hits.length - 1]!;
        const en = scan.lang === 'en';
        const why = en ? `The trigger: “${vars.trigger}”` : `触发的话：“${vars.trigger}”`;
        const category = trigger.category ? (en ? ` (${trigger.category})` : `（${trigger.category}）`) : '';
        const related = [{ unit: i, start: first.start, end: last.end, message: why + category }];
        reports.push(report(due, 0, units[due]!.unit.text.length, { vars, related }));
      }
    }
    return reports;
  },
};
