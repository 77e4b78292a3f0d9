// The glossary as CSV: one row per term and language, UTF-8 with a BOM so that spreadsheet
// programs read the Chinese right. A list (variants, misuses, examples) is one item per line
// inside its cell; a misuse's reason, exceptions and alternatives are on the same line of their
// own columns, and several exceptions on one line are separated by " | ".
// `aslint glossary import` reads this file back into glossary YAML.
import { stringify } from 'csv-stringify/sync';
import type { Glossary } from '../model.js';
import { chineseConverters, selectTerms, type HandoutOptions } from './content.js';
import { traditionalWriter } from './traditional.js';
import { splitTerm } from './exchange.js';

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

/** Separates the items of one line of a cell (a misuse's exceptions). */
export const ITEM_SEPARATOR = ' | ';

/** One line of a list cell: no line breaks inside an item. */
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ');
export const cellList = (items: readonly string[]) => items.map(oneLine).join('\n');

export async function renderCsv(glossary: Glossary, options: HandoutOptions): Promise<string> {
  const cc = await chineseConverters();
  const hant = traditionalWriter(glossary, cc);
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const t of selectTerms(glossary, options.categories)) {
    let source = t.source ?? '';
    if (source && options.lang === 'zh-Hant') source = cc.toTraditionalChars(source);
    if (source && options.lang === 'zh-Hans') source = cc.toSimplified(source);
    for (const p of splitTerm(t, options.lang, cc, hant)) {
      const row: Record<CsvColumn, string> = {
        id: t.id,
        category: t.category,
        lang: p.lang,
        term: p.term,
        definition: p.definition,
        plain: p.plain ?? '',
        register: t.register === 'any' ? '' : t.register,
        source,
        variants: cellList(p.variants.map((v) => v.text)),
        misuses: cellList(p.misuses.map((m) => m.text)),
        why: cellList(p.misuses.map((m) => m.why)),
        except: p.misuses.some((m) => m.except.length) ? cellList(p.misuses.map((m) => m.except.join(ITEM_SEPARATOR))) : '',
        alternatives: p.misuses.some((m) => m.alternatives.length) ? cellList(p.misuses.map((m) => m.alternatives.join(ITEM_SEPARATOR))) : '',
        good: cellList(p.good.map((g) => g.text)),
        bad: cellList(p.bad.map((b) => b.text)),
      };
      rows.push(CSV_COLUMNS.map((c) => row[c]));
    }
  }
  return '\uFEFF' + stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\n",]/ });
}
