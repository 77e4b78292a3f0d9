// `aslint glossary check`: problems in glossary files that the loader does not stop at, or
// stops at one at a time. It reads the YAML itself (so it reports every problem at once, with
// its line), then compares the terms with each other:
//   duplicate-id        two terms with one id
//   duplicate-term      two terms with the same name, or a variant of one that is another's name
//   misuse-is-term      a misuse that is the preferred form or a variant of a term: aslint would
//                       flag the right word
//   misuse-in-term      a misuse inside another term's name, with no `except` for it
//   missing-language    a name, definition or plain wording missing in a language, or written
//                       in the wrong one
//   missing-definition  no definition
//   missing-examples    misuses without a good and a bad example in their language
//   conversion-only     a zh-Hant name that only converts the characters where Taiwan uses
//                       another word (软件 → 軟件, but Taiwan says 軟體)
//   not-traditional     a zh-Hant form written in Simplified characters
//   invalid             anything else the schema rejects
import { glossarySchema } from './schema.js';
import { parseYaml, readYamlText, validate, type YamlFile } from '../yaml/file.js';
import { normalizeText } from '../text/normalize.js';
import { openccConverters, type Convert } from '../text/opencc.js';
import { HAN } from '../text/script.js';
import { InputError } from '../core/types.js';
import { CATEGORIES } from './model.js';

export type ProblemSeverity = 'error' | 'warning';

export interface GlossaryProblem {
  kind: string;
  severity: ProblemSeverity;
  message: string;
  hint?: string;
  file: string;
  line: number;
  column: number;
  termId?: string;
  /** The file of the other term in a problem between two terms. */
  relatedFile?: string;
}

interface RawMisuse {
  text?: unknown;
  why?: unknown;
  except?: unknown;
}

interface RawTerm {
  id?: unknown;
  'zh-Hans'?: unknown;
  'zh-Hant'?: unknown;
  en?: unknown;
  definition?: { 'zh-Hans'?: unknown; 'zh-Hant'?: unknown; en?: unknown } | unknown;
  variants?: unknown;
  misuses?: unknown;
  register?: unknown;
  plain?: unknown;
  examples?: { good?: unknown; bad?: unknown } | unknown;
}

/** A term as read, with where it is. */
interface Entry {
  file: YamlFile;
  index: number;
  raw: RawTerm;
  id: string;
  names: { lang: 'zh-Hans' | 'zh-Hant' | 'en'; text: string }[];
  variants: string[];
  misuses: { text: string; except: string[]; index: number }[];
}

interface Converters {
  s2t: Convert;
  s2tw: Convert;
  s2twp: Convert;
  s2hk: Convert;
  t2s: Convert;
}

async function converters(): Promise<Converters> {
  const convert = await openccConverters();
  return { s2t: convert('cn', 't'), s2tw: convert('cn', 'tw'), s2twp: convert('cn', 'twp'), s2hk: convert('cn', 'hk'), t2s: convert('tw', 'cn') };
}

const LATIN = /[A-Za-z]/;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const key = (s: string) => normalizeText(s).replace(/\s+/g, ' ').trim();

export interface CheckSource {
  path: string;
  /** The file's text; read from disk when left out. */
  text?: string;
}

export interface CheckOptions {
  /**
   * The rest of the glossary the files will be used with (the bundled and configured files):
   * the files are checked against it, and its own problems are not reported.
   */
  context?: readonly CheckSource[];
}

/** Checks glossary files together (ids and terms must be unique across them), and against their context. */
export async function checkGlossary(sources: readonly CheckSource[], options: CheckOptions = {}): Promise<GlossaryProblem[]> {
  let problems: GlossaryProblem[] = [];
  const cc = await converters();
  const entries: Entry[] = [];
  const checked = new Set(sources.map((s) => s.path));
  const context = (options.context ?? []).filter((c) => !checked.has(c.path));
  // Context first: a clash is reported on the file being checked, as the later definition.
  for (const src of [...context, ...sources]) {
    let text = src.text;
    if (text === undefined) text = readYamlText(src.path);
    const file = parseYaml(src.path, text);
    entries.push(...readFile(file, problems, cc));
  }
  crossCheck(entries, problems, cc);
  problems = problems.filter((p) => checked.has(p.file) || (p.relatedFile !== undefined && checked.has(p.relatedFile)));
  const order = new Map([...sources, ...context].map((s, i) => [s.path, i]));
  return problems.sort((a, b) => (order.get(a.file)! - order.get(b.file)!) || a.line - b.line || a.column - b.column);
}

