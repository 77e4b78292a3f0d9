// CSV and TSV chat exports: a header row, then one message per row, grouped into conversations by
// a conversation-id column (fields.ts has the column names; `input.columns` maps others).
// Encodings as for every text input (UTF-8 with or without BOM, GB18030, Big5, UTF-16 with BOM).
//
// csv-parse parses the file; it gives each record's last line but not where its fields are, so
// fieldSpans below finds each field's place in the record's lines (quote-aware, the same RFC 4180
// rules) only to map text offsets back to the file. A field whose place does not decode to the
// value csv-parse read maps every offset to its cell's start (measured: never on the exports in
// test/sources, kept as a guard).
import { createRequire } from 'node:module';
import { InputError, type Conversation, type SourcePoint } from '../core/types.js';
import { resolveFields } from './fields.js';
import type { UndecodableLine } from './lines.js';
import type { InputFormat, InputOptions, MessageField, SourceInput } from './format.js';
import { LineMap, MapBuilder, OffsetMap } from './positions.js';
import { CONVERSATION_FIELDS, groupMessages, problemAt, unreadable, type RawMessage } from './messages.js';
import { foldRoleMap } from './roles.js';

interface Span {
  start: number;
  end: number;
  quoted: boolean;
}

/** Where the fields of a record are: offsets in `text` from `start` up to `end`. */
function fieldSpans(text: string, start: number, end: number, delimiter: string): Span[] {
  const spans: Span[] = [];
  let i = start;
  for (;;) {
    if (text[i] === '"') {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1 || q >= end) {
          j = end;
          break;
        }
        if (text[q + 1] === '"') j = q + 2;
        else {
          j = q;
          break;
        }
      }
      spans.push({ start: i + 1, end: j, quoted: true });
      i = j + 1;
      while (i < end && text[i] !== delimiter) i++;
    } else {
      let j = text.indexOf(delimiter, i);
      if (j === -1 || j > end) j = end;
      let e = j;
      if (e > i && text[e - 1] === '\r') e--;
      spans.push({ start: i, end: e, quoted: false });
      i = j;
    }
    if (i >= end || text[i] !== delimiter) return spans;
    i++;
  }
}

/** A field's text mapped to the file: `""` inside quotes is one `"`. */
function fieldMap(text: string, span: Span, value: string): OffsetMap {
  const b = new MapBuilder(span.start);
  const raw = text.slice(span.start, span.end);
  if (!span.quoted) b.verbatim(raw, span.start);
  else {
    let pos = 0;
    for (let q = raw.indexOf('""'); q !== -1; q = raw.indexOf('""', pos)) {
      b.verbatim(raw.slice(pos, q), span.start + pos);
      b.escape('"', span.start + q, 2);
      pos = q + 2;
    }
    b.verbatim(raw.slice(pos), span.start + pos);
  }
  const r = b.finish(span.end);
  return r.text === value ? r.map : OffsetMap.constant(span.start, value.length);
}

