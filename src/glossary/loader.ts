import { readYamlFile, validate } from '../yaml/file.js';
import { glossarySchema } from './schema.js';
import { regionalForms } from '../text/variants.js';
import { InputError } from '../core/types.js';
import type { Category, Glossary, Lang, Misuse, PinnedExample, Register, Term } from './model.js';
import { duplicateId } from './problems/duplicate-id.js';
import { termEntry } from './problems/entries.js';
import { plainWording } from './problems/plain-wording.js';
import type { TermEntry } from './problems/problem.js';

interface RawTerm {
  id: string;
  'zh-Hans': string;
  'zh-Hant'?: string;
  en: string;
  definition: { 'zh-Hans': string; 'zh-Hant'?: string; en: string };
  variants?: string[];
  misuses?: (Omit<Misuse, 'why' | 'whyIn'> & { why: string | Partial<Record<Lang, string>> })[];
  register?: Register;
  plain?: string | { 'zh-Hans': string; 'zh-Hant'?: string; en?: string };
  source?: string;
  examples?: { good?: string[]; bad?: (string | PinnedExample)[] };
}

/** Loads glossary files in order; term ids are unique across all of them. */
export async function loadGlossary(files: readonly string[]): Promise<Glossary> {
  const terms: Term[] = [];
  const entries: TermEntry[] = [];
  const toDerive = new Set<string>();
  for (const path of files) {
    const file = readYamlFile(path);
    validate(file, file.data, glossarySchema, [], 'glossary');
    const data = file.data as { category: Category; terms: RawTerm[] };
    data.terms.forEach((raw, i) => {
      const where = file.positionOf(['terms', i]);
      // The checks `aslint glossary check` makes that the loader cannot go on after.
      entries.push(termEntry(file, i, raw));
      const [problem] = [...duplicateId.between(entries), ...plainWording.term(entries.at(-1)!)].filter((p) => p.severity === 'error');
      if (problem) throw new InputError(problem.message, problem.file, problem.line, problem.column, problem.hint);
      const misuses: Misuse[] = (raw.misuses ?? []).map(({ why, ...m }) =>
        typeof why === 'string' ? { ...m, why } : { ...m, why: why['zh-Hans'] ?? why.en ?? why['zh-Hant'] ?? '', whyIn: why },
      );
      const good = raw.examples?.good ?? [];
      const bad = raw.examples?.bad ?? [];
      // Examples are optional: `aslint test` lists terms without them (and `--strict` fails on them).
      const plain = typeof raw.plain === 'string' ? { 'zh-Hans': raw.plain } : raw.plain;
      for (const s of [raw['zh-Hans'], raw.definition['zh-Hans'], plain?.['zh-Hans']]) if (s) toDerive.add(s);
      terms.push({
        id: raw.id,
        category: data.category,
        'zh-Hans': raw['zh-Hans'],
        'zh-Hant': raw['zh-Hant'] ?? '',
        zhHantGiven: raw['zh-Hant'] !== undefined,
        en: raw.en,
        definition: { ...raw.definition },
        variants: raw.variants ?? [],
        misuses,
        register: raw.register ?? 'any',
        plain: plain ? { ...plain } : undefined,
        source: raw.source,
        examples: { good, bad: bad.map((b) => (typeof b === 'string' ? b : b.text)) },
        badExamples: bad,
        exampleOrigins: {
          good: good.map((_, k) => ({ file: path, ...file.positionOf(['terms', i, 'examples', 'good', k]) })),
          bad: bad.map((_, k) => ({ file: path, ...file.positionOf(['terms', i, 'examples', 'bad', k]) })),
        },
        origin: { file: path, line: where.line, column: where.column },
      });
    });
  }
  // Traditional forms the files leave out are derived with OpenCC's Taiwan phrase converter.
  const forms = await regionalForms(toDerive);
  for (const t of terms) {
    if (!t.zhHantGiven) t['zh-Hant'] = forms.get(t['zh-Hans'])!.tw;
    t.definition['zh-Hant'] ??= forms.get(t.definition['zh-Hans'])!.tw;
    if (t.plain && !t.plain['zh-Hant']) t.plain['zh-Hant'] = forms.get(t.plain['zh-Hans'])!.tw;
  }
  return { terms, files: [...files] };
}
