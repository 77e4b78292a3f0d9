// misuse-in-term: a misuse inside another term's accepted form with no `except` for it: aslint
// may flag that term. (A misuse that is a whole form is misuse-is-term's.)
import { formKey, formOfMisuse, misuseProblems } from './forms.js';
import { problemAt, termRef, type BetweenCheck } from './problem.js';

export const misuseInTerm = {
  kind: 'misuse-in-term',
  between: (entries, cc) =>
    misuseProblems(entries, cc, (e, m, forms) => {
      if (formOfMisuse(forms, m.text, cc)) return undefined;
      const k = formKey(m.text);
      const excepts = m.except.map(formKey);
      for (const [fk, list] of forms) {
        if (fk === k || !fk.includes(k)) continue;
        if (excepts.some((x) => x.includes(k) && fk.includes(x))) continue;
        const f = list.find((x) => x.entry !== e);
        if (!f) continue;
        return problemAt(
          e,
          ['misuses', m.index, 'text'],
          'misuse-in-term',
          'warning',
          `misuse "${m.text}" of "${e.id}" is part of the ${f.what} of "${f.entry.id}", "${f.text}" (${termRef(f.entry)}): aslint may flag that term`,
          `Add it to the misuse's except list: except: [${f.text}]`,
          f.entry,
        );
      }
      return undefined;
    }),
} satisfies BetweenCheck;
