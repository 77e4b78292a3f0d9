// A term base as a table, from a CSV file or an Excel sheet, in either of two layouts:
//   - aslint's own (what `aslint handout --format csv` writes): a row per term and language, with
//     a `lang` column;
//   - wide, as people keep term lists in spreadsheets: a row per term, a column per language
//     (术语 / 繁体 / 英文 / 定义 / 错误说法 …, or English headers), lists as items in one cell.
// Headers are recognised in Chinese and English; `columns` maps any other header to a field.
import { hasHan, isTraditional } from '../../text/script.js';
import { InputError } from '../../core/types.js';
import type { Lang } from '../model.js';
import { asCategory, glossaryLang, items, lines, toTermId, type ImportedTerm, type ImportOptions } from './term-base.js';

/** aslint's layout: the columns `aslint handout --format csv` writes. */
export const CSV_COLUMNS = [
  'id',
  'category',
  'lang',
  'term',
  'definition',
  'plain',
  'register',
  'source',
  'variants',
  'misuses',
  'why',
  'except',
  'alternatives',
  'good',
  'bad',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Separates the items of one line of a cell in aslint's layout (a misuse's exceptions). */
export const ITEM_SEPARATOR = ' | ';

/** A row of the table and the line (CSV) or row number (Excel) it was read from. */
export interface TableRow {
  cells: string[];
  line: number;
}

/** What a column of a wide table holds. */
export const WIDE_FIELDS = [
  'id',
  'category',
  'zh-Hans',
  'zh-Hant',
  'en',
  'definition',
  'definition.zh-Hans',
  'definition.zh-Hant',
  'definition.en',
  'plain',
  'plain.zh-Hans',
  'plain.zh-Hant',
  'plain.en',
  'variants',
  'misuses',
  'why',
  'except',
  'alternatives',
  'good',
  'bad',
  'register',
  'source',
] as const;
export type WideField = (typeof WIDE_FIELDS)[number];

/** Headers people write, folded (lower case, no spaces or brackets), and the field each holds. */
const HEADERS: Record<WideField, string[]> = {
  id: ['id', '编号', '術語編號', '术语编号', '序号', '序號', 'termid', 'conceptid'],
  category: ['category', '类别', '類別', '分类', '分類', '类目', '類目', 'subject', 'subjectfield', 'domain', '领域', '領域'],
  'zh-Hans': ['zh-hans', 'zh-cn', 'zh', '术语', '術語', '简体', '简体中文', '簡體', '簡體中文', '中文', '中文术语', '标准术语', '標準術語', '规范用语', '规范术语', '推荐用语', 'chinese', 'simplified', 'simplifiedchinese', 'term'],
  'zh-Hant': ['zh-hant', 'zh-tw', 'zh-hk', '繁体', '繁體', '繁体中文', '繁體中文', '繁体术语', '繁體術語', '台湾', '台灣', '台湾用语', '台灣用語', 'traditional', 'traditionalchinese'],
  en: ['en', 'en-us', 'en-gb', '英文', '英语', '英語', '英文术语', '英文術語', 'english', 'englishterm'],
  definition: ['definition', '定义', '定義', '释义', '釋義', '含义', '含義', '说明', '說明'],
  'definition.zh-Hans': ['中文定义', '简体定义', 'definitionzh-hans', 'definitionzh'],
  'definition.zh-Hant': ['繁体定义', '繁體定義', 'definitionzh-hant'],
  'definition.en': ['英文定义', '英文定義', 'englishdefinition', 'definitionen'],
  plain: ['plain', 'plainwording', '通俗说法', '通俗說法', '白话', '白話', '对顾客说', '對顧客說', '对顾客这样说', '浅白说法', '淺白說法'],
  'plain.zh-Hans': ['中文通俗说法'],
  'plain.zh-Hant': ['繁体通俗说法', '繁體淺白說法'],
  'plain.en': ['英文通俗说法', 'englishplainwording', 'plainen'],
  variants: ['variants', 'variant', 'synonyms', 'alsoaccepted', 'admitted', 'admittedterms', '也可以说', '也可以說', '同义词', '同義詞', '近义词', '变体', '變體', '别名', '別名', '允许说法', '允許說法', '可接受说法'],
  misuses: ['misuses', 'misuse', 'wrong', 'dontsay', "don'tsay", 'avoid', 'deprecated', 'deprecatedterms', 'forbidden', '错误说法', '錯誤說法', '错误用语', '錯誤用語', '禁用词', '禁用詞', '禁用说法', '禁用語', '不规范说法', '不規範說法', '误用', '誤用', '不要说', '不要說'],
  why: ['why', 'reason', 'reasons', '原因', '错误原因', '錯誤原因', '理由', '为什么', '為什麼'],
  except: ['except', 'exceptions', '例外'],
  alternatives: ['alternatives', '可能指', '其他说法'],
  good: ['good', 'goodexamples', 'goodexample', 'examples', 'example', '正确示例', '正確範例', '正确例句', '正確例句', '示例', '範例', '例句', '这样说', '這樣說'],
  bad: ['bad', 'badexamples', 'badexample', '错误示例', '錯誤範例', '错误例句', '錯誤例句'],
  register: ['register', '语体', '語體', '用语类型'],
  source: ['source', '依据', '依據', '来源', '來源', '出处', '出處', '法规依据', '法規依據'],
};

