// missing-examples: misuses in a language (Chinese, English) without a good and a bad example in
// it, so `aslint test` cannot check them. A warning: the loader accepts a term without examples.
import { HAN } from '../../text/script.js';
import { problemAt, str, strs, type GlossaryProblem, type RawMisuse, type TermCheck } from './problem.js';

const scriptOf = (s: string) => (HAN.test(s) ? 'Chinese' : 'English');

export const examples = {
  kind: 'missing-examples',
  term(entry) {
    const { raw, id } = entry;
    const misuses = Array.isArray(raw.misuses) ? (raw.misuses as RawMisuse[]) : [];
    const given = (raw.examples ?? {}) as { good?: unknown; bad?: unknown };
    const good = strs(given.good);
    // A bad example may be pinned: {text, flags, fix}.
    const bad = strs(Array.isArray(given.bad) ? given.bad.map((b: unknown) => (typeof b === 'object' && b !== null && 'text' in b ? b.text : b)) : []);
    const langs = new Set(misuses.map((m) => str(m?.text)).filter((s): s is string => !!s).map(scriptOf));
    const out: GlossaryProblem[] = [];
    for (const lang of langs) {
      const g = good.some((s) => scriptOf(s) === lang);
      const b = bad.some((s) => scriptOf(s) === lang);
      if (g && b) continue;
      const missing = [g ? '' : 'good', b ? '' : 'bad'].filter((x) => x).join(' and ');
      out.push(problemAt(entry, ['misuses'], 'missing-examples', 'warning', `term "${id}" has ${lang} misuses but no ${missing} ${lang} example`, 'Add examples in that language so `aslint test` checks the misuses.'));
    }
    return out;
  },
} satisfies TermCheck;
