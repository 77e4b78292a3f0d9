import { addMatchers, effectiveHits, phraseList, regexList, roleFilter, roleMatches, type CheckKind } from './kind.js';

interface ForbiddenData {
  role: string;
  suggest: string[];
}

export const forbidden: CheckKind<ForbiddenData> = {
  name: 'forbidden',
  summary:
    'Phrasing that must not be said: each match of `phrases` or `regex` in a turn of `role` is a finding, unless an `except` phrase overlaps it.',
  properties: {
    role: roleFilter,
    phrases: phraseList,
    regex: regexList,
    except: phraseList,
    boundary: { enum: ['auto', 'word', 'none'] },
    suggest: phraseList,
  },
  required: [],
  defaultMessage: '不宜使用“{text}”。',
  compile(spec, index, patterns) {
    addMatchers(patterns, index, 'match', spec);
    for (const p of (spec.except as string[] | undefined) ?? []) patterns.addPhrase(index, 'except', p, 'none');
    return { role: (spec.role as string | undefined) ?? 'agent', suggest: (spec.suggest as string[] | undefined) ?? [] };
  },
  check(rule, { units }) {
    return units.flatMap((scan, unit) => {
      if (!roleMatches(rule.data.role, scan.unit.role)) return [];
      return effectiveHits(scan.get(rule.index, 'match'), scan.get(rule.index, 'except')).map((h) => ({
        unit,
        start: h.start,
        end: h.end,
        suggestions: rule.data.suggest,
      }));
    });
  },
};