function readFile(file: YamlFile, problems: GlossaryProblem[], cc: Converters): Entry[] {
  const at = (path: (string | number)[], kind: string, severity: ProblemSeverity, message: string, hint?: string, termId?: string) => {
    const pos = file.positionOf(path);
    problems.push({ kind, severity, message, hint, file: file.path, line: pos.line, column: pos.column, termId });
  };
  const data = file.data as { category?: unknown; terms?: unknown } | null;
  if (!data || typeof data !== 'object') {
    at([], 'invalid', 'error', 'a glossary file is a mapping with `category` and `terms`');
    return [];
  }
  if (!(CATEGORIES as readonly unknown[]).includes(data.category)) at(['category'], 'invalid', 'error', `category must be one of: ${CATEGORIES.join(', ')}`);
  if (!Array.isArray(data.terms)) {
    at(['terms'], 'invalid', 'error', '`terms` must be a list of terms');
    return [];
  }
  // The schema's own complaints, except the missing keys reported below with better words.
  try {
    validate(file, data, glossarySchema, [], 'glossary');
  } catch (e) {
    if (e instanceof InputError && !/missing required key/.test(e.message)) {
      problems.push({ kind: 'invalid', severity: 'error', message: e.message, hint: e.hint, file: file.path, line: e.line ?? 1, column: e.column ?? 1 });
    }
  }
  const out: Entry[] = [];
  (data.terms as unknown[]).forEach((value, i) => {
    if (!value || typeof value !== 'object') return;
    const raw = value as RawTerm;
    const id = str(raw.id) ?? `#${i + 1}`;
    const p = (...rest: (string | number)[]) => ['terms', i, ...rest];
    const problem = (path: (string | number)[], kind: string, severity: ProblemSeverity, message: string, hint?: string) => at(path, kind, severity, message, hint, id);
    if (!str(raw.id)) problem(p(), 'invalid', 'error', `term ${id} has no id`, 'Give it an id: lower case letters, digits and dashes.');

    // Names
    const zhHans = str(raw['zh-Hans']);
    const zhHant = str(raw['zh-Hant']);
    const en = str(raw.en);
    if (!zhHans) problem(p(), 'missing-language', 'error', `term "${id}" has no zh-Hans name`, 'Add `zh-Hans:` with the Simplified Chinese term.');
    else if (!HAN.test(zhHans)) problem(p('zh-Hans'), 'missing-language', 'error', `the zh-Hans name of "${id}" is not Chinese: "${zhHans}"`);
    if (!en) problem(p(), 'missing-language', 'error', `term "${id}" has no English name`, 'Add `en:` with the English term.');
    else if (HAN.test(en)) problem(p('en'), 'missing-language', 'error', `the English name of "${id}" is written in Chinese: "${en}"`);
    if (zhHant && zhHans) {
      if (cc.s2tw(zhHant) !== zhHant && cc.t2s(zhHant) === zhHant) {
        problem(p('zh-Hant'), 'not-traditional', 'warning', `the zh-Hant name of "${id}" is written in Simplified characters: "${zhHant}"`, `Write it in Traditional characters (OpenCC gives "${cc.s2twp(zhHans)}"), or leave it out to derive it.`);
      } else {
        const chars = new Set([cc.s2t(zhHans), cc.s2tw(zhHans), cc.s2hk(zhHans)]);
        const taiwan = cc.s2twp(zhHans);
        if (chars.has(zhHant) && taiwan !== cc.s2tw(zhHans)) {
          problem(
            p('zh-Hant'),
            'conversion-only',
            'warning',
            `the zh-Hant name of "${id}" only converts the characters of "${zhHans}": "${zhHant}", but Taiwan says "${taiwan}"`,
            `Write the word Taiwan and Hong Kong agents use (OpenCC's Taiwan phrases give "${taiwan}"), or leave zh-Hant out to derive it.`,
          );
        }
      }
    }

    // Definition
    const def = raw.definition as { 'zh-Hans'?: unknown; 'zh-Hant'?: unknown; en?: unknown } | undefined;
    if (!def || typeof def !== 'object') {
      problem(p(), 'missing-definition', 'error', `term "${id}" has no definition`, 'Add `definition: {zh-Hans: …, en: …}`: agents must know what the term means.');
    } else {
      const dh = str(def['zh-Hans']);
      const de = str(def.en);
      if (!dh) problem(p('definition'), 'missing-definition', 'error', `term "${id}" has no zh-Hans definition`);
      else if (!HAN.test(dh)) problem(p('definition', 'zh-Hans'), 'missing-language', 'error', `the zh-Hans definition of "${id}" is not Chinese`);
      if (!de) problem(p('definition'), 'missing-definition', 'error', `term "${id}" has no English definition`);
      else if (!LATIN.test(de) || (HAN.test(de) && (de.match(/\p{Script=Han}/gu)?.length ?? 0) > de.length / 3)) {
        problem(p('definition', 'en'), 'missing-language', 'error', `the English definition of "${id}" is not English`);
      }
    }

    // zh-Hant prose written in Simplified characters (definition, plain wording)
    const plainObj = raw.plain && typeof raw.plain === 'object' ? (raw.plain as { 'zh-Hant'?: unknown }) : undefined;
    for (const [path, value] of [
      [p('definition', 'zh-Hant'), def && typeof def === 'object' ? str(def['zh-Hant']) : undefined],
      [p('plain', 'zh-Hant'), str(plainObj?.['zh-Hant'])],
    ] as const) {
      if (value && cc.s2tw(value) !== value && cc.t2s(value) === value) {
        problem([...path], 'not-traditional', 'warning', `the zh-Hant ${path[path.length - 2]} of "${id}" is written in Simplified characters`, 'Write it in Traditional characters, or leave it out to derive it with OpenCC.');
      }
    }

    // Plain wording
    if (raw.register === 'formal') {
      if (raw.plain === undefined) problem(p('register'), 'missing-language', 'error', `formal term "${id}" has no plain wording`, 'Add `plain:` with what to say to a customer instead.');
      else if (typeof raw.plain === 'object' && raw.plain && !str((raw.plain as { en?: unknown }).en) && !HAN.test(en ?? '')) {
        // a plain wording in Chinese only: the English handout has nothing to say plainly
        problem(p('plain'), 'missing-language', 'warning', `formal term "${id}" has no English plain wording`, 'Write `plain: {zh-Hans: …, en: …}`.');
      } else if (typeof raw.plain === 'string') {
        problem(p('plain'), 'missing-language', 'warning', `formal term "${id}" has no English plain wording`, 'Write `plain: {zh-Hans: …, en: …}`.');
      }
    }

    // Misuses and examples
    const misuses = Array.isArray(raw.misuses) ? (raw.misuses as RawMisuse[]) : [];
    const examples = (raw.examples ?? {}) as { good?: unknown; bad?: unknown };
    const good = strs(examples.good);
    // A bad example may be pinned: {text, flags, fix}.
    const bad = strs(Array.isArray(examples.bad) ? examples.bad.map((b: unknown) => (typeof b === 'object' && b !== null && 'text' in b ? b.text : b)) : []);
    const scriptOf = (s: string) => (HAN.test(s) ? 'Chinese' : 'English');
    const langs = new Set(misuses.map((m) => str(m?.text)).filter((s): s is string => !!s).map(scriptOf));
    for (const lang of langs) {
      const g = good.some((s) => scriptOf(s) === lang);
      const b = bad.some((s) => scriptOf(s) === lang);
      if (!g || !b) {
        const missing = [g ? '' : 'good', b ? '' : 'bad'].filter((x) => x).join(' and ');
        // A warning: the loader accepts a term without examples (`aslint test` lists it).
        problem(p('misuses'), 'missing-examples', 'warning', `term "${id}" has ${lang} misuses but no ${missing} ${lang} example`, 'Add examples in that language so `aslint test` checks the misuses.');
      }
    }
    misuses.forEach((m, j) => {
      if (!str(m?.text)) problem(p('misuses', j), 'invalid', 'error', `misuse ${j + 1} of "${id}" has no text`);
      const why = m?.why && typeof m.why === 'object' ? Object.values(m.why as Record<string, unknown>).find((x) => str(x)) : m?.why;
      if (!str(why)) problem(p('misuses', j), 'missing-definition', 'error', `misuse "${str(m?.text) ?? j + 1}" of "${id}" has no reason`, 'Add `why:`: the handout and the finding tell agents why the word is wrong.');
    });

    out.push({
      file,
      index: i,
      raw,
      id,
      names: [
        ...(zhHans ? [{ lang: 'zh-Hans' as const, text: zhHans }] : []),
        ...(zhHant ? [{ lang: 'zh-Hant' as const, text: zhHant }] : zhHans ? [{ lang: 'zh-Hant' as const, text: cc.s2twp(zhHans) }] : []),
        ...(en ? [{ lang: 'en' as const, text: en }] : []),
      ],
      variants: strs(raw.variants),
      misuses: misuses.flatMap((m, index) => (str(m?.text) ? [{ text: m.text as string, except: strs(m.except), index }] : [])),
    });
  });
  return out;
}

