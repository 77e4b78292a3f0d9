import type { Term } from '../glossary/model.js';
import { isTraditional } from '../text/script.js';
import type { Hit } from '../match/scan.js';
import { effectiveHits, messageIn, type CheckKind, type Report } from './kind.js';

const LATIN_ONLY = /^[\x00-\x7f\uff01-\uff5e\s]+$/;

// The script of the last text asked about: termIn is called once per misuse of an utterance, and
// measuring the whole utterance each time made 40,000 misuses on one line quadratic.
let lastText: string | undefined;
let lastTraditional = false;

/** The term as it should be written in text of this script and language. */
export function termIn(term: Term, text: string, sample: string): string {
  if (LATIN_ONLY.test(sample)) return term.en;
  if (text !== lastText) {
    lastText = text;
    lastTraditional = isTraditional(text);
  }
  return lastTraditional ? term['zh-Hant'] : term['zh-Hans'];
}

/**
 * Which hits lie inside a longer accepted form (无理由退货 inside 七日无理由退货), in one sweep
 * over both lists sorted by start, rather than every hit against every accepted form.
 */
function insideAccepted(hits: readonly Hit[], accepted: readonly Hit[]): Set<Hit> {
  const inside = new Set<Hit>();
  if (accepted.length === 0) return inside;
  const forms = [...accepted].sort((a, b) => a.normStart - b.normStart);
  let k = 0;
  let maxEndBefore = -1; // furthest end of a form starting before the hit
  let maxEndAt = -1; // furthest end of a form starting at the hit or before
  let lastStart = -1;
  for (const h of [...hits].sort((a, b) => a.normStart - b.normStart)) {
    // Every form seen so far starts at or before the previous hit's start: before this one, if later.
    if (h.normStart > lastStart) maxEndBefore = maxEndAt;
    lastStart = h.normStart;
    while (k < forms.length && forms[k]!.normStart <= h.normStart) {
      const f = forms[k++]!;
      if (f.normStart < h.normStart) maxEndBefore = Math.max(maxEndBefore, f.normEnd);
      maxEndAt = Math.max(maxEndAt, f.normEnd);
    }
    if (maxEndAt > h.normEnd || maxEndBefore >= h.normEnd) inside.add(h);
  }
  return inside;
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
      return t.misuses.flatMap((m, k): Report[] => {
        const hits = scan.get(rule.index, `misuse:${k}`);
        const inside = insideAccepted(hits, accepted);
        return effectiveHits(
          hits.filter((h) => !inside.has(h)),
          scan.get(rule.index, `except:${k}`),
        ).map((h) => {
          const preferred = termIn(t, scan.unit.text, scan.unit.text.slice(h.start, h.end));
          const suggestions = [preferred, ...(m.alternatives ?? [])];
          return {
            unit,
            start: h.start,
            end: h.end,
            suggestions,
            fixable: suggestions.length === 1,
            vars: { why: messageIn(m.whyIn ?? m.why, scan.lang), suggestion: preferred },
          };
        });
      });
    });
  },
};
