// Findings a reviewer dismissed in the HTML report, with a reason. The page exports them as a JSON
// file; `aslint lint --dismissed file.json` leaves them out of the next run (and its scores), so a
// team's review feeds back into the next report. Like a baseline, a dismissal is keyed on content,
// never on a line number: the rule, the conversation, the text of the turn (or reply), the text of
// the span — and counted: two dismissals of one key leave out the first two findings with that key,
// so a third copy still shows. `occurrence` (which of them, from 0) tells a person which one was
// meant; the HTML report computes it with `occurrences` below, as the run does.
import { InputError, type Finding, type JsonSchema } from '../core/types.js';
import { readYamlFile, validate } from '../yaml/file.js';
import type { FileResult } from './result.js';

export interface Dismissal {
  ruleId: string;
  conversation: string | null;
  /** The whole text of the turn or reply the finding is in. */
  unitText: string;
  /** The text of the span. */
  text: string;
  /** Which of the findings with the same key it was, from 0, in the order of the report. */
  occurrence: number;
  reason: string;
  /** Where it was, for a person reading the file (not part of the key). */
  path?: string;
  /** 1-based, as the report shows it. */
  turn?: number | null;
}

export interface DismissalFile {
  version: 1;
  dismissed: Dismissal[];
}

export const DISMISSED_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['version', 'dismissed'],
  properties: {
    version: { const: 1 },
    dismissed: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ruleId', 'conversation', 'unitText', 'text', 'occurrence', 'reason'],
        properties: {
          ruleId: { type: 'string', minLength: 1 },
          conversation: { type: ['string', 'null'] },
          unitText: { type: 'string' },
          text: { type: 'string' },
          occurrence: { type: 'integer', minimum: 0 },
          reason: { type: 'string' },
          path: { type: 'string' },
          turn: { type: ['integer', 'null'] },
        },
      },
    },
  },
} as JsonSchema;

type Keyed = Pick<Finding, 'ruleId' | 'conversation' | 'utterance' | 'text'>;

export function dismissalKey(f: Keyed): string {
  return JSON.stringify([f.ruleId, f.conversation, f.utterance, f.text]);
}

const entryKey = (d: Dismissal) => JSON.stringify([d.ruleId, d.conversation, d.unitText, d.text]);

/** Each finding's occurrence: how many findings with the same key come before it in the run. */
export function occurrences(files: readonly FileResult[]): Map<Finding, number> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, number>();
  for (const file of files) {
    for (const f of file.findings) {
      const k = dismissalKey(f);
      const n = seen.get(k) ?? 0;
      out.set(f, n);
      seen.set(k, n + 1);
    }
  }
  return out;
}

/** Reads and checks a dismissals file; a problem is an InputError at its line and column. */
export function loadDismissals(path: string): Dismissal[] {
  const hint = 'Export the file again from the HTML report (the “export dismissals” button), or fix it by hand.';
  try {
    const file = readYamlFile(path);
    validate(file, file.data, DISMISSED_SCHEMA, [], 'dismissals');
    return (file.data as DismissalFile).dismissed;
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.message, e.file ?? path, e.line, e.column, e.file ? hint : e.hint);
    throw e;
  }
}

/** Leaves out the dismissed findings (in place); returns the dismissals that matched a finding. */
export function applyDismissals(files: readonly FileResult[], dismissals: readonly Dismissal[]): Dismissal[] {
  const left = new Map<string, Dismissal[]>();
  for (const d of dismissals) {
    const k = entryKey(d);
    const list = left.get(k);
    if (list) list.push(d);
    else left.set(k, [d]);
  }
  for (const list of left.values()) list.sort((a, b) => a.occurrence - b.occurrence);
  const applied: Dismissal[] = [];
  for (const file of files) {
    file.findings = file.findings.filter((f) => {
      const d = left.get(dismissalKey(f))?.shift();
      if (d) applied.push(d);
      return d === undefined;
    });
  }
  return applied;
}
