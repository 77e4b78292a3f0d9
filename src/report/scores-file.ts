// `--scores-file scores.csv | scores.xlsx`: the run's scores for a spreadsheet — one row per
// conversation and one per agent. An .xlsx has them on two sheets; a .csv, which holds one table,
// has both kinds of rows under one header with a `kind` column to filter on.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../core/types.js';
import { displayPath } from './paths.js';
import type { AgentSummary, ConversationScore, Scores } from '../runner/result.js';
import { toCsv, type Cell } from './spreadsheet.js';

type Column<T> = readonly [header: string, value: (row: T, cwd: string) => Cell];

const CONVERSATION_COLUMNS: readonly Column<ConversationScore>[] = [
  ['file', (s, cwd) => displayPath(s.path, cwd)],
  ['conversation', (s) => s.conversation],
  ['agents', (s) => s.agents.filter(Boolean).join(', ')],
  ['score', (s) => s.score],
  ['fatal', (s) => s.fatal.join(', ')],
  ['deductions', (s) => s.deductions.map((d) => `${d.ruleId} −${d.points}`).join('; ')],
  ['findings', (s) => s.findings],
];

const AGENT_COLUMNS: readonly Column<AgentSummary>[] = [
  ['agent', (a) => a.agent],
  ['conversations', (a) => a.conversations],
  ['average score', (a) => a.averageScore],
  ['fatal conversations', (a) => a.fatalConversations],
  ['errors', (a) => a.errors],
  ['warnings', (a) => a.warnings],
  ['infos', (a) => a.infos],
];

export const SCORES_FILE_TYPES = ['.csv', '.xlsx'] as const;

/** Checked before linting, so a typo costs no run. */
export function checkScoresFile(path: string): void {
  const ext = extname(path).toLowerCase();
  if (!(SCORES_FILE_TYPES as readonly string[]).includes(ext)) {
    throw new InputError(
      `--scores-file writes .csv or .xlsx, not "${ext || path}"`,
      undefined,
      undefined,
      undefined,
      'Name the file scores.csv or scores.xlsx.',
    );
  }
}

const table = <T>(columns: readonly Column<T>[], rows: readonly T[], cwd: string) => rows.map((r) => columns.map(([, value]) => value(r, cwd)));

/** One CSV table: `kind` (conversation | agent), then the columns of both, each row filling its own. */
export function scoresCsv(scores: Scores, cwd: string): string {
  const header = ['kind', ...CONVERSATION_COLUMNS.map(([h]) => h), ...AGENT_COLUMNS.map(([h]) => h)];
  const at = new Map(header.map((h, i) => [h, i]));
  const place = <T>(kind: string, columns: readonly Column<T>[], rows: readonly T[]) =>
    rows.map((r) => {
      const cells: Cell[] = header.map(() => '');
      cells[0] = kind;
      for (const [h, value] of columns) cells[at.get(h)!] = value(r, cwd);
      return cells;
    });
  return toCsv(header, [...place('conversation', CONVERSATION_COLUMNS, scores.conversations), ...place('agent', AGENT_COLUMNS, scores.agents)]);
}

/**
 * An Excel workbook with a `conversations` and an `agents` sheet, numbers as numbers. Written with
 * write-excel-file, loaded only here: the same small stack (fflate, no native code) as the xlsx
 * readers of src/sources and the glossary import use, rather than a second xlsx library.
 */
export async function scoresXlsx(scores: Scores, cwd: string): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const sheet = <T>(name: string, columns: readonly Column<T>[], rows: readonly T[]) => ({
    sheet: name,
    stickyRowsCount: 1,
    columns: columns.map(([header]) => ({ width: Math.max(10, header.length + 2) })),
    data: [columns.map(([header]) => ({ value: header, fontWeight: 'bold' as const })), ...table(columns, rows, cwd)],
  });
  return (await writeXlsxFile([sheet('conversations', CONVERSATION_COLUMNS, scores.conversations), sheet('agents', AGENT_COLUMNS, scores.agents)])).toBuffer();
}

export async function writeScoresFile(path: string, scores: Scores, cwd: string): Promise<void> {
  checkScoresFile(path);
  const data = extname(path).toLowerCase() === '.xlsx' ? await scoresXlsx(scores, cwd) : scoresCsv(scores, cwd);
  await writeFile(path, data);
}
