// A term base kept as an Excel workbook (.xlsx): one sheet read as a table (table.ts), in
// aslint's layout or a row per term with a column per language.
//
// Read with read-excel-file: maintained (9.3, November 2026), Node ≥ 18, small (fflate and a SAX
// parser, no native code), returns cells as values. exceljs was the alternative: its last release
// is from 2024 and it pulls in archiver, jszip and streams for writing, which import does not do.
import { InputError } from '../../core/types.js';
import { readTable, type TableRow } from './table.js';
import type { ImportedTerm, ImportOptions } from './term-base.js';

/** A cell as text: numbers as written, dates as YYYY-MM-DD, empty cells as "". */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export async function readXlsxTermBase(data: Buffer, file: string, options: ImportOptions = {}): Promise<{ terms: ImportedTerm[]; notes: string[] }> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(data, { trim: false })) as unknown as typeof sheets;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'XLS_FILE_NOT_SUPPORTED' ? 'an old Excel 97–2003 (.xls) file' : 'not a readable .xlsx workbook';
    throw new InputError(`${why} (${(e as Error).message})`, file, undefined, undefined, 'Save it from Excel, Numbers or LibreOffice as "Excel Workbook (.xlsx)", or as CSV UTF-8.');
  }
  const wanted = options.sheet;
  const index = wanted === undefined ? 0 : /^\d+$/.test(wanted) ? Number(wanted) - 1 : sheets.findIndex((s) => s.sheet === wanted);
  const sheet = sheets[index];
  if (!sheet) {
    throw new InputError(`the workbook has no sheet "${wanted}"`, file, undefined, undefined, `Its sheets are: ${sheets.map((s, i) => `${i + 1} "${s.sheet}"`).join(', ')}. Pass --sheet <name or number>.`);
  }
  // Rows keep their sheet row number (read-excel-file drops no rows), for messages.
  const rows: TableRow[] = sheet.data.map((row, i) => ({ cells: row.map(cellText), line: i + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw new InputError(`sheet "${sheet.sheet}" is empty`, file, undefined, undefined, 'The first row names the columns; each row after it is a term.');
  return readTable(rows, `${file}`, options);
}
