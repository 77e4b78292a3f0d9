// `aslint glossary import`: a company's term base (TBX or the CSV of `aslint handout --format
// csv`) → aslint glossary YAML, one document per category. An export of all languages imports
// back to the same glossary: a zh-Hant form equal to what OpenCC derives is left out (it is
// derived again), and list items return to their places.
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Document, isScalar, visit } from 'yaml';
import { regionalForms } from '../text/variants.js';
import { InputError } from '../types.js';
import { CATEGORIES, LANGS, type Category, type Lang, type Register } from './model.js';
import { CSV_COLUMNS, ITEM_SEPARATOR } from './handout/csv.js';
import { NOTE } from './handout/tbx.js';

type PerLang = Partial<Record<Lang, string>>;

/** An item of a list with the index the export gave it (TBX ids), when known. */
interface Placed<T> {
  value: T;
  index?: number;
}

interface ImportedMisuse {
  text: string;
  why?: string;
  except: string[];
  alternatives: string[];
}

export interface ImportedTerm {
  id: string;
  category?: Category;
  names: PerLang;
  definition: PerLang;
  plain: PerLang;
  variants: Placed<string>[];
  misuses: Placed<ImportedMisuse>[];
  good: Placed<string>[];
  bad: Placed<string>[];
  register?: Register;
  source?: string;
  /** Where the term is in the imported file, for messages. */
  where: { file: string; line?: number; what: string };
}

export interface ImportOptions {
  /** The category of terms the file does not give one (or gives one aslint does not have). */
  category?: Category;
}

export interface ImportResult {
  /** One YAML document per category, in category order. */
  files: { category: Category; yaml: string; terms: number }[];
  notes: string[];
}

/** A language tag of a term base → the glossary's language. */
export function glossaryLang(tag: string): Lang | undefined {
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (/^zh(-hans)?(-(cn|sg|my))?$/.test(t) || /^zh-(cn|sg|my)$/.test(t) || t === 'zh-hans-cn') return 'zh-Hans';
  if (/^zh-hant(-(tw|hk|mo))?$/.test(t) || /^zh-(tw|hk|mo)$/.test(t)) return 'zh-Hant';
  if (/^en(-[a-z]+)?$/.test(t)) return 'en';
  return undefined;
}