/** The delimiter of a CSV file: the one of , ; | that the header line has most of. */
function sniffDelimiter(header: string): string {
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '|', '\t']) {
    const n = header.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

async function* readDelimited(input: SourceInput, options: InputOptions, tab: boolean): AsyncGenerator<Conversation> {
  const file = input.path;
  const { text, invalid } = await linesText(input);
  const lines = new LineMap(text);
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const delimiter = tab ? '\t' : sniffDelimiter(firstLine);
  const skippedErrors: { records: number; message: string }[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse is loaded by the first CSV read, not by every run.
    records = (createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync')).parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      // A stray quote inside a field is kept as text rather than losing the rest of the file.
      relax_quotes: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n'],
      skip_records_with_error: true,
      on_skip: (err: { records?: number; message: string } | undefined) => {
        if (err) skippedErrors.push({ records: err.records ?? 0, message: err.message });
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw new InputError(
      `cannot read the CSV: ${e.message ?? String(err)}`,
      file,
      e.lines ?? 1,
      1,
      'check the quotes: a field with a comma, a quote or a line break must be in double quotes, and a quote inside it doubled ("")',
    );
  }
  for (const l of invalid) yield unreadable(problemAt(lines.point((lines.starts[l.line - 1] ?? 0) + l.column - 1), l.message, l.hint));
  if (records.length === 0 && skippedErrors.length === 0) return;

  // Where each record starts: the first non-empty line after the previous record's last line.
  const starts = lines.starts;
  const lineText = (l: number) => text.slice(starts[l - 1]!, l < starts.length ? starts[l]! - 1 : text.length).replace(/\r$/, '');
  let prevEnd = 0;
  const located = records.map((r) => {
    let first = prevEnd + 1;
    while (first < r.info.lines && lineText(first) === '') first++;
    prevEnd = r.info.lines;
    const end = r.info.lines < starts.length ? starts[r.info.lines]! - 1 : text.length;
    return { ...r, first, spans: fieldSpans(text, starts[first - 1] ?? 0, end, delimiter) };
  });

  // A row csv-parse skipped starts after the last row it had read before it.
  for (const e of skippedErrors) {
    let first = (records[e.records - 1]?.info.lines ?? 0) + 1;
    while (first < starts.length && lineText(first) === '') first++;
    yield unreadable(
      problemAt(
        lines.point(starts[first - 1] ?? 0),
        `a row that can't be read: ${e.message}`,
        'a field with a comma, a quote or a line break must be in double quotes, and a quote inside it doubled ("")',
      ),
    );
  }
  if (located.length === 0) return;
  const header = located[0]!;
  const names = header.record.map((h) => h.trim());
  const fields = resolveFields(names, options, { file, line: header.first });
  if (fields.text === undefined) {
    throw new InputError(
      `no column of the header holds the message text (columns: ${names.join(', ')})`,
      file,
      header.first,
      1,
      'name it 内容, 消息, content, message or text, or map it in aslint.config.yaml: input: { columns: { text: 你的列名 } }',
    );
  }
  const column = (f: MessageField): number => (fields[f] === undefined ? -1 : names.indexOf(fields[f]!));
  const col = Object.fromEntries(
    (['conversation', 'role', 'speaker', 'time', 'text', 'id', 'type', 'complete', 'excerpt', 'lang', 'channel'] as MessageField[]).map((f) => [f, column(f)]),
  ) as Record<MessageField, number>;
  const roles = foldRoleMap(options.roles);

  const messages: RawMessage[] = [];
  for (const r of located.slice(1)) {
    const cell = (k: number): string | undefined => (k < 0 ? undefined : r.record[k]);
    const spanAt = (k: number) => (): SourcePoint => lines.point(r.spans[k]?.start ?? starts[r.first - 1] ?? 0);
    const m: RawMessage = { at: () => lines.point(starts[r.first - 1] ?? 0) };
    const conv = cell(col.conversation)?.trim();
    if (conv) m.conversation = conv;
    if (col.role >= 0) m.role = { value: cell(col.role)?.trim() ?? null, at: spanAt(col.role) };
    const speaker = cell(col.speaker)?.trim();
    if (speaker) m.speaker = speaker;
    // A column named 客服 may hold the agent's name on agent rows and nothing on the customer's; with no role
    // column at all, a row with a name there is the agent's and a row without one the customer's.
    if (col.role < 0 && col.speaker >= 0) m.role = { value: speaker ? 'agent' : 'customer', at: spanAt(col.speaker) };
    const time = cell(col.time)?.trim();
    if (time) m.time = time;
    const type = cell(col.type)?.trim();
    if (type) m.type = type;
    const id = cell(col.id)?.trim();
    if (id) m.id = id;
    for (const f of CONVERSATION_FIELDS) if (cell(col[f])) m[f] = cell(col[f]);
    const value = cell(col.text);
    if (value === undefined) m.text = { value: null, at: m.at };
    else {
      const span = r.spans[col.text];
      const at = spanAt(col.text);
      if (span) {
        let map: OffsetMap | undefined;
        m.text = { value, at, locate: (i) => lines.point((map ??= fieldMap(text, span, value)).source(i)) };
      } else m.text = { value, at };
    }
    messages.push(m);
  }
  yield* groupMessages(messages, roles, `L${located[1]?.first ?? header.first}`);
}

/** The whole text of a delimited file, and the lines whose bytes could not be decoded. */
async function linesText(input: SourceInput): Promise<{ text: string; invalid: (UndecodableLine & { line: number })[] }> {
  const parts: string[] = [];
  const invalid: (UndecodableLine & { line: number })[] = [];
  let end = 0;
  for await (const batch of input.lines()) {
    for (const l of batch) {
      if (l.offset > end) parts.push(l.offset - end === 2 ? '\r\n' : '\n');
      if (l.invalid) invalid.push({ ...l.invalid, line: l.line });
      parts.push(l.text);
      end = l.offset + l.text.length;
    }
  }
  return { text: parts.join(''), invalid };
}

/** A header row that names a text column and a role or conversation column. */
function looksLikeHeader(head: string, delimiter: string | undefined): boolean {
  const first = head
    .replace(/^\ufeff/, '')
    .split('\n', 1)[0]!
    .replace(/\r$/, '');
  const d = delimiter ?? sniffDelimiter(first);
  const names = first.split(d).map((n) => n.trim().replace(/^"|"$/g, ''));
  if (names.length < 2) return false;
  const f = resolveFields(names, {});
  return f.text !== undefined && (f.role !== undefined || f.conversation !== undefined);
}

export const csvFormat: InputFormat<'csv'> = {
  name: 'csv',
  summary: 'CSV chat export: a header row, one message per row, grouped by a conversation-id column',
  extensions: ['.csv'],
  sniffUnknownName: (head) => looksLikeHeader(head, undefined),
  read: (input, options) => readDelimited(input, options, false),
};

export const tsvFormat: InputFormat<'tsv'> = {
  name: 'tsv',
  summary: 'TSV chat export: as CSV, with tabs between the columns',
  extensions: ['.tsv', '.tab'],
  read: (input, options) => readDelimited(input, options, true),
};
