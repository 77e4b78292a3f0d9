// The glossary as CSV, written and read.
//
// Written: one row per term and language, UTF-8 with a BOM so that spreadsheet programs read the
// Chinese right. A list (variants, misuses, examples) is one item per line inside its cell; a
// misuse's reason, exceptions and alternatives are on the same line of their own columns, and
// several exceptions on one line are separated by " | ".
// Read (`aslint glossary import`): that layout, or a row per term with a column per language
// (table.ts), in any encoding a spreadsheet program saves.
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../../core/types.js';
import type { Glossary } from '../model.js';
import { chineseConverters, selectTerms, type HandoutOptions } from '../handout/content.js';
import { traditionalWriter } from '../handout/traditional.js';
import { splitTerm } from './split.js';
import { CSV_COLUMNS, ITEM_SEPARATOR, readTable, type CsvColumn, type TableRow } from './table.js';
import type { ImportedTerm, ImportOptions } from './term-base.js';

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

/** Reads a CSV term base (aslint's layout or a wide one). */
export function readCsvTermBase(text: string, file: string, options: ImportOptions = {}): { terms: ImportedTerm[]; notes: string[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(`CSV: ${err.message}`, file, err.lines, 1, 'Fix the CSV at this line (quotes must be doubled inside a quoted cell).');
  }
  if (records.length === 0) throw new InputError('the CSV file is empty', file, 1, 1);
  const rows: TableRow[] = records.map((r) => ({ cells: r.record, line: r.info.lines }));
  return readTable(rows, file, options);
}
