// duplicate-id: two terms with one id, in one file or across the files used together (the loader
// refuses the glossary).
import { problemAt, termRef, type BetweenCheck, type GlossaryProblem, type TermEntry } from './problem.js';

export const duplicateId = {
  kind: 'duplicate-id',
  between(entries: readonly TermEntry[]): GlossaryProblem[] {
    const byId = new Map<string, TermEntry>();
    const out: GlossaryProblem[] = [];
    for (const e of entries) {
      if (e.id.startsWith('#')) continue;
      const first = byId.get(e.id);
      if (first) out.push(problemAt(e, ['id'], 'duplicate-id', 'error', `duplicate term id "${e.id}" (first defined at ${termRef(first)})`, 'Give each term its own id.', first));
      else byId.set(e.id, e);
    }
    return out;
  },
} satisfies BetweenCheck;
