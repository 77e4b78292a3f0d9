import type { Finding } from '../core/types.js';
import type { FileResult, LintResult, Reporter } from '../runner/result.js';

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

/** A finding as the JSON report gives it. */
function findingEntry(f: FileResult, x: Finding) {
  return {
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
  };
}

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep (JSON strings hold no raw line break). */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));

/**
 * Writes the JSON report file by file as results arrive, never as one string: the same bytes as
 * JSON.stringify(report, null, 2), whose whole-report string was what failed ("Invalid string
 * length") on large runs.
 */
export class JsonWriter {
  private count = 0;

  constructor(private readonly sink: (text: string) => void) {}

  start(): void {
    this.sink('{\n  "version": 1,\n  "files": [');
  }

  file(f: FileResult): void {
    // The file's entry with its findings written one by one: one large export is one file.
    const head = nested({ path: f.path, ...counts(f), findings: [] }, 2);
    this.sink((this.count++ === 0 ? '\n    ' : ',\n    ') + head.slice(0, -'[]\n    }'.length) + (f.findings.length === 0 ? '[]' : '['));
    f.findings.forEach((x, i) => this.sink((i === 0 ? '\n        ' : ',\n        ') + nested(findingEntry(f, x), 4)));
    this.sink(`${f.findings.length > 0 ? '\n      ]' : ''}\n    }`);
  }

  end(result: Pick<LintResult, 'summary' | 'scores'>): void {
    this.sink(`${this.count > 0 ? '\n  ]' : ']'},\n  "summary": ${nested(result.summary, 1)},\n  "scores": {\n    "conversations": [`);
    // A score per conversation: written one by one too (a large export has a great many).
    const { conversations, agents } = result.scores;
    conversations.forEach(({ findings: _count, fileIndex: _file, ...score }, i) => this.sink((i === 0 ? '\n      ' : ',\n      ') + nested(score, 3)));
    this.sink(`${conversations.length > 0 ? '\n    ]' : ']'},\n    "agents": ${nested(agents, 2)}\n  }\n}\n`);
  }
}

/** The JSON report: its shape (version 1) is a contract that tests pin. */
export const json: Reporter = (result) => {
  const parts: string[] = [];
  const writer = new JsonWriter((s) => parts.push(s));
  writer.start();
  for (const f of result.files) writer.file(f);
  writer.end(result);
  return parts.join('');
};
