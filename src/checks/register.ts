import type { Term } from '../glossary/model.js';
import type { TextLang } from '../match/scope.js';
import { effectiveHits, report, type CheckKind, type Report } from './kind.js';

/** The plain wording of a term in the text's script. */
function plainIn(t: Term, lang: TextLang): string {
  const plain = t.plain!;
  return (lang === 'en' ? plain.en : lang === 'zh-Hant' ? plain['zh-Hant'] : undefined) ?? plain['zh-Hans'];
}

export const register: CheckKind<Term> = {
  name: 'register',
  summary:
    'Formal jargon in a customer-facing reply: a glossary term marked `register: formal` that has a plain wording, used in an agent’s turn or a canned reply. Say it the plain way to a customer.',
  properties: null,
  required: [],
  defaultMessage: { 'zh-Hans': '“{text}”是内部术语，对顾客可以说：{suggestion}', en: '“{text}” is internal jargon; to a customer say: {suggestion}' },
  compile(spec, index, patterns) {
    const t = spec.term!;
    for (const form of [t['zh-Hans'], t['zh-Hant'], ...t.variants]) patterns.addPhrase(index, 'term', form);
    return t;
  },
  check(rule, { units, hitUnits }) {
    const reports: Report[] = [];
    for (const unit of hitUnits[rule.index]!) {
      const scan = units[unit]!;
      if (scan.unit.role !== 'agent') continue;
      const hits = effectiveHits(scan.get(rule.index, 'term'));
      if (hits.length === 0) continue;
      const plain = plainIn(rule.data, scan.lang);
      for (const h of hits) reports.push(report(unit, h.start, h.end, { suggestions: [plain], vars: { suggestion: plain } }));
    }
    return reports;
  },
};
