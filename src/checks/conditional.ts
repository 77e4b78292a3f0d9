import {
  addExcepts,
  addMatchers,
  effectiveHits,
  matcherProperties,
  phraseList,
  roleFilter,
  roleMatches,
  type CheckKind,
  type FieldsOf,
  type Report,
  report,
} from './kind.js';

const properties = {
  role: roleFilter,
  if: { type: 'object', additionalProperties: false, properties: { ...matcherProperties, except: phraseList } },
  unless: { type: 'object', additionalProperties: false, properties: matcherProperties },
} as const;

export const conditional: CheckKind<{ role: string }, FieldsOf<typeof properties, 'if' | 'unless'>> = {
  name: 'conditional',
  summary:
    'If a turn says one thing it must also say another: an `if` match in a turn of `role` with no `unless` match in the same turn is a finding (a promise of time without a concrete time).',
  properties,
  required: ['if', 'unless'],
  defaultMessage: { 'zh-Hans': '“{text}”需要同时说明具体内容。', en: '“{text}” needs the concrete details too.' },
  compile(spec, index, patterns) {
    addMatchers(patterns, index, 'if', spec.if);
    addExcepts(patterns, index, 'if-except', spec.if.except);
    addMatchers(patterns, index, 'unless', spec.unless);
    return { role: spec.role ?? 'agent' };
  },
  check(rule, { units, hitUnits }) {
    const reports: Report[] = [];
    for (const unit of hitUnits[rule.index]!) {
      const scan = units[unit]!;
      // `unless` is looked at only where an `if` may hit: it never makes the segmenter run for nothing.
      if (!roleMatches(rule.data.role, scan.unit.role) || !scan.mayHave(rule.index, 'if') || scan.has(rule.index, 'unless')) continue;
      const first = effectiveHits(scan.get(rule.index, 'if'), scan.get(rule.index, 'if-except'))[0];
      if (first) reports.push(report(unit, first.start, first.end));
    }
    return reports;
  },
};