/** A term id aslint accepts, made from the file's own id. */
export function toTermId(raw: string | undefined, fallback: string): string {
  const from = (s: string) =>
    s
      .replace(/^_(?=[0-9])/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return (raw ? from(raw) : '') || from(fallback) || 'term';
}

function asCategory(value: string | undefined, options: ImportOptions, where: string): Category {
  const v = value?.trim().toLowerCase();
  if (v && (CATEGORIES as readonly string[]).includes(v)) return v as Category;
  if (options.category) return options.category;
  throw new InputError(
    v ? `${where}: "${value}" is not an aslint category` : `${where}: no category`,
    undefined,
    undefined,
    undefined,
    `Pass --category ${CATEGORIES.join('|')} for the terms whose category is missing or unknown.`,
  );
}

const lines = (cell: string | undefined) => (cell ? cell.split(/\r?\n/).map((s) => s.trim()) : []);
const items = (cell: string | undefined) => lines(cell).filter((s) => s !== '');

// ---------------------------------------------------------------------------------------- CSV

const CSV_ALIASES: Record<string, string> = { language: 'lang', locale: 'lang', name: 'term', subject: 'category', 'subject field': 'category' };

export function parseCsvTermBase(text: string, file: string, options: ImportOptions = {}): ImportedTerm[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(`CSV: ${err.message}`, file, err.lines, 1, 'Fix the CSV at this line (quotes must be doubled inside a quoted cell).');
  }
  const header = rows.shift();
  if (!header) throw new InputError('the CSV file is empty', file, 1, 1);
  const cols = header.record.map((h) => {
    const k = h.trim().toLowerCase();
    return CSV_ALIASES[k] ?? k;
  });
  for (const need of ['lang', 'term']) {
    if (!cols.includes(need)) {
      throw new InputError(`the CSV has no "${need}" column`, file, 1, 1, `The columns are: ${CSV_COLUMNS.join(', ')} (as written by aslint handout --format csv).`);
    }
  }
  const terms = new Map<string, ImportedTerm>();
  for (const { record, info } of rows) {
    const row: Record<string, string> = {};
    // Lists keep their empty lines (a misuse without exceptions); the lines themselves are trimmed.
    cols.forEach((c, i) => (row[c] = (record[i] ?? '').replace(/^[ \t]+|[ \t]+$/g, '')));
    for (const c of ['id', 'category', 'lang', 'term', 'definition', 'plain', 'register', 'source']) if (row[c] !== undefined) row[c] = row[c].trim();
    if (Object.values(row).every((v) => v.trim() === '')) continue;
    const line = info.lines;
    const at = (message: string, hint?: string) => new InputError(message, file, line, 1, hint);
    const lang = glossaryLang(row.lang ?? '');
    if (!lang) throw at(`unknown language "${row.lang}"`, 'Use zh-Hans, zh-Hant or en (zh-CN, zh-TW, zh-HK and en-US are read too).');
    if (!row.term) throw at(`row without a term`);
    const key = row.id || row.term;
    let t = terms.get(key);
    if (!t) {
      t = {
        id: row.id ?? '',
        names: {},
        definition: {},
        plain: {},
        variants: [],
        misuses: [],
        good: [],
        bad: [],
        where: { file, line, what: `row of term "${key}"` },
      };
      terms.set(key, t);
    }
    const term = t;
    if (term.names[lang] !== undefined) throw at(`term "${key}" has two ${lang} rows`, 'Give each term one row per language.');
    term.names[lang] = row.term;
    if (row.definition) term.definition[lang] = row.definition;
    if (row.plain) term.plain[lang] = row.plain;
    const same = (name: 'category' | 'register' | 'source', value: string | undefined) => {
      if (!value) return;
      const before = term[name];
      if (before !== undefined && before !== value) throw at(`term "${key}": ${name} "${value}" differs from "${before}" in an earlier row`, `Give every row of a term the same ${name}.`);
      (term as unknown as Record<string, string>)[name] = value;
    };
    if (row.category) same('category', asCategory(row.category, options, `${file}:${line}`));
    if (row.register) {
      if (!['formal', 'plain', 'any'].includes(row.register)) throw at(`register "${row.register}" is not formal, plain or any`);
      same('register', row.register);
    }
    same('source', row.source);
    for (const v of items(row.variants)) term.variants.push({ value: v });
    for (const g of items(row.good)) term.good.push({ value: g });
    for (const b of items(row.bad)) term.bad.push({ value: b });
    const misuses = items(row.misuses);
    if (misuses.length > 0) {
      const why = lines(row.why);
      const except = lines(row.except);
      const alternatives = lines(row.alternatives);
      if (why.filter((w) => w).length > misuses.length) throw at(`term "${key}" has ${misuses.length} misuses but more reasons`, 'Write one reason per line, in the order of the misuses.');
      const split = (s: string | undefined) => (s ? s.split(ITEM_SEPARATOR.trim()).map((x) => x.trim()).filter((x) => x) : []);
      misuses.forEach((m, i) => term.misuses.push({ value: { text: m, why: why[i] || undefined, except: split(except[i]), alternatives: split(alternatives[i]) } }));
    }
  }
  return [...terms.values()].map((t) => {
    t.id = toTermId(t.id, t.names.en ?? t.names['zh-Hans'] ?? '');
    t.category ??= asCategory(undefined, options, `${file}:${t.where.line}: term "${t.id}"`);
    return t;
  });
}

// ---------------------------------------------------------------------------------------- TBX

type XmlNode = Record<string, unknown>;
const REPEATED = new Set(['termEntry', 'conceptEntry', 'langSet', 'langSec', 'tig', 'ntig', 'termSec', 'termGrp', 'descrip', 'descripGrp', 'termNote', 'note', 'admin', 'adminGrp', 'transacGrp', 'ref', 'xref']);

