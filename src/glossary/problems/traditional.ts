// zh-Hant text that is not what Taiwan and Hong Kong agents read:
//   not-traditional   written in Simplified characters (a name, a definition, a plain wording)
//   conversion-only   a name that only converts the characters where Taiwan uses another word
//                     (软件 → 軟件, but Taiwan says 軟體)
import { problemAt, str, type Converters, type GlossaryProblem, type TermCheck, type TermEntry } from './problem.js';

/** Text in Simplified characters where Traditional ones were meant. */
const isSimplified = (text: string, cc: Converters) => cc.s2tw(text) !== text && cc.t2s(text) === text;

function name(entry: TermEntry, cc: Converters): GlossaryProblem[] {
  const { id } = entry;
  const { 'zh-Hans': zhHans, 'zh-Hant': zhHant } = entry.names;
  if (!zhHant || !zhHans) return [];
  if (isSimplified(zhHant, cc)) {
    return [
      problemAt(entry, ['zh-Hant'], 'not-traditional', 'warning', `the zh-Hant name of "${id}" is written in Simplified characters: "${zhHant}"`, `Write it in Traditional characters (OpenCC gives "${cc.s2twp(zhHans)}"), or leave it out to derive it.`),
    ];
  }
  const chars = new Set([cc.s2t(zhHans), cc.s2tw(zhHans), cc.s2hk(zhHans)]);
  const taiwan = cc.s2twp(zhHans);
  if (!chars.has(zhHant) || taiwan === cc.s2tw(zhHans)) return [];
  return [
    problemAt(
      entry,
      ['zh-Hant'],
      'conversion-only',
      'warning',
      `the zh-Hant name of "${id}" only converts the characters of "${zhHans}": "${zhHant}", but Taiwan says "${taiwan}"`,
      `Write the word Taiwan and Hong Kong agents use (OpenCC's Taiwan phrases give "${taiwan}"), or leave zh-Hant out to derive it.`,
    ),
  ];
}

/** zh-Hant prose (definition, plain wording) written in Simplified characters. */
function prose(entry: TermEntry, cc: Converters): GlossaryProblem[] {
  const { raw, id } = entry;
  const def = raw.definition && typeof raw.definition === 'object' ? (raw.definition as { 'zh-Hant'?: unknown }) : undefined;
  const plain = raw.plain && typeof raw.plain === 'object' ? (raw.plain as { 'zh-Hant'?: unknown }) : undefined;
  const out: GlossaryProblem[] = [];
  for (const [field, value] of [
    ['definition', str(def?.['zh-Hant'])],
    ['plain', str(plain?.['zh-Hant'])],
  ] as const) {
    if (value && isSimplified(value, cc)) {
      out.push(problemAt(entry, [field, 'zh-Hant'], 'not-traditional', 'warning', `the zh-Hant ${field} of "${id}" is written in Simplified characters`, 'Write it in Traditional characters, or leave it out to derive it with OpenCC.'));
    }
  }
  return out;
}

export const traditionalName = { kind: 'not-traditional', term: name } satisfies TermCheck;
export const traditionalProse = { kind: 'not-traditional', term: prose } satisfies TermCheck;
