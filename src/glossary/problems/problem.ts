// What every glossary check works on and reports: the terms of a glossary file as read (before
// the loader's schema accepts them, so that every problem is found at once), and a problem with
// its place. Each check is a module of this folder; check.ts runs them all for `aslint glossary
// check`, and the loader runs those it stops at (duplicate ids, formal terms without plain wording).
import type { YamlFile } from '../../yaml/file.js';
import type { Convert } from '../../text/opencc.js';

export type ProblemSeverity = 'error' | 'warning';

export interface GlossaryProblem {
  kind: string;
  severity: ProblemSeverity;
  message: string;
  hint?: string;
  file: string;
  line: number;
  column: number;
  termId?: string;
  /** The file of the other term in a problem between two terms. */
  relatedFile?: string;
}

/** A term's fields as written: anything, since the file may not pass the schema. */
export interface RawTerm {
  id?: unknown;
  'zh-Hans'?: unknown;
  'zh-Hant'?: unknown;
  en?: unknown;
  definition?: unknown;
  variants?: unknown;
  misuses?: unknown;
  register?: unknown;
  plain?: unknown;
  examples?: unknown;
}

export interface RawMisuse {
  text?: unknown;
  why?: unknown;
  except?: unknown;
}

/** A term as read, with where it is. */
export interface TermEntry {
  file: YamlFile;
  /** Its index in the file's `terms`. */
  index: number;
  raw: RawTerm;
  /** Its id, or `#n` (its number in the file) when it has none. */
  id: string;
  names: { 'zh-Hans'?: string; 'zh-Hant'?: string; en?: string };
  variants: string[];
  /** The misuses that have a text, with their index. */
  misuses: { text: string; except: string[]; index: number }[];
}

/** OpenCC's converters the checks compare forms with. */
export interface Converters {
  s2t: Convert;
  s2tw: Convert;
  s2twp: Convert;
  s2hk: Convert;
  t2s: Convert;
}

/** Problems one term has on its own. */
export interface TermCheck {
  kind: string;
  term(entry: TermEntry, cc: Converters): GlossaryProblem[];
}

/** Problems between terms (ids, names, misuses), over every term in load order. */
export interface BetweenCheck {
  kind: string;
  between(entries: readonly TermEntry[], cc: Converters): GlossaryProblem[];
}

/** A non-blank string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
/** The strings of a list. */
export const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A problem at a place in a term (`path` below the term), about it and, for problems between two terms, another. */
export function problemAt(
  entry: TermEntry,
  path: readonly (string | number)[],
  kind: string,
  severity: ProblemSeverity,
  message: string,
  hint?: string,
  other?: TermEntry,
): GlossaryProblem {
  const pos = entry.file.positionOf(['terms', entry.index, ...path]);
  return { kind, severity, message, hint, file: entry.file.path, line: pos.line, column: pos.column, termId: entry.id, ...(other && other.file !== entry.file ? { relatedFile: other.file.path } : {}) };
}

/** Where a term is defined, as `file:line:column`. */
export function termRef(entry: TermEntry): string {
  const pos = entry.file.positionOf(['terms', entry.index]);
  return `${entry.file.path}:${pos.line}:${pos.column}`;
}
