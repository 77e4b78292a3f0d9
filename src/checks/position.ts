import { addMatchers, guardFields, phraseList, regexList, report, type CheckKind, type FieldsOf } from './kind.js';

const properties = {
  role: { enum: ['agent', 'customer'] },
  at: { enum: ['first', 'last'] },
  window: { type: 'integer', minimum: 1 },
  any: phraseList,
  regex: regexList,
  ...guardFields,
} as const;

interface PositionData {
  role: string;
  at: 'first' | 'last';
  window: number;
}

/** How many turns of the role a position rule looks at when it gives no `window`. */
const DEFAULT_WINDOW = { first: 1, last: 3 } as const;

export const position: CheckKind<PositionData, FieldsOf<typeof properties, 'at'>> = {
  name: 'position',
  summary:
    'A turn at a fixed place must say something: one of the first `window` turns of `role` (default 1: a greeting) or one of the last `window` (default 3: an offer of further help before the goodbye) must contain one of `any` or `regex`. The finding is on the first (or last) such turn. Whole dialogues only: not replies, nor excerpts (`complete: false`, `excerpt: true`, or the config’s `input: {excerpts: true}`).',
  properties,
  required: ['at'],
  defaultMessage: { 'zh-Hans': '这一轮缺少应有的表达。', en: 'This turn lacks the expected wording.' },
  runsWithoutHits: true,
  compile(spec, index, patterns) {
    addMatchers(patterns, index, 'expect', spec);
    return { role: spec.role ?? 'agent', at: spec.at, window: spec.window ?? DEFAULT_WINDOW[spec.at] };
  },
  check(rule, { conversation, units, excerpt }) {
    if (!conversation.dialogue || excerpt) return [];
    const { role, at, window } = rule.data;
    // The first (or last) `window` turns of the role, walked from that end: no list of every turn of the role.
    const step = at === 'first' ? 1 : -1;
    let shown = -1;
    let judged = 0;
    for (let i = at === 'first' ? 0 : units.length - 1; i >= 0 && i < units.length && judged < window; i += step) {
      if (units[i]!.unit.role !== role) continue;
      if (units[i]!.has(rule.index, 'expect')) return [];
      if (judged++ === 0) shown = i;
    }
    if (shown < 0) return [];
    return [report(shown, 0, units[shown]!.unit.text.length)];
  },
};
