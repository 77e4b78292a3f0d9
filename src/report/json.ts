import type { Finding } from '../types.js';
import type { FileResult, Reporter } from './result.js';

/**
 * Whether `--fix` would fix a finding of a file: it rewrites reply libraries only, never
 * transcripts (which carry conversations), as ESLint's counts mean what `--fix` does.
 */
const fixable = (file: FileResult, f: Finding) => f.fix !== undefined && file.conversations === undefined;

/**
 * A finding's fix as ESLint's JSON gives it: the range of decoded file text (UTF-16 offsets) to
 * replace, and the text. Only when the span stands in the file as it is (not behind JSON or YAML
 * escapes or a folded line, which `--fix` handles), so that a consumer can apply it blindly.
 */
function eslintFix(file: FileResult, f: Finding): { range: [number, number]; text: string } | undefined {
  if (!fixable(file, f) || f.endOffset - f.offset !== f.text.length) return undefined;
  return { range: [f.offset, f.endOffset], text: f.fix!.replacement };
}

/** ESLint's per-file counts (and infos, which ESLint has not). */
function counts(file: FileResult) {
  const c = { errorCount: 0, warningCount: 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const f of file.findings) {
    if (f.severity === 'error') c.errorCount++;
    else if (f.severity === 'warning') c.warningCount++;
    else c.infoCount++;
    if (fixable(file, f) && f.severity === 'error') c.fixableErrorCount++;
    if (fixable(file, f) && f.severity === 'warning') c.fixableWarningCount++;
  }
  return c;
}

/** The JSON report: its shape (version 1) is a contract that tests pin. */
export const json: Reporter = (result) => {
  return JSON.stringify(
    {
      version: 1,
      files: result.files.map((f) => ({
        path: f.path,
        ...counts(f),
        findings: f.findings.map((x) => ({
          ruleId: x.ruleId,
          kind: x.kind,
          severity: x.severity,
          message: x.message,
          unit: x.unit,
          conversation: x.conversation,
          turn: x.turn,
          role: x.role,
          line: x.line,
          column: x.column,
          endLine: x.endLine,
          endColumn: x.endColumn,
          text: x.text,
          suggestions: x.suggestions,
          fix: eslintFix(f, x),
          ...(x.related ? { related: x.related.map(({ unit, turn, line, column, endLine, endColumn, text, message }) => ({ unit, turn, line, column, endLine, endColumn, text, message })) } : {}),
        })),
      })),
      summary: result.summary,
      scores: {
        conversations: result.scores.conversations.map(({ findings: _count, fileIndex: _file, ...score }) => score),
        agents: result.scores.agents,
      },
    },
    null,
    2,
  ) + '\n';
};