function crossCheck(entries: Entry[], problems: GlossaryProblem[], cc: Converters): void {
  const where = (e: Entry, path: (string | number)[] = []) => e.file.positionOf(['terms', e.index, ...path]);
  const ref = (e: Entry) => {
    const pos = where(e);
    return `${e.file.path}:${pos.line}:${pos.column}`;
  };
  const push = (e: Entry, path: (string | number)[], kind: string, severity: ProblemSeverity, message: string, hint?: string, other?: Entry) => {
    const pos = where(e, path);
    problems.push({ kind, severity, message, hint, file: e.file.path, line: pos.line, column: pos.column, termId: e.id, ...(other && other.file !== e.file ? { relatedFile: other.file.path } : {}) });
  };

  // Ids
  const byId = new Map<string, Entry>();
  for (const e of entries) {
    if (e.id.startsWith('#')) continue;
    const first = byId.get(e.id);
    if (first) push(e, ['id'], 'duplicate-id', 'error', `duplicate term id "${e.id}" (first defined at ${ref(first)})`, 'Give each term its own id.', first);
    else byId.set(e.id, e);
  }

  // Every accepted form (names, variants), folded: 售後 and 售后 are one form.
  interface Form {
    entry: Entry;
    text: string;
    what: string;
    path: (string | number)[];
  }
  const forms = new Map<string, Form[]>();
  for (const e of entries) {
    const own = new Set<string>();
    const add = (text: string, what: string, path: (string | number)[]) => {
      const k = key(text);
      if (!k || own.has(k)) return;
      own.add(k);
      forms.set(k, [...(forms.get(k) ?? []), { entry: e, text, what, path }]);
    };
    for (const n of e.names) add(n.text, `${n.lang} name`, [n.lang]);
    // Taiwan's phrase form of the name is accepted too (the matcher expands it).
    const zh = e.names.find((n) => n.lang === 'zh-Hans');
    if (zh) add(cc.s2twp(zh.text), 'Taiwan form', ['zh-Hans']);
    e.variants.forEach((v, i) => add(v, 'variant', ['variants', i]));
  }
  for (const [, list] of forms) {
    if (list.length < 2) continue;
    const [first, ...rest] = list;
    for (const f of rest) {
      if (f.entry === first!.entry) continue;
      push(
        f.entry,
        f.path,
        'duplicate-term',
        'error',
        `the ${f.what} of "${f.entry.id}", "${f.text}", is also the ${first!.what} of "${first!.entry.id}" (${ref(first!.entry)})`,
        'Merge the two terms, or keep the form in one of them.',
        first!.entry,
      );
    }
  }

  // Misuses against accepted forms
  const allForms = [...forms.entries()];
  for (const e of entries) {
    for (const m of e.misuses) {
      const k = key(m.text);
      const keys = new Set([k, key(cc.s2twp(cc.t2s(m.text)))]);
      const hit = [...keys].flatMap((x) => forms.get(x) ?? [])[0];
      if (hit) {
        const whose = hit.entry === e ? `its own ${hit.what}` : `the ${hit.what} of "${hit.entry.id}" (${ref(hit.entry)})`;
        push(
          e,
          ['misuses', m.index, 'text'],
          'misuse-is-term',
          'error',
          `misuse "${m.text}" of "${e.id}" is ${whose}; aslint would flag the right word`,
          hit.entry === e ? 'Remove the misuse or the variant.' : 'Remove the misuse, or narrow it with a longer phrase.',
          hit.entry,
        );
        continue;
      }
      const excepts = m.except.map(key);
      for (const [fk, list] of allForms) {
        if (fk === k || !fk.includes(k)) continue;
        if (excepts.some((x) => x.includes(k) && fk.includes(x))) continue;
        const f = list.find((x) => x.entry !== e);
        if (!f) continue;
        push(
          e,
          ['misuses', m.index, 'text'],
          'misuse-in-term',
          'warning',
          `misuse "${m.text}" of "${e.id}" is part of the ${f.what} of "${f.entry.id}", "${f.text}" (${ref(f.entry)}): aslint may flag that term`,
          `Add it to the misuse's except list: except: [${f.text}]`,
          f.entry,
        );
        break;
      }
    }
  }
}

/** The problems as a person reads them, grouped by file. */
export function formatProblems(problems: readonly GlossaryProblem[], cwd = process.cwd()): string {
  if (problems.length === 0) return '';
  const rel = (p: string) => (p.startsWith(cwd + '/') ? p.slice(cwd.length + 1) : p);
  const out: string[] = [];
  let file = '';
  for (const p of problems) {
    if (p.file !== file) {
      if (file) out.push('');
      file = p.file;
      out.push(rel(file));
    }
    out.push(`  ${`${p.line}:${p.column}`.padEnd(8)}${p.severity.padEnd(9)}${p.message}  ${p.kind}`);
    if (p.hint) out.push(`  ${' '.repeat(17)}${p.hint}`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  out.push('', `✖ ${problems.length} problem${problems.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`);
  return out.join('\n') + '\n';
}
