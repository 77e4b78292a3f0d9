// --fix for canned-reply libraries (YAML, JSON, text): each fixable finding's edit is made in the
// file's own text at the finding's source span, written the way that place in the file needs it
// (JSON string escapes, YAML quoting styles). Nothing else of the file changes: comments, key
// order, quoting, indentation, line endings, encoding and BOM stay as they were. A fixed file is
// read back before it is written: if its replies do not read back as expected, it is left alone.
// Transcripts are records of what was said and are never rewritten.
import { createTwoFilesPatch } from 'diff';
import { readFile } from 'node:fs/promises';
import { replaceFileContents } from './replace-file.js';
import { parse, parseDocument, visit, type Scalar } from 'yaml';
import { decodeBytes, encodeText, type SourceEncoding } from '../sources/encoding.js';
import { openText } from '../sources/index.js';
import { InputError, type Finding, type SourceFormat } from '../types.js';

/** The formats --fix may rewrite. */
export const FIXABLE_FORMATS: ReadonlySet<SourceFormat> = new Set<SourceFormat>(['replies-yaml', 'replies-json', 'replies-text']);

export interface SkippedFix {
  finding: Finding;
  reason: string;
}

export interface FixResult {
  /** The text with the fixes made (the input itself when none could be made). */
  output: string;
  applied: Finding[];
  skipped: SkippedFix[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
  finding: Finding;
}

interface YamlScalarAt {
  start: number;
  end: number;
  type: Scalar['type'];
}

/** The string scalars of a YAML text with their source ranges and styles. */
function yamlScalars(text: string): YamlScalarAt[] {
  const doc = parseDocument(text, { keepSourceTokens: true });
  const found: YamlScalarAt[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.range) found.push({ start: node.range[0], end: node.range[1], type: node.type });
    },
  });
  // Keys and values are visited in document order already; sorted to be sure (aliases aside).
  return found.sort((a, b) => a.start - b.start);
}

