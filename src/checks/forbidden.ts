import {
  addExcepts,
  addMatchers,
  boundarySchema,
  effectiveHits,
  guardFields,
  phraseList,
  regexList,
  roleFilter,
  roleMatches,
  type CheckKind,
  type FieldsOf,
  type Report,
  report,
} from './kind.js';

const properties = {
  role: roleFilter,
  phrases: phraseList,
  regex: regexList,
  except: phraseList,
  boundary: boundarySchema,
  suggest: { type: 'array', items: { type: 'string', minLength: 1 } },
  ...guardFields,
} as const;

interface ForbiddenData {
  role: string;
  suggest: string[];
}

export const forbidden: CheckKind<ForbiddenData, FieldsOf<typeof properties>> = {
  name: 'forbidden',
  summary: 'Phrasing that must not be said: each match of `phrases` or `regex` in a turn of `role` is a finding, unless an `except` phrase overlaps it.',
  properties,
  required: [],
  defaultMessage: { 'zh-Hans': '不宜使用“{text}”。', en: 'Avoid “{text}”.' },
  compile(spec, index, patterns) {
    addMatchers(patterns, index, 'match', spec);
    addExcepts(patterns, index, 'except', spec.except);
    return { role: spec.role ?? 'agent', suggest: spec.suggest ?? [] };
  },
  check(rule, { units, hitUnits }) {
    const reports: Report[] = [];
    for (const unit of hitUnits[rule.index]!) {
      const scan = units[unit]!;
      if (!roleMatches(rule.data.role, scan.unit.role) || !scan.mayHave(rule.index, 'match')) continue;
      for (const h of effectiveHits(scan.get(rule.index, 'match'), scan.get(rule.index, 'except'))) {
        reports.push(report(unit, h.start, h.end, { suggestions: rule.data.suggest }));
      }
    }
    return reports;
  },
};