/** A header as compared: lower case, without spaces, brackets and colons. */
const fold = (header: string) => header.normalize('NFKC').toLowerCase().replace(/[\s()（）[\]【】:：*_]/g, '');

const BY_HEADER = new Map<string, WideField>(Object.entries(HEADERS).flatMap(([field, names]) => names.map((n) => [fold(n), field as WideField] as const)));

/** Items of a list cell in a wide table: one per line, or separated by 、 ； ; | (and , ，for words). */
const wordItems = (cell: string | undefined) => (cell ? cell.split(/\r?\n|[；;、|，,]/).map((s) => s.trim()).filter((s) => s) : []);
const sentenceItems = (cell: string | undefined) => (cell ? cell.split(/\r?\n/).map((s) => s.trim()).filter((s) => s) : []);

/** The language a text is written in: English, Simplified or Traditional Chinese. */
function langOfText(text: string): Lang {
  if (!hasHan(text)) return 'en';
  return isTraditional(text) ? 'zh-Hant' : 'zh-Hans';
}

const ALIASES: Record<string, string> = { language: 'lang', locale: 'lang', name: 'term', subject: 'category', 'subject field': 'category' };

/** Reads a table whose first row is the header, in aslint's layout or the wide one. */
export function readTable(rows: TableRow[], file: string, options: ImportOptions = {}): { terms: ImportedTerm[]; notes: string[] } {
  const header = rows[0];
  if (!header) throw new InputError('the table is empty', file, 1, 1, 'The first row names the columns; each row after it is a term.');
  const body = rows.slice(1);
  const own = header.cells.map((h) => ALIASES[h.trim().toLowerCase()] ?? h.trim().toLowerCase());
  if (own.includes('lang') && !options.columns) return { terms: readLong(own, body, file, options), notes: [] };
  return readWide(header, body, file, options);
}

// ------------------------------------------------------------------------------- wide layout

