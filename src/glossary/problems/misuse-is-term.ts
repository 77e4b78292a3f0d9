// misuse-is-term: a misuse that is the preferred form or a variant of a term (its own or
// another's): aslint would flag, and --fix replace, the right word.
import { formOfMisuse, misuseProblems } from './forms.js';
import { problemAt, termRef, type BetweenCheck } from './problem.js';

export const misuseIsTerm = {
  kind: 'misuse-is-term',
  between: (entries, cc) =>
    misuseProblems(entries, cc, (e, m, forms) => {
      const hit = formOfMisuse(forms, m.text, cc);
      if (!hit) return undefined;
      const whose = hit.entry === e ? `its own ${hit.what}` : `the ${hit.what} of "${hit.entry.id}" (${termRef(hit.entry)})`;
      const hint = hit.entry === e ? 'Remove the misuse or the variant.' : 'Remove the misuse, or narrow it with a longer phrase.';
      return problemAt(e, ['misuses', m.index, 'text'], 'misuse-is-term', 'error', `misuse "${m.text}" of "${e.id}" is ${whose}; aslint would flag the right word`, hint, hit.entry);
    }),
} satisfies BetweenCheck;
