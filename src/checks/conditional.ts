import { addExcepts, addMatchers, effectiveHits, guardFields, phraseList, regexList, roleFilter, roleMatches, type CheckKind, type JsonSchema, type MatcherSpec } from './kind.js';
import type { PhraseEntry } from '../engine/patterns.js';

const matcherSchema = (withExcept: boolean): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  properties: { any: phraseList, regex: regexList, ...guardFields, ...(withExcept ? { except: phraseList } : {}) },
});

interface ConditionalSpec {
  role?: 'agent' | 'customer' | 'any';
  if: MatcherSpec & { except?: PhraseEntry[] };
  unless: MatcherSpec;
}

export const conditional: CheckKind<{ role: string }, ConditionalSpec> = {
  name: 'conditional',
  summary:
    'If a turn says one thing it must also say another: an `if` match in a turn of `role` with no `unless` match in the same turn is a finding (a promise of time without a concrete time).',
  properties: { role: roleFilter, if: matcherSchema(true), unless: matcherSchema(false) },
  required: ['if', 'unless'],
  defaultMessage: { 'zh-Hans': '“{text}”需要同时说明具体内容。', en: '“{text}” needs the concrete details too.' },
  compile(spec, index, patterns) {
    addMatchers(patterns, index, 'if', spec.if);
    addExcepts(patterns, index, 'if-except', spec.if.except);
    addMatchers(patterns, index, 'unless', spec.unless);
    return { role: spec.role ?? 'agent' };
  },
  check(rule, { units }) {
    return units.flatMap((scan, unit) => {
      if (!roleMatches(rule.data.role, scan.unit.role) || scan.has(rule.index, 'unless')) return [];
      const hits = effectiveHits(scan.get(rule.index, 'if'), scan.get(rule.index, 'if-except'));
      return hits.slice(0, 1).map((h) => ({ unit, start: h.start, end: h.end }));
    });
  },
};