function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  const o = node as XmlNode;
  if ('#text' in o) return textOf(o['#text']);
  return Object.entries(o)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, v]) => textOf(v))
    .join('');
}
const attr = (node: unknown, name: string) => (node && typeof node === 'object' ? ((node as XmlNode)[`@_${name}`] as string | undefined) : undefined);
const kids = (node: unknown, name: string): unknown[] => (node && typeof node === 'object' ? (((node as XmlNode)[name] as unknown[] | undefined) ?? []) : []);

/** descrip elements of a node, also those inside descripGrp. */
function descrips(node: unknown, type: string): unknown[] {
  return [...kids(node, 'descrip'), ...kids(node, 'descripGrp').flatMap((g) => kids(g, 'descrip'))].filter((d) => attr(d, 'type') === type);
}
const termNotes = (node: unknown, type: string) =>
  [...kids(node, 'termNote'), ...kids(node, 'termNoteGrp').flatMap((g) => kids(g, 'termNote'))].filter((n) => attr(n, 'type') === type).map(textOf);
const admins = (node: unknown, type: string) =>
  [...kids(node, 'admin'), ...kids(node, 'adminGrp').flatMap((g) => kids(g, 'admin')), ...kids(node, 'descripGrp').flatMap((g) => kids(g, 'admin'))]
    .filter((n) => attr(n, 'type') === type)
    .map(textOf);

/** The index an aslint export wrote into an id: `entry.misuse3` → 3. */
function indexIn(id: string | undefined, kind: string): number | undefined {
  const m = id ? new RegExp(`\\.${kind}(\\d+)$`).exec(id) : null;
  return m ? Number(m[1]) : undefined;
}

export function parseTbxTermBase(text: string, file: string, options: ImportOptions = {}): ImportedTerm[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InputError(`not well-formed XML: ${valid.err.msg}`, file, valid.err.line, valid.err.col, 'Fix the XML at this place.');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parser.parse(text.replace(/^\uFEFF/, '')) as XmlNode;
  const root = (doc.martif ?? doc.tbx) as XmlNode | undefined;
  if (!root) throw new InputError('not a TBX file: the root element is neither <martif> nor <tbx>', file, 1, 1, 'Export the term base as TBX (ISO 30042).');
  const body = (root.text as XmlNode | undefined)?.body as XmlNode | undefined;
  const entries = [...kids(body, 'termEntry'), ...kids(body, 'conceptEntry')];
  const out: ImportedTerm[] = [];
  entries.forEach((entry, n) => {
    const rawId = attr(entry, 'id');
    const what = rawId ? `termEntry "${rawId}"` : `termEntry #${n + 1}`;
    const t: ImportedTerm = { id: rawId ?? '', names: {}, definition: {}, plain: {}, variants: [], misuses: [], good: [], bad: [], where: { file, what } };
    const subject = descrips(entry, 'subjectField').map(textOf)[0];
    t.category = asCategory(subject, options, `${file}: ${what}`);
    t.source = admins(entry, 'source')[0] || undefined;
    for (const set of [...kids(entry, 'langSet'), ...kids(entry, 'langSec')]) {
      const lang = glossaryLang(attr(set, 'xml:lang') ?? attr(set, 'lang') ?? '');
      if (!lang) continue;
      const def = descrips(set, 'definition').map(textOf)[0] ?? descrips(entry, 'definition').map(textOf)[0];
      if (def) t.definition[lang] = def;
      t.source ??= admins(set, 'source')[0] || undefined;
      // tig (TBX 2008), ntig/termGrp (TBX 2008 full), termSec (TBX 2019)
      const groups = [...kids(set, 'tig'), ...kids(set, 'termSec'), ...kids(set, 'ntig')];
      const groupOf = (g: unknown) => kids(g, 'termGrp')[0] ?? g;
      const statusOf = (g: unknown) => {
        const grp = groupOf(g);
        return [...termNotes(grp, 'administrativeStatus'), ...termNotes(grp, 'normativeAuthorization')][0]?.toLowerCase() ?? '';
      };
      const isPlain = (g: unknown) => /\.plain\.[A-Za-z-]+$/.test(attr(g, 'id') ?? '');
      // The term's name: the preferred term, else the first one that is not deprecated.
      let nameAt = groups.findIndex((g) => /preferred/.test(statusOf(g)) && !isPlain(g));
      if (nameAt < 0) nameAt = groups.findIndex((g) => !/deprecated|superseded/.test(statusOf(g)) && !isPlain(g));
      groups.forEach((g, gi) => {
        const grp = groupOf(g);
        const term = textOf((grp as XmlNode).term).trim();
        if (!term) return;
        const id = attr(g, 'id');
        const status = statusOf(g);
        const both = <T,>(f: (n: unknown) => T[]) => (grp === g ? f(g) : [...f(g), ...f(grp)]);
        const notes = both((n) => kids(n, 'note')).map(textOf);
        const contexts = both((n) => descrips(n, 'context'));
        const register = notes.find((x) => x.startsWith(NOTE.register))?.slice(NOTE.register.length).trim();
        if (register === 'formal' || register === 'plain' || register === 'any') t.register = register;
        const addContexts = (deprecated: boolean) => {
          for (const c of contexts) {
            const cid = attr(c, 'id');
            const bad = indexIn(cid, 'bad');
            if (bad !== undefined || deprecated) t.bad.push({ value: textOf(c), index: bad });
            else t.good.push({ value: textOf(c), index: indexIn(cid, 'good') });
          }
        };
        if (/deprecated|superseded/.test(status)) {
          const own = (prefix: string) => {
            const note = notes.find((x) => x.startsWith(prefix));
            return note ? note.slice(prefix.length).split('|').map((s) => s.trim()).filter((s) => s) : [];
          };
          const why = notes.find((x) => !Object.values(NOTE).some((p) => x.startsWith(p)));
          t.misuses.push({ value: { text: term, why, except: own(NOTE.except), alternatives: own(NOTE.alternatives) }, index: indexIn(id, 'misuse') });
          addContexts(true);
        } else if (isPlain(g)) {
          t.plain[lang] = term;
        } else if (gi === nameAt) {
          t.names[lang] = term;
          addContexts(false);
        } else {
          t.variants.push({ value: term, index: indexIn(id, 'variant') });
          addContexts(false);
        }
      });
    }
    t.id = toTermId(rawId, t.names.en ?? t.names['zh-Hans'] ?? `term-${n + 1}`);
    out.push(t);
  });
  return out;
}

