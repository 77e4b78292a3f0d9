// missing-definition: a misuse without a reason (`why`, in any language): the handout and the
// finding tell agents why the word is wrong.
import { problemAt, str, type RawMisuse, type TermCheck } from './problem.js';

export const misuseReason = {
  kind: 'missing-definition',
  term(entry) {
    const misuses = Array.isArray(entry.raw.misuses) ? (entry.raw.misuses as RawMisuse[]) : [];
    return misuses.flatMap((m, j) => {
      const why = m?.why && typeof m.why === 'object' ? Object.values(m.why as Record<string, unknown>).find((x) => str(x)) : m?.why;
      if (str(why)) return [];
      return [problemAt(entry, ['misuses', j], 'missing-definition', 'error', `misuse "${str(m?.text) ?? j + 1}" of "${entry.id}" has no reason`, 'Add `why:`: the handout and the finding tell agents why the word is wrong.')];
    });
  },
} satisfies TermCheck;
