// missing-language: a term without its zh-Hans or English name, or with one written in the
// other language.
import { HAN } from '../../text/script.js';
import { problemAt, type TermCheck } from './problem.js';

export const names = {
  kind: 'missing-language',
  term(entry) {
    const { id } = entry;
    const { 'zh-Hans': zhHans, en } = entry.names;
    const out = [];
    if (!zhHans) out.push(problemAt(entry, [], 'missing-language', 'error', `term "${id}" has no zh-Hans name`, 'Add `zh-Hans:` with the Simplified Chinese term.'));
    else if (!HAN.test(zhHans)) out.push(problemAt(entry, ['zh-Hans'], 'missing-language', 'error', `the zh-Hans name of "${id}" is not Chinese: "${zhHans}"`));
    if (!en) out.push(problemAt(entry, [], 'missing-language', 'error', `term "${id}" has no English name`, 'Add `en:` with the English term.'));
    else if (HAN.test(en)) out.push(problemAt(entry, ['en'], 'missing-language', 'error', `the English name of "${id}" is written in Chinese: "${en}"`));
    return out;
  },
} satisfies TermCheck;
