// A term base read from another tool's file, before it becomes glossary YAML: what the readers
// (csv.ts, xlsx.ts, tbx.ts) produce and import.ts writes out.
import { InputError } from '../../core/types.js';
import { CATEGORIES, type Category, type Lang, type Register } from '../model.js';

export type PerLang = Partial<Record<Lang, string>>;

/** An item of a list with the index the export gave it (TBX ids), when known. */
export interface Placed<T> {
  value: T;
  index?: number;
}

export interface ImportedMisuse {
  text: string;
  why?: string;
  except: string[];
  alternatives: string[];
}

export interface ImportedTerm {
  id: string;
  category?: Category;
  names: PerLang;
  definition: PerLang;
  plain: PerLang;
  variants: Placed<string>[];
  misuses: Placed<ImportedMisuse>[];
  good: Placed<string>[];
  bad: Placed<string>[];
  register?: Register;
  source?: string;
  /** Where the term is in the imported file, for messages. */
  where: { file: string; line?: number; what: string };
}

export interface ImportOptions {
  /** The category of terms the file does not give one (or gives one aslint does not have). */
  category?: Category;
  /** A wide table's headers → the fields they hold (see WIDE_FIELDS in table.ts). */
  columns?: Record<string, string>;
  /** The sheet of an Excel workbook to read (its name or 1-based number); the first when left out. */
  sheet?: string;
}


/** A language tag of a term base → the glossary's language. */
export function glossaryLang(tag: string): Lang | undefined {
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (/^zh(-hans)?(-(cn|sg|my))?$/.test(t) || /^zh-(cn|sg|my)$/.test(t) || t === 'zh-hans-cn') return 'zh-Hans';
  if (/^zh-hant(-(tw|hk|mo))?$/.test(t) || /^zh-(tw|hk|mo)$/.test(t)) return 'zh-Hant';
  if (/^en(-[a-z]+)?$/.test(t)) return 'en';
  return undefined;
}

/** A term id aslint accepts, made from the file's own id. */
export function toTermId(raw: string | undefined, fallback: string): string {
  const from = (s: string) =>
    s
      .replace(/^_(?=[0-9])/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return (raw ? from(raw) : '') || from(fallback) || 'term';
}

export function asCategory(value: string | undefined, options: ImportOptions, where: string): Category {
  const v = value?.trim().toLowerCase();
  if (v && (CATEGORIES as readonly string[]).includes(v)) return v as Category;
  if (options.category) return options.category;
  throw new InputError(
    v ? `${where}: "${value}" is not an aslint category` : `${where}: no category`,
    undefined,
    undefined,
    undefined,
    `Pass --category ${CATEGORIES.join('|')} for the terms whose category is missing or unknown.`,
  );
}

export const lines = (cell: string | undefined) => (cell ? cell.split(/\r?\n/).map((s) => s.trim()) : []);
export const items = (cell: string | undefined) => lines(cell).filter((s) => s !== '');

