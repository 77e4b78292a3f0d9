// misuse-is-term: a misuse that is the preferred form or a variant of a term (its own or
// another's): aslint would flag, and --fix replace, the right word.
import { acceptedForms, formOfMisuse } from './forms.js';
import { problemAt, termRef, type BetweenCheck, type GlossaryProblem } from './problem.js';

export const misuseIsTerm = {
  kind: 'misuse-is-term',
  between(entries, cc) {
    const forms = acceptedForms(entries, cc);
    const out: GlossaryProblem[] = [];
    for (const e of entries) {
      for (const m of e.misuses) {
        const hit = formOfMisuse(forms, m.text, cc);
        if (!hit) continue;
        const whose = hit.entry === e ? `its own ${hit.what}` : `the ${hit.what} of "${hit.entry.id}" (${termRef(hit.entry)})`;
        out.push(
          problemAt(
            e,
            ['misuses', m.index, 'text'],
            'misuse-is-term',
            'error',
            `misuse "${m.text}" of "${e.id}" is ${whose}; aslint would flag the right word`,
            hit.entry === e ? 'Remove the misuse or the variant.' : 'Remove the misuse, or narrow it with a longer phrase.',
            hit.entry,
          ),
        );
      }
    }
    return out;
  },
} satisfies BetweenCheck;
