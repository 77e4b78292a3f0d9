import { addMatchers, guardFields, phraseList, regexList, type CheckKind, type MatcherSpec } from './kind.js';

interface PositionSpec extends MatcherSpec {
  role?: 'agent' | 'customer';
  at: 'first' | 'last';
}

interface PositionData {
  role: string;
  at: 'first' | 'last';
}

export const position: CheckKind<PositionData, PositionSpec> = {
  name: 'position',
  summary:
    'A turn at a fixed place must say something: the first (or last) turn of `role` in a conversation must contain one of `any` or `regex` (a greeting, an offer of further help). Conversations only.',
  properties: { role: { enum: ['agent', 'customer'] }, at: { enum: ['first', 'last'] }, any: phraseList, regex: regexList, ...guardFields },
  required: ['at'],
  defaultMessage: '这一轮缺少应有的表达。',
  runsWithoutHits: true,
  compile(spec, index, patterns) {
    addMatchers(patterns, index, 'expect', spec);
    return { role: spec.role ?? 'agent', at: spec.at };
  },
  check(rule, { conversation, units }) {
    if (!conversation.dialogue) return [];
    const indexes = units.flatMap((s, i) => (s.unit.role === rule.data.role ? [i] : []));
    const at = rule.data.at === 'first' ? indexes[0] : indexes[indexes.length - 1];
    if (at === undefined || units[at]!.has(rule.index, 'expect')) return [];
    return [{ unit: at, start: 0, end: units[at]!.unit.text.length }];
  },
};
