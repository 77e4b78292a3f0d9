// `aslint glossary check`: problems in glossary files that the loader does not stop at, or
// stops at one at a time. It reads the YAML itself (so it reports every problem at once, with
// its line), then runs every check of problems/ on each term and between the terms:
//   duplicate-id        two terms with one id
//   duplicate-term      two terms with the same name, or a variant of one that is another's name
//   misuse-is-term      a misuse that is the preferred form or a variant of a term: aslint would
//                       flag the right word
//   misuse-in-term      a misuse inside another term's name, with no `except` for it
//   missing-language    a name, definition or plain wording missing in a language, or written
//                       in the wrong one
//   missing-definition  no definition
//   missing-examples    misuses without a good and a bad example in their language
//   conversion-only     a zh-Hant name that only converts the characters where Taiwan uses
//                       another word (软件 → 軟件, but Taiwan says 軟體)
//   not-traditional     a zh-Hant form written in Simplified characters
//   invalid             anything else the schema rejects
import { resolve } from 'node:path';
import { parseYaml, readYamlText } from '../yaml/file.js';
import { openccConverters } from '../text/opencc.js';
import { definition } from './problems/definition.js';
import { duplicateId } from './problems/duplicate-id.js';
import { duplicateTerm } from './problems/duplicate-term.js';
import { readEntries } from './problems/entries.js';
import { examples } from './problems/examples.js';
import { misuseInTerm } from './problems/misuse-in-term.js';
import { misuseIsTerm } from './problems/misuse-is-term.js';
import { misuseReason } from './problems/misuse-reason.js';
import { names } from './problems/names.js';
import { plainWording } from './problems/plain-wording.js';
import type { BetweenCheck, Converters, GlossaryProblem, TermCheck, TermEntry } from './problems/problem.js';
import { traditionalName, traditionalProse } from './problems/traditional.js';

export type { GlossaryProblem, ProblemSeverity } from './problems/problem.js';

/** The checks of one term, in the order their problems are listed at one place. */
const TERM_CHECKS: readonly TermCheck[] = [names, traditionalName, definition, traditionalProse, plainWording, examples, misuseReason];
/** The checks between terms. */
const BETWEEN_CHECKS: readonly BetweenCheck[] = [duplicateId, duplicateTerm, misuseIsTerm, misuseInTerm];

async function converters(): Promise<Converters> {
  const convert = await openccConverters();
  return { s2t: convert('cn', 't'), s2tw: convert('cn', 'tw'), s2twp: convert('cn', 'twp'), s2hk: convert('cn', 'hk'), t2s: convert('tw', 'cn') };
}

export interface CheckSource {
  path: string;
  /** The file's text; read from disk when left out. */
  text?: string;
}

export interface CheckOptions {
  /**
   * The rest of the glossary the files will be used with (the bundled and configured files):
   * the files are checked against it, and its own problems are not reported.
   */
  context?: readonly CheckSource[];
}

/** Checks glossary files together (ids and terms must be unique across them), and against their context. */
export async function checkGlossary(sources: readonly CheckSource[], options: CheckOptions = {}): Promise<GlossaryProblem[]> {
  const cc = await converters();
  let problems: GlossaryProblem[] = [];
  const entries: TermEntry[] = [];
  const checked = new Set(sources.map((s) => s.path));
  const context = (options.context ?? []).filter((c) => !checked.has(c.path));
  // Context first: a clash is reported on the file being checked, as the later definition.
  for (const src of [...context, ...sources]) {
    const read = readEntries(parseYaml(src.path, src.text ?? readYamlText(src.path)));
    problems.push(...read.problems);
    entries.push(...read.entries);
  }
  for (const e of entries) for (const check of TERM_CHECKS) problems.push(...check.term(e, cc));
  for (const check of BETWEEN_CHECKS) problems.push(...check.between(entries, cc));
  problems = problems.filter((p) => checked.has(p.file) || (p.relatedFile !== undefined && checked.has(p.relatedFile)));
  const order = new Map([...sources, ...context].map((s, i) => [s.path, i]));
  return problems.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line || a.column - b.column);
}

/**
 * The files `aslint glossary check` checks and what against: the named files (folders already
 * expanded) against the rest of the glossary in use, whose own problems are not theirs to report;
 * with none named, the glossary in use itself.
 */
export async function checkGlossaryInUse(named: readonly string[], inUse: readonly string[]): Promise<{ files: string[]; context: string[]; problems: GlossaryProblem[] }> {
  const files = named.length > 0 ? [...named] : [...inUse];
  const gone = new Set(files.map((f) => resolve(f)));
  const context = named.length > 0 ? inUse.filter((f) => !gone.has(resolve(f))) : [];
  const problems = await checkGlossary(
    files.map((path) => ({ path })),
    { context: context.map((path) => ({ path })) },
  );
  return { files, context, problems };
}

/** The problems as a person reads them, grouped by file. */
export function formatProblems(problems: readonly GlossaryProblem[], cwd = process.cwd()): string {
  if (problems.length === 0) return '';
  const rel = (p: string) => (p.startsWith(cwd + '/') ? p.slice(cwd.length + 1) : p);
  const out: string[] = [];
  let file = '';
  for (const p of problems) {
    if (p.file !== file) {
      if (file) out.push('');
      file = p.file;
      out.push(rel(file));
    }
    out.push(`  ${`${p.line}:${p.column}`.padEnd(8)}${p.severity.padEnd(9)}${p.message}  ${p.kind}`);
    if (p.hint) out.push(`  ${' '.repeat(17)}${p.hint}`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  out.push('', `✖ ${problems.length} problem${problems.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`);
  return out.join('\n') + '\n';
}
