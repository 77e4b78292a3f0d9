// The terms of a glossary file as the checks read them, and the problems that keep a file or a
// term from being read (kind `invalid`): not a mapping, no list of terms, what the schema
// rejects, a term without id, a misuse without text.
import { glossarySchema } from '../schema.js';
import { validate, type YamlFile } from '../../yaml/file.js';
import { InputError } from '../../core/types.js';
import { CATEGORIES } from '../model.js';
import { problemAt, str, strs, type GlossaryProblem, type RawMisuse, type RawTerm, type TermEntry } from './problem.js';

/** The term at `index` of a file (its value as read). */
export function termEntry(file: YamlFile, index: number, raw: RawTerm): TermEntry {
  const misuses = Array.isArray(raw.misuses) ? (raw.misuses as RawMisuse[]) : [];
  return {
    file,
    index,
    raw,
    id: str(raw.id) ?? `#${index + 1}`,
    names: { 'zh-Hans': str(raw['zh-Hans']), 'zh-Hant': str(raw['zh-Hant']), en: str(raw.en) },
    variants: strs(raw.variants),
    misuses: misuses.flatMap((m, i) => (str(m?.text) ? [{ text: m.text as string, except: strs(m.except), index: i }] : [])),
  };
}

/** A file's terms, and what keeps it or its terms from being read. */
export function readEntries(file: YamlFile): { entries: TermEntry[]; problems: GlossaryProblem[] } {
  const problems: GlossaryProblem[] = [];
  const at = (path: (string | number)[], message: string) => {
    const pos = file.positionOf(path);
    problems.push({ kind: 'invalid', severity: 'error', message, hint: undefined, file: file.path, line: pos.line, column: pos.column, termId: undefined });
  };
  const data = file.data as { category?: unknown; terms?: unknown } | null;
  if (!data || typeof data !== 'object') {
    at([], 'a glossary file is a mapping with `category` and `terms`');
    return { entries: [], problems };
  }
  if (!(CATEGORIES as readonly unknown[]).includes(data.category)) at(['category'], `category must be one of: ${CATEGORIES.join(', ')}`);
  if (!Array.isArray(data.terms)) {
    at(['terms'], '`terms` must be a list of terms');
    return { entries: [], problems };
  }
  // The schema's own complaints, except the missing keys the checks report with better words.
  try {
    validate(file, data, glossarySchema, [], 'glossary');
  } catch (e) {
    if (e instanceof InputError && !/missing required key/.test(e.message)) {
      problems.push({ kind: 'invalid', severity: 'error', message: e.message, hint: e.hint, file: file.path, line: e.line ?? 1, column: e.column ?? 1 });
    }
  }
  const entries: TermEntry[] = [];
  (data.terms as unknown[]).forEach((value, i) => {
    if (!value || typeof value !== 'object') return;
    const entry = termEntry(file, i, value as RawTerm);
    if (!str(entry.raw.id)) problems.push(problemAt(entry, [], 'invalid', 'error', `term ${entry.id} has no id`, 'Give it an id: lower case letters, digits and dashes.'));
    const misuses = Array.isArray(entry.raw.misuses) ? (entry.raw.misuses as RawMisuse[]) : [];
    misuses.forEach((m, j) => {
      if (!str(m?.text)) problems.push(problemAt(entry, ['misuses', j], 'invalid', 'error', `misuse ${j + 1} of "${entry.id}" has no text`));
    });
    entries.push(entry);
  });
  return { entries, problems };
}
