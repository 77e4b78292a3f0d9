// --fix for canned-reply libraries (YAML, JSON, text): each fixable finding's edit is made in the
// file's own text at the finding's source span, written the way that place in the file needs it
// (JSON string escapes, YAML quoting styles). Nothing else of the file changes: comments, key
// order, quoting, indentation, line endings, encoding and BOM stay as they were. A fixed file is
// read back before it is written: if its replies do not read back as expected, it is left alone.
// Transcripts are records of what was said and are never rewritten.
import { createTwoFilesPatch } from 'diff';
import { readFile } from 'node:fs/promises';
import { replaceFileContents } from '../engine/replace-file.js';
import { decodeBytes, encodeText, type SourceEncoding } from '../sources/encoding.js';
import { inputFormat, openText, type SourceFormat } from '../sources/index.js';
import { InputError, type Finding } from '../core/types.js';

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
  if (text.charCodeAt(0) === 0xfeff) {
    // A second BOM (a file saved with two) is left in the decoded text as U+FEFF; openText drops
    // it when reading, so findings' offsets count from after it: fix the rest and keep it as it was.
    const rest = await applyFixes(path, text.slice(1), format, findings);
    return { ...rest, output: `\ufeff${rest.output}` };
  }
  const skipped: SkippedFix[] = [];
  const withFix = findings.filter((f) => f.fix);
  const library = inputFormat(format).library;
  if (!library) {
    return { output: text, applied: [], skipped: withFix.map((finding) => ({ finding, reason: 'transcripts are never rewritten' })) };
  }
  const replacement = library.fixer(text);
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
    const rep = replacement({ start: finding.offset, end: finding.endOffset, raw, finding });
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
    return {
      output: text,
      applied: [],
      skipped: [...skipped, ...edits.map((e) => ({ finding: e.finding, reason: 'the fixed file would not read back as expected' }))],
    };
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
 * Writes fixed text back in the file's encoding, with its BOM if it had one (see
 * engine/replace-file.ts for how: read-only files, files changed meanwhile and hard links are
 * respected). Text that the encoding cannot hold (a Simplified character in a Big5 file) is
 * refused, not written as `?`.
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
    throw new InputError(
      `cannot write the fix in ${encoding}: the replacement has characters that encoding lacks`,
      path,
      undefined,
      undefined,
      'Save the file as UTF-8, or fix it by hand.',
    );
  }
  const expected = options.original === undefined ? await readFile(path) : encodeText(options.original, encoding, bom);
  replaceFileContents(path, bytes, expected, { beforeReplace: options.beforeReplace });
}
