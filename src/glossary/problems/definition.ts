// missing-definition: a term without a definition, or without one in zh-Hans or English;
// missing-language: a definition written in the other language.
import { HAN } from '../../text/script.js';
import { problemAt, str, type GlossaryProblem, type TermCheck } from './problem.js';

const LATIN = /[A-Za-z]/;

/** English prose: Latin letters, and Han characters (quoted terms) in at most a third of it. */
const isEnglish = (text: string) => LATIN.test(text) && !(HAN.test(text) && (text.match(/\p{Script=Han}/gu)?.length ?? 0) > text.length / 3);

export const definition = {
  kind: 'missing-definition',
  term(entry) {
    const { id } = entry;
    const def = entry.raw.definition as { 'zh-Hans'?: unknown; en?: unknown } | undefined;
    if (!def || typeof def !== 'object') {
      return [problemAt(entry, [], 'missing-definition', 'error', `term "${id}" has no definition`, 'Add `definition: {zh-Hans: …, en: …}`: agents must know what the term means.')];
    }
    const out: GlossaryProblem[] = [];
    const zh = str(def['zh-Hans']);
    const en = str(def.en);
    if (!zh) out.push(problemAt(entry, ['definition'], 'missing-definition', 'error', `term "${id}" has no zh-Hans definition`));
    else if (!HAN.test(zh)) out.push(problemAt(entry, ['definition', 'zh-Hans'], 'missing-language', 'error', `the zh-Hans definition of "${id}" is not Chinese`));
    if (!en) out.push(problemAt(entry, ['definition'], 'missing-definition', 'error', `term "${id}" has no English definition`));
    else if (!isEnglish(en)) out.push(problemAt(entry, ['definition', 'en'], 'missing-language', 'error', `the English definition of "${id}" is not English`));
    return out;
  },
} satisfies TermCheck;
