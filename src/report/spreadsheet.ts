// Cells for spreadsheets, shared by `--format csv` and `--scores-file`.
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number;

/**
 * A text cell that a spreadsheet program would run as a formula (`=`, `+`, `-`, `@`, or a tab or
 * carriage return first) gets a leading `'`, as OWASP advises against CSV injection: chat text is
 * typed by customers. xlsx cells are typed as text and need no such guard.
 */
export function safeCell(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV with a header row, UTF-8 with a BOM so that Excel reads the Chinese right, CRLF as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header as string[], ...rows.map((r) => r.map(safeCell))], { bom: true, record_delimiter: 'windows' });
}
