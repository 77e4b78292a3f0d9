import { addMatchers, effectiveHits, phraseList, regexList, roleFilter, roleMatches, type CheckKind, type JsonSchema } from './kind.js';

const matcherSchema = (withExcept: boolean): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  properties: { any: phraseList, regex: regexList, ...(withExcept ? { except: phraseList } : {}) },
});

export const conditional: CheckKind<{ role: string }> = {
  name: 'conditional',
  summary:
    'If a turn says one thing it must also say another: an `if` match in a turn of `role` with no `unless` match in the same turn is a finding (a promise of time without a concrete time).',
  properties: { role: roleFilter, if: matcherSchema(true), unless: matcherSchema(false) },
  required: ['if', 'unless'],
  defaultMessage: '“{text}”需要同时说明具体内容。',
  compile(spec, index, patterns) {
    const when = spec.if as { except?: string[] } & Record<string, unknown>;
    addMatchers(patterns, index, 'if', when);
    for (const p of when.except ?? []) patterns.addPhrase(index, 'if-except', p, 'none');
    addMatchers(patterns, index, 'unless', spec.unless as Record<string, unknown>);
    return { role: (spec.role as string | undefined) ?? 'agent' };
  },
  check(rule, { units }) {
    return units.flatMap((scan, unit) => {
      if (!roleMatches(rule.data.role, scan.unit.role) || scan.has(rule.index, 'unless')) return [];
      const hits = effectiveHits(scan.get(rule.index, 'if'), scan.get(rule.index, 'if-except'));
      return hits.slice(0, 1).map((h) => ({ unit, start: h.start, end: h.end }));
    });
  },
};