function readWide(header: TableRow, rows: TableRow[], file: string, options: ImportOptions): { terms: ImportedTerm[]; notes: string[] } {
  const notes: string[] = [];
  const mapped = new Map(Object.entries(options.columns ?? {}).map(([h, f]) => [fold(h), f]));
  const fields: (WideField | undefined)[] = header.cells.map((h, i) => {
    if (!h.trim()) return undefined;
    const field = (mapped.get(fold(h)) ?? BY_HEADER.get(fold(h))) as WideField | undefined;
    if (!field) notes.push(`column ${columnName(i)} "${h.trim()}" is not read; map it with --column "${h.trim()}=<field>" (fields: ${WIDE_FIELDS.join(', ')})`);
    return field;
  });
  for (const [h, f] of mapped) {
    if (!(WIDE_FIELDS as readonly string[]).includes(f)) throw new InputError(`--column maps "${h}" to "${f}", which is not a field`, file, undefined, undefined, `Fields: ${WIDE_FIELDS.join(', ')}.`);
    if (!header.cells.some((c) => fold(c) === h)) throw new InputError(`--column names "${h}", which is not a column of the table`, file, header.line, 1, `The columns are: ${header.cells.filter((c) => c.trim()).join(', ')}.`);
  }
  const seen = new Map<WideField, number>();
  fields.forEach((f, i) => {
    if (!f) return;
    const first = seen.get(f);
    if (first !== undefined) throw new InputError(`columns ${columnName(first)} "${header.cells[first]}" and ${columnName(i)} "${header.cells[i]}" both hold ${f}`, file, header.line, i + 1, `Map one of them to another field with --column "${header.cells[i]}=<field>".`);
    seen.set(f, i);
  });
  if (!fields.some((f) => f === 'zh-Hans' || f === 'zh-Hant' || f === 'en')) {
    throw new InputError(
      'no column holds a term: neither aslint\'s layout (a "lang" column) nor a column per language (术语 / 繁体 / 英文, zh-Hans / zh-Hant / en)',
      file,
      header.line,
      1,
      `Name the columns, or map them: --column "标准用语=zh-Hans" --column "English=en". Fields: ${WIDE_FIELDS.join(', ')}.`,
    );
  }
  const terms: ImportedTerm[] = [];
  for (const { cells, line } of rows) {
    if (cells.every((c) => !c.trim())) continue;
    const cell = (f: WideField) => {
      const i = fields.indexOf(f);
      return i < 0 ? undefined : (cells[i] ?? '').trim() || undefined;
    };
    const at = (f: WideField, message: string, hint?: string) => new InputError(message, file, line, Math.max(1, fields.indexOf(f) + 1), hint);
    const t: ImportedTerm = { id: cell('id') ?? '', names: {}, definition: {}, plain: {}, variants: [], misuses: [], good: [], bad: [], where: { file, line, what: `row ${line}` } };
    for (const l of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const name = cell(l);
      if (name) t.names[l] = name;
      const def = cell(`definition.${l}`);
      if (def) t.definition[l] = def;
      const plain = cell(`plain.${l}`);
      if (plain) t.plain[l] = plain;
    }
    // A definition or plain wording column without a language: the language its text is written in.
    for (const text of sentenceItems(cell('definition'))) t.definition[langOfText(text)] ??= text;
    for (const text of sentenceItems(cell('plain'))) t.plain[langOfText(text)] ??= text;
    if (!t.names['zh-Hans'] && !t.names['zh-Hant'] && !t.names.en) throw at('zh-Hans', `row ${line} has no term in any language`, 'Fill in the term, or delete the row.');
    const category = cell('category');
    if (category) t.category = asCategory(category, options, `${file}:${line}`);
    const register = cell('register');
    if (register) {
      if (!['formal', 'plain', 'any'].includes(register)) throw at('register', `register "${register}" is not formal, plain or any`);
      t.register = register as ImportedTerm['register'];
    }
    t.source = cell('source');
    for (const v of wordItems(cell('variants'))) t.variants.push({ value: v });
    for (const g of sentenceItems(cell('good'))) t.good.push({ value: g });
    for (const b of sentenceItems(cell('bad'))) t.bad.push({ value: b });
    const misuses = wordItems(cell('misuses'));
    const why = sentenceItems(cell('why'));
    if (why.length > 1 && why.length !== misuses.length) throw at('why', `${misuses.length} misuses but ${why.length} reasons`, 'Write one reason per line in the order of the misuses, or one reason for all of them.');
    const except = wordItems(cell('except'));
    const alternatives = wordItems(cell('alternatives'));
    misuses.forEach((m, i) => t.misuses.push({ value: { text: m, why: why.length === 1 ? why[0] : why[i], except: misuses.length === 1 ? except : [], alternatives: misuses.length === 1 ? alternatives : [] } }));
    t.id = toTermId(t.id, t.names.en ?? t.names['zh-Hans'] ?? t.names['zh-Hant'] ?? '');
    t.category ??= asCategory(undefined, options, `${file}:${line}: term "${t.id}"`);
    terms.push(t);
  }
  return { terms, notes };
}

/** A spreadsheet's column letter (A, B, …, AA) for a 0-based index. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

// ------------------------------------------------------------------------------ aslint's layout

function readLong(cols: string[], rows: TableRow[], file: string, options: ImportOptions): ImportedTerm[] {
  for (const need of ['lang', 'term']) {
    if (!cols.includes(need)) {
      throw new InputError(`the table has no "${need}" column`, file, 1, 1, `The columns are: ${CSV_COLUMNS.join(', ')} (as written by aslint handout --format csv), or one per language (术语, 繁体, 英文 …).`);
    }
  }
  const terms = new Map<string, ImportedTerm>();
  for (const { cells: record, line } of rows) {
    const row: Record<string, string> = {};
    // Lists keep their empty lines (a misuse without exceptions); the lines themselves are trimmed.
    cols.forEach((c, i) => (row[c] = (record[i] ?? '').replace(/^[ \t]+|[ \t]+$/g, '')));
    for (const c of ['id', 'category', 'lang', 'term', 'definition', 'plain', 'register', 'source']) if (row[c] !== undefined) row[c] = row[c].trim();
    if (Object.values(row).every((v) => v.trim() === '')) continue;
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
