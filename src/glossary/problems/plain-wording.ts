// missing-language: a formal term (register: formal) without a plain wording to say to a
// customer instead (an error, and the loader refuses the glossary), or without one in English.
import { HAN } from '../../text/script.js';
import { problemAt, str, type GlossaryProblem, type TermCheck, type TermEntry } from './problem.js';

const NO_ENGLISH_HINT = 'Write `plain: {zh-Hans: …, en: …}`.';

export const plainWording = {
  kind: 'missing-language',
  term(entry: TermEntry): GlossaryProblem[] {
    const { raw, id } = entry;
    if (raw.register !== 'formal') return [];
    if (raw.plain === undefined) return [problemAt(entry, ['register'], 'missing-language', 'error', `formal term "${id}" has no plain wording`, 'Add `plain:` with what to say to a customer instead.')];
    // A plain wording in Chinese only: the English handout has nothing to say plainly.
    const chineseOnly = typeof raw.plain === 'string' || (typeof raw.plain === 'object' && raw.plain !== null && !str((raw.plain as { en?: unknown }).en) && !HAN.test(entry.names.en ?? ''));
    return chineseOnly ? [problemAt(entry, ['plain'], 'missing-language', 'warning', `formal term "${id}" has no English plain wording`, NO_ENGLISH_HINT)] : [];
  },
} satisfies TermCheck;
