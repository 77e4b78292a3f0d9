// reviewdog's Diagnostic JSON (rdjson): `aslint lint -f rdjson | reviewdog -f=rdjson -reporter=github-pr-review`.
// reviewdog counts columns in UTF-8 bytes, so each column is recounted from the decoded file.
import { readFileSync } from 'node:fs';
import { PROJECT_URL } from '../core/package.js';
import { resolve } from 'node:path';
import { decodeBytes } from '../sources/encoding.js';
import type { Finding, Severity } from '../core/types.js';
import { displayPath } from './paths.js';
import type { Reporter } from '../runner/result.js';
import { ruleDocsUrl } from './rule-docs.js';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

interface RdPosition {
  line: number;
  column: number;
}

/** Reads the decoded text of a linted file, or undefined (stdin, unreadable, changed since). */
function sourceText(path: string, cwd: string): string | undefined {
  if (path === '<stdin>') return undefined;
  try {
    return decodeBytes(readFileSync(resolve(cwd, path)), path).text;
  } catch {
    return undefined;
  }
}

const utf8Length = (s: string) => Buffer.byteLength(s, 'utf8');

/** The 1-based UTF-8 byte column of a file offset. */
function byteColumn(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return utf8Length(text.slice(lineStart, offset)) + 1;
}

function positions(f: Finding, text: string | undefined): { start: RdPosition; end: RdPosition; verbatim: boolean } {
  if (text !== undefined && f.endOffset <= text.length) {
    return {
      start: { line: f.line, column: byteColumn(text, f.offset) },
      end: { line: f.endLine, column: byteColumn(text, f.endOffset) },
      verbatim: text.slice(f.offset, f.endOffset) === f.text,
    };
  }
  // Without the file, the utterance's own text stands in for the line when the line's start lies inside it.
  const lead = f.column - 1;
  if (f.line === f.endLine && lead <= f.start) {
    const prefix = f.utterance.slice(f.start - lead, f.start);
    const column = utf8Length(prefix) + 1;
    return { start: { line: f.line, column }, end: { line: f.endLine, column: column + utf8Length(f.text) }, verbatim: true };
  }
  return { start: { line: f.line, column: f.column }, end: { line: f.endLine, column: f.endColumn }, verbatim: false };
}

export const rdjson: Reporter = (result, options) => {
  const diagnostics: unknown[] = [];
  for (const file of result.files) {
    const path = displayPath(file.path, options.cwd);
    const text = file.findings.length > 0 ? sourceText(file.path, options.cwd) : undefined;
    for (const f of file.findings) {
      const { start, end, verbatim } = positions(f, text);
      const range = { start, end };
      const diagnostic: Record<string, unknown> = {
        message: f.message,
        location: { path, range },
        severity: SEVERITY[f.severity],
        source: { name: 'aslint' },
        code: { value: f.ruleId, url: ruleDocsUrl(f.ruleId) },
      };
      // A suggestion reviewdog can apply as it is: the span is verbatim in the file and the
      // replacement needs no escaping in a quoted string.
      if (f.fix && verbatim && !/["'\\\n\r]/.test(f.fix.replacement)) diagnostic.suggestions = [{ range, text: f.fix.replacement }];
      diagnostics.push(diagnostic);
    }
  }
  return JSON.stringify({ source: { name: 'aslint', url: PROJECT_URL }, diagnostics }, null, 2) + '\n';
};
