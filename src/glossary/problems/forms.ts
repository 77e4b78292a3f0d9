// Every form a glossary accepts (names, the Taiwan form of the zh-Hans name, variants), folded
// (售後 and 售后 are one form): what duplicate-term and the misuse checks compare with.
import { normalizeText } from '../../text/normalize.js';
import type { Converters, GlossaryProblem, TermEntry } from './problem.js';

export interface AcceptedForm {
  entry: TermEntry;
  text: string;
  /** What the form is to its term: "zh-Hans name", "variant" … */
  what: string;
  /** Where it is, below the term. */
  path: (string | number)[];
}

/** A form as compared: folded, white space collapsed. */
export const formKey = (s: string) => normalizeText(s).replace(/\s+/g, ' ').trim();

/** The accepted forms by key, each list in load order (a term's own repeats left out). */
export function acceptedForms(entries: readonly TermEntry[], cc: Converters): Map<string, AcceptedForm[]> {
  const forms = new Map<string, AcceptedForm[]>();
  for (const e of entries) {
    const own = new Set<string>();
    const add = (text: string, what: string, path: (string | number)[]) => {
      const k = formKey(text);
      if (!k || own.has(k)) return;
      own.add(k);
      forms.set(k, [...(forms.get(k) ?? []), { entry: e, text, what, path }]);
    };
    const { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en } = e.names;
    if (zhHans) add(zhHans, 'zh-Hans name', ['zh-Hans']);
    // A zh-Hant name left out is derived with Taiwan's phrases.
    const hant = zhHant ?? (zhHans ? cc.s2twp(zhHans) : undefined);
    if (hant) add(hant, 'zh-Hant name', ['zh-Hant']);
    if (en) add(en, 'en name', ['en']);
    // Taiwan's phrase form of the name is accepted too (the matcher expands it).
    if (zhHans) add(cc.s2twp(zhHans), 'Taiwan form', ['zh-Hans']);
    e.variants.forEach((v, i) => add(v, 'variant', ['variants', i]));
  }
  return forms;
}

/** The accepted form a misuse is (as written, or as Taiwan writes it), if any. */
export function formOfMisuse(forms: ReadonlyMap<string, AcceptedForm[]>, text: string, cc: Converters): AcceptedForm | undefined {
  const keys = new Set([formKey(text), formKey(cc.s2twp(cc.t2s(text)))]);
  return [...keys].flatMap((x) => forms.get(x) ?? [])[0];
}

/** Each misuse of every term judged against the accepted forms of all: what the misuse checks share. */
export function misuseProblems(
  entries: readonly TermEntry[],
  cc: Converters,
  judge: (entry: TermEntry, misuse: TermEntry['misuses'][number], forms: ReadonlyMap<string, AcceptedForm[]>) => GlossaryProblem | undefined,
): GlossaryProblem[] {
  const forms = acceptedForms(entries, cc);
  return entries.flatMap((e) => e.misuses.flatMap((m) => judge(e, m, forms) ?? []));
}
