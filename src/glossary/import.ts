// `aslint glossary import`: a company's term base (TBX, CSV or an Excel sheet: aslint's own
// layout or a row per term with a column per language) read by its format's reader in exchange/,
// and written as aslint glossary YAML (exchange/glossary-yaml.ts), one file per category.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../sources/encoding.js';
import { InputError } from '../core/types.js';
import type { Category } from './model.js';
import { toGlossaryYaml, type ImportResult } from './exchange/glossary-yaml.js';
import type { ImportedTerm, ImportOptions } from './exchange/term-base.js';

export type { ImportedTerm, ImportOptions } from './exchange/term-base.js';
export { toGlossaryYaml, type ImportResult } from './exchange/glossary-yaml.js';

export type TermBaseFormat = 'tbx' | 'csv' | 'xlsx';

/** The format of a term base, from its name or its first bytes. */
export function termBaseFormat(data: Buffer, file: string): TermBaseFormat {
  if (/\.(tbx|xml)$/i.test(file)) return 'tbx';
  if (/\.(xlsx|xlsm)$/i.test(file)) return 'xlsx';
  if (/\.(csv|tsv|txt)$/i.test(file)) return 'csv';
  if (data.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return 'xlsx';
  return data.toString('utf8', 0, 200).replace(/^\uFEFF/, '').trimStart().startsWith('<') ? 'tbx' : 'csv';
}

/**
 * Reads a term base into glossary YAML: TBX, CSV or xlsx (by `from`, else the name or content).
 * Text formats come as decoded text, a workbook as its bytes.
 */
export async function importTermBase(input: string | Buffer, file: string, options: ImportOptions & { from?: TermBaseFormat } = {}): Promise<ImportResult> {
  const from = options.from ?? termBaseFormat(typeof input === 'string' ? Buffer.from(input.slice(0, 200)) : input, file);
  const text = () => (typeof input === 'string' ? input : input.toString('utf8'));
  let read: { terms: ImportedTerm[]; notes: string[] };
  if (from === 'xlsx') {
    if (typeof input === 'string') throw new InputError('an Excel workbook is read from its bytes, not from text', file);
    read = await (await import('./exchange/xlsx.js')).readXlsxTermBase(input, file, options);
  } else if (from === 'tbx') {
    read = { terms: (await import('./exchange/tbx.js')).readTbxTermBase(text(), file, options), notes: [] };
  } else {
    read = (await import('./exchange/csv.js')).readCsvTermBase(text(), file, options);
  }
  if (read.terms.length === 0) {
    const hint = from === 'tbx' ? 'A TBX term base has <termEntry> (or <conceptEntry>) elements in <text><body>.' : 'The table needs a header row and a row per term (or per term and language).';
    throw new InputError('no terms found', file, undefined, undefined, hint);
  }
  const result = await toGlossaryYaml(read.terms, file.replace(/^.*[\\/]/, ''));
  return { files: result.files, notes: [...read.notes, ...result.notes] };
}

/** A glossary file an import writes: where, and its YAML. */
export interface ImportedFile {
  path: string;
  category: Category;
  yaml: string;
  terms: number;
}

/**
 * Imports a term base file into the glossary files to write: one file at `output` (or, without
 * one, a single file shown on stdout), or one `<category>.yaml` per category in the folder
 * `output` names (an existing folder, or a path ending in a separator).
 */
export async function importTermBaseFile(file: string, options: ImportOptions & { from?: TermBaseFormat; output?: string } = {}): Promise<{ files: ImportedFile[]; notes: string[] }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file, undefined, undefined, 'Check the path.');
  }
  const from = options.from ?? termBaseFormat(bytes, file);
  // A spreadsheet saved on a Chinese Windows writes GB18030 or Big5: text is decoded as lint decodes transcripts.
  const input = from === 'xlsx' ? bytes : decodeBytes(bytes, file).text;
  const result = await importTermBase(input, file, { ...options, from });
  const out = options.output;
  const toFolder = out !== undefined && (/[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory()));
  if (result.files.length > 1 && !toFolder) {
    throw new InputError(
      `the term base has terms in ${result.files.length} categories (${result.files.map((f) => f.category).join(', ')}), and a glossary file holds one`,
      file,
      undefined,
      undefined,
      'Write them to a folder: -o glossary/ (one <category>.yaml each).',
    );
  }
  const files = result.files.map((f) => ({ ...f, path: toFolder ? join(out!, `${f.category}.yaml`) : (out ?? `${file} (imported YAML)`) }));
  return { files, notes: result.notes };
}
