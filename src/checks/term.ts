import type { Misuse, Term } from '../glossary/model.js';
import { TRADITIONAL } from '../match/scope.js';
import type { Hit } from '../match/scan.js';
import { effectiveHits, messageIn, report, type CheckKind, type Report } from './kind.js';

const LATIN_ONLY = /^[\x00-\x7f\uff01-\uff5e\s]+$/;

/** The term as it should be written in text of this script (a script code: textScript) and language. */
export function termIn(term: Term, script: number, sample: string): string {
  if (LATIN_ONLY.test(sample)) return term.en;
  return script & TRADITIONAL ? term['zh-Hant'] : term['zh-Hans'];
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

/** A misuse with its slot names and its suggestions, made once per rule, not per hit. */
interface CompiledMisuse {
  misuse: Misuse;
  slot: string;
  exceptSlot: string;
  /** The suggestions by preferred form (a term has three): one shared list for all its findings. */
  suggestions: Map<string, string[]>;
}

interface TermData {
  term: Term;
  misuses: CompiledMisuse[];
}

export const term: CheckKind<TermData> = {
  name: 'term',
  summary:
    'A glossary misuse in an agent’s turn or a canned reply. The suggestion is the preferred term in the script the text is written in; it is fixed automatically when the misuse stands for one term only.',
  properties: null,
  required: [],
  defaultMessage: { 'zh-Hans': '“{text}”应为“{suggestion}”：{why}', en: '“{text}” should be “{suggestion}”: {why}' },
  compile(spec, index, patterns) {
    const t = spec.term!;
    const misuses = t.misuses.map((m, k): CompiledMisuse => {
      const misuse = { misuse: m, slot: `misuse:${k}`, exceptSlot: `except:${k}`, suggestions: new Map<string, string[]>() };
      patterns.addPhrase(index, misuse.slot, m.text);
      for (const e of m.except ?? []) patterns.addPhrase(index, misuse.exceptSlot, e, { boundary: 'none' });
      return misuse;
    });
    for (const accepted of [t['zh-Hans'], t['zh-Hant'], t.en, ...t.variants]) {
      patterns.addPhrase(index, 'accepted', accepted, { boundary: 'none' });
    }
    return { term: t, misuses };
  },
  check(rule, { units, hitUnits }) {
    const { term: t, misuses } = rule.data;
    const reports: Report[] = [];
    for (const unit of hitUnits[rule.index]!) {
      const scan = units[unit]!;
      if (scan.unit.role !== 'agent') continue;
      // Most turns where a term rule has a hit hold its accepted forms, not a misuse (measured:
      // no finding in 6,828 term checks of a 4 MiB export): nothing is done for those.
      let accepted: readonly Hit[] | undefined;
      for (const m of misuses) {
        if (!scan.mayHave(rule.index, m.slot)) continue;
        let hits = scan.get(rule.index, m.slot);
        if (hits.length === 0) continue;
        // A misuse inside an accepted form (无理由退货 inside 七日无理由退货) is that form, not a misuse.
        accepted ??= scan.get(rule.index, 'accepted');
        if (accepted.length > 0) {
          const inside = insideAccepted(hits, accepted);
          if (inside.size > 0) hits = hits.filter((h) => !inside.has(h));
        }
        for (const h of effectiveHits(hits, scan.get(rule.index, m.exceptSlot))) {
          const preferred = termIn(t, scan.script, scan.unit.text.slice(h.start, h.end));
          let suggestions = m.suggestions.get(preferred);
          if (!suggestions) m.suggestions.set(preferred, (suggestions = [preferred, ...(m.misuse.alternatives ?? [])]));
          reports.push(
            report(unit, h.start, h.end, {
              suggestions,
              fixable: suggestions.length === 1,
              vars: { why: messageIn(m.misuse.whyIn ?? m.misuse.why, scan.lang), suggestion: preferred },
            }),
          );
        }
      }
    }
    return reports;
  },
};
