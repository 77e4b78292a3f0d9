import type { Term } from '../glossary/model.js';
import { isTraditional } from '../text/script.js';
import type { Hit } from '../engine/scan.js';
import { effectiveHits, messageIn, type CheckKind, type Report } from './kind.js';
import { textLang } from '../engine/scope.js';

const LATIN_ONLY = /^[\x00-\x7f\uff01-\uff5e\s]+$/;

/** The term as it should be written in text of this script and language. */
export function termIn(term: Term, text: string, sample: string): string {
  if (LATIN_ONLY.test(sample)) return term.en;
  return isTraditional(text) ? term['zh-Hant'] : term['zh-Hans'];
}

export const term: CheckKind<Term> = {
  name: 'term',
  summary:
    'A glossary misuse in an agent’s turn or a canned reply. The suggestion is the preferred term in the script the text is written in; it is fixed automatically when the misuse stands for one term only.',
  properties: null,
  required: [],
  defaultMessage: { 'zh-Hans': '“{text}”应为“{suggestion}”：{why}', en: '“{text}” should be “{suggestion}”: {why}' },
  compile(spec, index, patterns) {
    const t = spec.term!;
    t.misuses.forEach((m, k) => {
      patterns.addPhrase(index, `misuse:${k}`, m.text);
      for (const e of m.except ?? []) patterns.addPhrase(index, `except:${k}`, e, { boundary: 'none' });
    });
    for (const accepted of [t['zh-Hans'], t['zh-Hant'], t.en, ...t.variants]) {
      patterns.addPhrase(index, 'accepted', accepted, { boundary: 'none' });
    }
    return t;
  },
  check(rule, { units }) {
    const t = rule.data;
    return units.flatMap((scan, unit) => {
      if (scan.unit.role !== 'agent') return [];
      // A misuse inside an accepted form (无理由退货 inside 七日无理由退货) is that form, not a misuse.
      const accepted = scan.get(rule.index, 'accepted');
      const insideAccepted = (h: Hit) => accepted.some((a) => a.normStart <= h.normStart && h.normEnd <= a.normEnd && a.normEnd - a.normStart > h.normEnd - h.normStart);
      return t.misuses.flatMap((m, k): Report[] =>
        effectiveHits(scan.get(rule.index, `misuse:${k}`).filter((h) => !insideAccepted(h)), scan.get(rule.index, `except:${k}`)).map((h) => {
          const preferred = termIn(t, scan.unit.text, scan.unit.text.slice(h.start, h.end));
          const suggestions = [preferred, ...(m.alternatives ?? [])];
          return { unit, start: h.start, end: h.end, suggestions, fixable: suggestions.length === 1, vars: { why: messageIn(m.whyIn ?? m.why, textLang(scan.unit.text)), suggestion: preferred } };
        }),
      );
    });
  },
};
