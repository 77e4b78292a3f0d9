// `--format csv`: one row per finding, for a spreadsheet. Turns count from 1, as people count
// them (the JSON report keeps the 0-based index).
import type { Finding } from '../core/types.js';
import { displayPath } from './paths.js';
import { turnNumber } from './place.js';
import type { Reporter } from '../runner/result.js';
import { toCsv, type Cell } from './spreadsheet.js';

export const CSV_FINDING_COLUMNS = [
  'file',
  'line',
  'column',
  'conversation',
  'turn',
  'role',
  'agent',
  'time',
  'rule',
  'severity',
  'text',
  'message',
  'suggestions',
] as const;

function row(path: string, f: Finding): Cell[] {
  return [
    path,
    f.line,
    f.column,
    f.conversation ?? '',
    f.turn === null ? '' : turnNumber(f.turn),
    f.role,
    // The agent who said it; a canned reply or a customer's turn has none.
    f.role === 'agent' ? (f.speaker ?? '') : '',
    f.time ?? '',
    f.ruleId,
    f.severity,
    f.text,
    f.message,
    f.suggestions.join(' / '),
  ];
}

export const csv: Reporter = (result, options) =>
  toCsv(
    CSV_FINDING_COLUMNS,
    result.files.flatMap((file) => {
      const path = displayPath(file.path, options.cwd);
      return file.findings.map((f) => row(path, f));
    }),
  );
