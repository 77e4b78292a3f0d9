// Excel (.xlsx) chat exports: the first sheet, a header row, one message per row, the same
// columns as CSV (fields.ts). A finding's position is the cell: line = the sheet's row number,
// column = the cell's column number (A = 1), as spreadsheets count them.
//
// Read with read-excel-file (maintained, Node >= 18, small: fflate + a SAX parser). Measured on
// this machine, the first sheet of a 20,000-row export (400 KB): read-excel-file 1.1–1.8 s,
// exceljs 4.4 1.8–2.9 s (heavier too: archiver, unzipper, tmp …). Loaded only when an xlsx file
// is read.
import { InputError, type Conversation, type SourcePoint } from '../core/types.js';
import { resolveFields } from './fields.js';
import type { InputFormat, InputOptions, MessageField, SourceInput } from './format.js';
import { CONVERSATION_FIELDS, groupMessages, type RawMessage } from './messages.js';
import { formatDate } from './time.js';
import { foldRoleMap } from './roles.js';

type Cell = string | number | boolean | Date | null;

function cellText(c: Cell | undefined): string | undefined {
  if (c === null || c === undefined) return undefined;
  if (c instanceof Date) return formatDate(c);
  return String(c);
}

async function* readXlsx(input: SourceInput, options: InputOptions): AsyncGenerator<Conversation> {
  const file = input.path;
  const { readSheet } = await import('read-excel-file/node');
  let rows: Cell[][];
  try {
    rows = (await readSheet(Buffer.from(await input.bytes()), { trim: false })) as Cell[][];
  } catch (err) {
    throw new InputError(
      `cannot read the workbook: ${(err as Error).message}`,
      file,
      undefined,
      undefined,
      'save it again from Excel or WPS as .xlsx (Excel Workbook), or export the sheet as CSV',
    );
  }
  const headerIndex = rows.findIndex((r) => r.filter((c) => cellText(c)?.trim()).length >= 2);
  if (headerIndex === -1) return;
  const names = rows[headerIndex]!.map((c) => cellText(c)?.trim() ?? '');
  const fields = resolveFields(names, options, { file, line: headerIndex + 1 });
  if (fields.text === undefined)
    throw new InputError(
      `no column of the header holds the message text (columns: ${names.filter(Boolean).join(', ')})`,
      file,
      headerIndex + 1,
      1,
      'name it 内容, 消息, content, message or text, or map it in aslint.config.yaml: input: { columns: { text: 你的列名 } }',
    );
  const col = (f: MessageField): number => (fields[f] === undefined ? -1 : names.indexOf(fields[f]!));
  const roles = foldRoleMap(options.roles);
  const messages: RawMessage[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => (cellText(c)?.trim() ? false : true))) continue;
    const line = r + 1;
    const point = (k: number) => (): SourcePoint => ({ line, column: k + 1, offset: 0 });
    const cell = (f: MessageField): string | undefined => (col(f) < 0 ? undefined : cellText(row[col(f)]));
    const m: RawMessage = { at: point(0) };
    const conv = cell('conversation')?.trim();
    if (conv) m.conversation = conv;
    const speaker = cell('speaker')?.trim();
    if (speaker) m.speaker = speaker;
    if (col('role') >= 0) m.role = { value: cell('role')?.trim() ?? null, at: point(col('role')) };
    else if (col('speaker') >= 0) m.role = { value: speaker ? 'agent' : 'customer', at: point(col('speaker')) };
    for (const f of ['time', 'type', 'id'] as const) {
      const v = cell(f)?.trim();
      if (v) m[f] = v;
    }
    for (const f of CONVERSATION_FIELDS) if (col(f) >= 0 && row[col(f)] !== null) m[f] = row[col(f)];
    // An empty cell is an empty message (skipped and counted), not a missing text.
    const text = cell('text') ?? '';
    const at = point(col('text'));
    m.text = { value: text, at, locate: at };
    messages.push(m);
  }
  yield* groupMessages(messages, roles, `L${headerIndex + 2}`);
}

export const xlsxFormat: InputFormat<'xlsx'> = {
  name: 'xlsx',
  summary: 'Excel workbook (.xlsx) chat export: the first sheet, as CSV',
  extensions: ['.xlsx'],
  binary: true,
  read: readXlsx,
};