// --------------------------------------------------------------------------------------- YAML

/** Items in the order the export gave them: by index when every item has one, else as read. */
function ordered<T>(list: Placed<T>[]): T[] {
  if (list.every((x) => x.index !== undefined)) return [...list].sort((a, b) => a.index! - b.index!).map((x) => x.value);
  return list.map((x) => x.value);
}

/** Glossary YAML (one document per category) from imported terms. */
export async function toGlossaryYaml(terms: ImportedTerm[], origin: string): Promise<ImportResult> {
  const notes: string[] = [];
  // A zh-Hans form missing from the term base is derived from its zh-Hant one.
  const perLang = (t: ImportedTerm) => [t.names, t.definition, t.plain];
  const onlyHant = terms.flatMap((t) => perLang(t).flatMap((x) => (x['zh-Hans'] === undefined && x['zh-Hant'] ? [x['zh-Hant']] : [])));
  const fromTraditional = await regionalForms(onlyHant);
  for (const t of terms) {
    for (const x of perLang(t)) {
      if (x['zh-Hans'] === undefined && x['zh-Hant']) {
        x['zh-Hans'] = fromTraditional.get(x['zh-Hant'])!.cn;
        notes.push(`${t.id}: zh-Hans "${x['zh-Hans']}" derived from zh-Hant "${x['zh-Hant']}"`);
      }
    }
  }
  const derived = await regionalForms(terms.flatMap((t) => [t.names['zh-Hans'], t.definition['zh-Hans'], t.plain['zh-Hans']].filter((s): s is string => !!s)));
  // A zh-Hant form equal to the derived one is left out, so that the glossary derives it again.
  const hant = (x: PerLang) => {
    const h = x['zh-Hant'];
    const s = x['zh-Hans'];
    return h !== undefined && !(s !== undefined && derived.get(s)?.tw === h) ? h : undefined;
  };
  const seen = new Map<string, number>();
  const byCategory = new Map<Category, Record<string, unknown>[]>();
  for (const t of terms) {
    let id = t.id;
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    if (k > 1) {
      id = `${id}-${k}`;
      notes.push(`${t.where.what}: id "${t.id}" is taken, imported as "${id}"`);
    }
    const raw: Record<string, unknown> = { id };
    for (const l of LANGS) {
      const v = l === 'zh-Hant' ? hant(t.names) : t.names[l];
      if (v !== undefined) raw[l] = v;
    }
    const definition: Record<string, string> = {};
    for (const l of LANGS) {
      const v = l === 'zh-Hant' ? hant(t.definition) : t.definition[l];
      if (v !== undefined) definition[l] = v;
    }
    raw.definition = definition;
    const variants = ordered(t.variants);
    if (variants.length) raw.variants = variants;
    const misuses = ordered(t.misuses);
    if (misuses.length) {
      raw.misuses = misuses.map((m) => ({
        text: m.text,
        why: m.why ?? `Deprecated in ${origin}.`,
        ...(m.except.length ? { except: m.except } : {}),
        ...(m.alternatives.length ? { alternatives: m.alternatives } : {}),
      }));
      for (const m of misuses) if (!m.why) notes.push(`${id}: misuse "${m.text}" has no reason in ${origin}; write one in "why"`);
    }
    if (t.register && t.register !== 'any') raw.register = t.register;
    if (t.plain['zh-Hans'] !== undefined) {
      const p: Record<string, string> = {};
      for (const l of LANGS) {
        const v = l === 'zh-Hant' ? hant(t.plain) : t.plain[l];
        if (v !== undefined) p[l] = v;
      }
      raw.plain = Object.keys(p).length === 1 ? p['zh-Hans'] : p;
    }
    if (t.source) raw.source = t.source;
    const good = ordered(t.good);
    const bad = ordered(t.bad);
    if (good.length || bad.length) raw.examples = { ...(good.length ? { good } : {}), ...(bad.length ? { bad } : {}) };
    const category = t.category!;
    byCategory.set(category, [...(byCategory.get(category) ?? []), raw]);
  }
  const files = CATEGORIES.filter((c) => byCategory.has(c)).map((category) => {
    const list = byCategory.get(category)!;
    const doc = new Document({ category, terms: list });
    // Short lists of words in flow style, as the bundled glossary writes them.
    visit(doc, {
      Seq(_, node) {
        const texts = node.items.map((i) => (isScalar(i) ? String(i.value) : null));
        if (texts.every((s) => s !== null) && texts.join(', ').length <= 60 && !texts.some((s) => /[\n#:,[\]{}]/.test(s!))) node.flow = true;
      },
    });
    const body = doc
      .toString({ lineWidth: 0, flowCollectionPadding: false })
      .replace(/\n {2}- id:/g, '\n\n  - id:')
      .replace('\nterms:\n\n', '\nterms:\n');
    const yaml = `# Imported by aslint from ${origin}.\n${body}`;
    return { category, yaml, terms: list.length };
  });
  return { files, notes };
}

/** Reads a term base (TBX or CSV, by extension or content) into glossary YAML. */
export async function importTermBase(text: string, file: string, options: ImportOptions & { from?: 'tbx' | 'csv' } = {}): Promise<ImportResult> {
  const from = options.from ?? (/\.(tbx|xml)$/i.test(file) ? 'tbx' : /\.(csv|txt)$/i.test(file) ? 'csv' : text.replace(/^\uFEFF/, '').trimStart().startsWith('<') ? 'tbx' : 'csv');
  const terms = from === 'tbx' ? parseTbxTermBase(text, file, options) : parseCsvTermBase(text, file, options);
  if (terms.length === 0) throw new InputError('no terms found', file, undefined, undefined, from === 'tbx' ? 'A TBX term base has <termEntry> (or <conceptEntry>) elements in <text><body>.' : 'The CSV needs a header row and one row per term and language.');
  return toGlossaryYaml(terms, file.replace(/^.*[\\/]/, ''));
}
