// duplicate-term: two terms with the same name, or a variant of one that is another's name.
import { acceptedForms } from './forms.js';
import { problemAt, termRef, type BetweenCheck, type GlossaryProblem } from './problem.js';

export const duplicateTerm = {
  kind: 'duplicate-term',
  between(entries, cc) {
    const out: GlossaryProblem[] = [];
    for (const [, list] of acceptedForms(entries, cc)) {
      const [first, ...rest] = list;
      for (const f of rest) {
        if (f.entry === first!.entry) continue;
        out.push(
          problemAt(
            f.entry,
            f.path,
            'duplicate-term',
            'error',
            `the ${f.what} of "${f.entry.id}", "${f.text}", is also the ${first!.what} of "${first!.entry.id}" (${termRef(first!.entry)})`,
            'Merge the two terms, or keep the form in one of them.',
            first!.entry,
          ),
        );
      }
    }
    return out;
  },
} satisfies BetweenCheck;