/** The scalar (scalars sorted by start, not nested) that holds [start, end), by binary search. */
function scalarAround(scalars: readonly YamlScalarAt[], start: number, end: number): YamlScalarAt | undefined {
  let lo = 0;
  let hi = scalars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scalars[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  const s = scalars[lo - 1];
  return s && end <= s.end ? s : undefined;
}

const YAML_PLAIN_UNSAFE = /[\n\r#:,[\]{}]|^\s|\s$/;
const YAML_INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** The replacement as it must be written at this place of a YAML file, or a reason it cannot be. */
function yamlReplacement(edit: { start: number; end: number; raw: string; finding: Finding }, scalars: YamlScalarAt[]): string | { reason: string } {
  const { raw, finding } = edit;
  const rep = finding.fix!.replacement;
  const s = scalarAround(scalars, edit.start, edit.end);
  if (!s) return { reason: 'the span is not inside a YAML string' };
  if (/[\n\r]/.test(rep)) return { reason: 'the replacement has a line break' };
  switch (s.type) {
    case 'PLAIN':
      if (raw !== finding.text) return { reason: 'the span is folded over lines in the file' };
      if (YAML_PLAIN_UNSAFE.test(rep) || (edit.start === s.start && YAML_INDICATOR_START.test(rep))) {
        return { reason: 'the replacement would need quotes in this unquoted YAML text' };
      }
      return rep;
    case 'QUOTE_SINGLE':
      if (raw.replace(/''/g, "'") !== finding.text || /[\n\r]/.test(raw)) return { reason: 'the span is folded over lines in the file' };
      return rep.replace(/'/g, "''");
    case 'QUOTE_DOUBLE': {
      if (/[\n\r]/.test(raw)) return { reason: 'the span is folded over lines in the file' };
      let decoded: unknown;
      try {
        decoded = raw.includes('\\') ? parse(`"${raw}"`) : raw;
      } catch {
        decoded = undefined;
      }
      if (decoded !== finding.text) return { reason: 'the span in the file does not read as the flagged text' };
      let body = rep.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
      // Written with \u escapes for non-ASCII? Then the replacement is too.
      if (/\\u[0-9a-fA-F]{4}/.test(raw) && !/[^\x00-\x7f]/.test(raw)) body = body.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      return body;
    }
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      if (raw !== finding.text) return { reason: 'the span is folded over lines in the file' };
      return rep;
    default:
      return { reason: 'the span is in a YAML node that is not text' };
  }
}

/** The replacement as a JSON string body, in the file's style (\u escapes for non-ASCII if it uses them). */
function jsonReplacement(raw: string, finding: Finding): string | { reason: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(`"${raw}"`);
  } catch {
    return { reason: 'the span is not inside a JSON string' };
  }
  if (decoded !== finding.text) return { reason: 'the span in the file does not read as the flagged text' };
  let body = JSON.stringify(finding.fix!.replacement).slice(1, -1);
  const asciiOnly = /\\u[0-9a-fA-F]{4}/.test(raw) && !/[^\x00-\x7f]/.test(raw);
  if (asciiOnly) body = body.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return body;
}

function textReplacement(text: string, start: number, raw: string, finding: Finding): string | { reason: string } {
  const rep = finding.fix!.replacement;
  if (raw !== finding.text) return { reason: 'the span in the file does not read as the flagged text' };
  if (/[\n\r]/.test(rep)) return { reason: 'the replacement has a line break' };
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() === '' && rep.trimStart().startsWith('#')) return { reason: 'the replacement would turn the line into a comment' };
  return rep;
}

/** Every reply's text, in file order, as the format's reader reads it. */
async function replyTexts(path: string, text: string, format: SourceFormat): Promise<{ id: string; text: string }[]> {
  const out: { id: string; text: string }[] = [];
  for await (const c of openText(path, text, format).conversations) for (const u of c.units) out.push({ id: u.id, text: u.text });
  return out;
}

/**
 * Makes the fixes of `findings` in `text` (the decoded file, BOM removed). Findings without a
 * fix, or whose fix overlaps one already made, or that cannot be written safely, are skipped.
 */
export async function applyFixes(path: string, text: string, format: SourceFormat, findings: readonly Finding[]): Promise<FixResult> {
  const skipped: SkippedFix[] = [];
  const withFix = findings.filter((f) => f.fix);
  if (!FIXABLE_FORMATS.has(format)) {
    return { output: text, applied: [], skipped: withFix.map((finding) => ({ finding, reason: 'transcripts are never rewritten' })) };
  }
  const scalars = format === 'replies-yaml' ? yamlScalars(text) : [];
  const edits: Edit[] = [];
  for (const finding of [...withFix].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)) {
    const fix = finding.fix!;
    if (fix.start !== finding.start || fix.end !== finding.end) {
      skipped.push({ finding, reason: 'the fix does not cover the flagged span' });
      continue;
    }
    const last = edits[edits.length - 1];
    if (last && finding.offset < last.end) {
      skipped.push({ finding, reason: 'overlaps another fix' });
      continue;
    }
    const raw = text.slice(finding.offset, finding.endOffset);
    const rep =
      format === 'replies-json'
        ? jsonReplacement(raw, finding)
        : format === 'replies-yaml'
          ? yamlReplacement({ start: finding.offset, end: finding.endOffset, raw, finding }, scalars)
          : textReplacement(text, finding.offset, raw, finding);
    if (typeof rep !== 'string') {
      skipped.push({ finding, reason: rep.reason });
      continue;
    }
    edits.push({ start: finding.offset, end: finding.endOffset, text: rep, finding });
  }
  if (edits.length === 0) return { output: text, applied: [], skipped };

  // One pass: the text between edits and the edits, joined once (rebuilding the string per edit
  // made 20,000 replies take minutes).
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  const output = parts.join('');

  // Read the fixed file back: every reply must read as before, with exactly the edits made.
  const expected = new Map<string, string>();
  const before = await replyTexts(path, text, format);
  const byUnit = new Map<string, Edit[]>();
  for (const e of edits) {
    const list = byUnit.get(e.finding.unit);
    if (list) list.push(e);
    else byUnit.set(e.finding.unit, [e]);
  }
  for (const r of before) {
    let t = r.text;
    for (const e of [...(byUnit.get(r.id) ?? [])].sort((a, b) => b.finding.start - a.finding.start)) {
      t = t.slice(0, e.finding.start) + e.finding.fix!.replacement + t.slice(e.finding.end);
    }
    expected.set(r.id, t);
  }
  let after: { id: string; text: string }[] | undefined;
  try {
    after = await replyTexts(path, output, format);
  } catch {
    after = undefined;
  }
  const same = after !== undefined && after.length === before.length && after.every((r, i) => r.id === before[i]!.id && r.text === expected.get(r.id));
  if (!same) {
    return { output: text, applied: [], skipped: [...skipped, ...edits.map((e) => ({ finding: e.finding, reason: 'the fixed file would not read back as expected' }))] };
  }
  return { output, applied: edits.map((e) => e.finding), skipped };
}

/** A unified diff of a file's text before and after fixing ('' when equal). */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const shown = path.split('\\').join('/');
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, before, after, undefined, undefined, { context: 3 });
}

export interface WriteOptions {
  /** The text the file held when it was read: the file is replaced only if it still holds it. */
  original?: string;
  /** Tests: called just before the file is replaced (to change it meanwhile, or fail). */
  beforeReplace?: () => void;
}

/**
 * Writes fixed text back in the file's encoding, with its BOM if it had one (see replace-file.ts
 * for how: read-only files, files changed meanwhile and hard links are respected). Text that the
 * encoding cannot hold (a Simplified character in a Big5 file) is refused, not written as `?`.
 */
export async function writeFixedFile(path: string, text: string, encoding: SourceEncoding, bom: boolean, options: WriteOptions = {}): Promise<void> {
  const bytes = encodeText(text, encoding, bom);
  let roundTrip: string | undefined;
  try {
    roundTrip = decodeBytes(bytes, path, encoding).text;
  } catch {
    roundTrip = undefined;
  }
  if (roundTrip !== text) {
    throw new InputError(`cannot write the fix in ${encoding}: the replacement has characters that encoding lacks`, path, undefined, undefined, 'Save the file as UTF-8, or fix it by hand.');
  }
  const expected = options.original === undefined ? await readFile(path) : encodeText(options.original, encoding, bom);
  replaceFileContents(path, bytes, expected, { beforeReplace: options.beforeReplace });
}
