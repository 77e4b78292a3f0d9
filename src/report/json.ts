import type { Finding } from '../core/types.js';
import { writeWhole, type ConversationScore, type FileResult, type LintResult, type Reporter, type ReportWriter } from '../runner/result.js';
import { AT, num, str, strings } from './json-text.js';
import { Spool } from './spool.js';

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

// A finding as the JSON report gives it, written by hand for its fixed shape (json-text.ts): the
// same bytes as JSON.stringify(entry, null, 2) nested four levels deep (a test compares them).
// Measured on the 26,461 findings of 5,000 small transcripts: the entry object, stringified with
// indentation and re-indented with a regex, took ~90–125 ms; this template ~45 ms (json-text's
// obj/arr helpers ~75 ms), and it builds no entry object.
const S = JSON.stringify;
/** A line break and the indentation of a finding's members, of a member's items and of their members. */
const AT_MEMBER = ',\n          ';
const AT_ITEM = '\n            ';
const AT_ITEM_MEMBER = ',\n              ';

/**
 * A conversation's score in the report's scores (without its finding count and file index),
 * written by hand as findingJson is: on 5,127 scores, nested() took ~80–160 ms.
 */
function scoreJson(s: ConversationScore): string {
  let out = `{${AT[4]}"path": ${S(s.path)},${AT[4]}"conversation": ${S(s.conversation)},${AT[4]}"agents": ${strings(s.agents, 4)},`;
  out += `${AT[4]}"score": ${num(s.score)},${AT[4]}"fatal": ${strings(s.fatal, 4)},${AT[4]}"deductions": `;
  if (s.deductions.length === 0) out += '[]';
  else {
    s.deductions.forEach((d, i) => {
      out += `${i === 0 ? '[' : ','}${AT[5]}{${AT[6]}"ruleId": ${S(d.ruleId)},${AT[6]}"points": ${num(d.points)}${AT[5]}}`;
    });
    out += AT[4] + ']';
  }
  return out + AT[3] + '}';
}

/** One finding of a file, as the JSON report writes it at its place in the file's findings. */
function findingJson(file: FileResult, x: Finding): string {
  let out =
    '{\n          "ruleId": ' +
    S(x.ruleId) +
    AT_MEMBER +
    '"kind": ' +
    S(x.kind) +
    AT_MEMBER +
    '"severity": ' +
    S(x.severity) +
    AT_MEMBER +
    '"message": ' +
    S(x.message) +
    AT_MEMBER +
    '"unit": ' +
    S(x.unit) +
    AT_MEMBER +
    '"conversation": ' +
    str(x.conversation) +
    AT_MEMBER +
    '"turn": ' +
    num(x.turn) +
    AT_MEMBER +
    '"role": ' +
    S(x.role) +
    AT_MEMBER +
    '"line": ' +
    num(x.line) +
    AT_MEMBER +
    '"column": ' +
    num(x.column) +
    AT_MEMBER +
    '"endLine": ' +
    num(x.endLine) +
    AT_MEMBER +
    '"endColumn": ' +
    num(x.endColumn) +
    AT_MEMBER +
    '"text": ' +
    S(x.text) +
    AT_MEMBER +
    '"suggestions": ';
  out += strings(x.suggestions, 5);
  const fix = eslintFix(file, x);
  if (fix) {
    out += `${AT_MEMBER}"fix": {${AT_ITEM}"range": [${AT_ITEM}  ${num(fix.range[0])},${AT_ITEM}  ${num(fix.range[1])}${AT_ITEM}],${AT_ITEM}"text": ${S(fix.text)}\n          }`;
  }
  if (x.related) {
    out += AT_MEMBER + '"related": ';
    if (x.related.length === 0) out += '[]';
    else {
      x.related.forEach((r, i) => {
        out +=
          (i === 0 ? '[' : ',') +
          AT_ITEM +
          '{\n              "unit": ' +
          S(r.unit) +
          AT_ITEM_MEMBER +
          '"turn": ' +
          num(r.turn) +
          AT_ITEM_MEMBER +
          '"line": ' +
          num(r.line) +
          AT_ITEM_MEMBER +
          '"column": ' +
          num(r.column) +
          AT_ITEM_MEMBER +
          '"endLine": ' +
          num(r.endLine) +
          AT_ITEM_MEMBER +
          '"endColumn": ' +
          num(r.endColumn) +
          AT_ITEM_MEMBER +
          '"text": ' +
          S(r.text) +
          AT_ITEM_MEMBER +
          '"message": ' +
          S(r.message) +
          AT_ITEM +
          '}';
      });
      out += '\n          ]';
    }
  }
  return out + '\n        }';
}

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep (JSON strings hold no raw line break). */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));

/** UTF-16 units of a large file's findings added to its spool at a time. */
const SPOOL_PIECE = 1 << 15;

/** Counts of a file whose findings come in parts. */
function addCounts(c: ReturnType<typeof counts>, file: FileResult, findings: readonly Finding[]): void {
  const more = counts({ ...file, findings: findings as Finding[] });
  for (const k of Object.keys(c) as (keyof typeof c)[]) c[k] += more[k];
}

/**
 * Writes the JSON report file by file as results arrive, never as one string: the same bytes as
 * JSON.stringify(report, null, 2), whose whole-report string was what failed ("Invalid string
 * length") on large runs. What the report gives before the writer knows it (a large file's
 * counts before its findings, the scores after every file) waits in a spool, in flat memory.
 */
export class JsonWriter implements ReportWriter {
  private count = 0;
  private readonly scoresSpool = new Spool();
  private scoreCount = 0;
  /** The findings of the file coming in parts, and their counts. */
  private readonly partSpool = new Spool();
  private partFindings = 0;
  private partCounts = counts({ path: '', findings: [], units: 0 });

  constructor(private readonly sink: (text: string) => void) {}

  start(): void {
    this.sink('{\n  "version": 1,\n  "files": [');
  }

  part(path: string, findings: readonly Finding[]): void {
    // A file coming in parts is a transcript (parts are of JSONL exports).
    const file: FileResult = { path, findings: [], units: 0, conversations: [] };
    addCounts(this.partCounts, file, findings);
    // Into the spool in bounded pieces: one string per part (1 MiB of input, ~5 M units of JSON)
    // was flattened whole when spilled, 10-20 MB at once in the main thread's heap.
    let text = '';
    for (const x of findings) {
      text += (this.partFindings++ === 0 ? '\n        ' : ',\n        ') + findingJson(file, x);
      if (text.length >= SPOOL_PIECE) {
        this.partSpool.add(text);
        text = '';
      }
    }
    this.partSpool.add(text);
  }

  file(f: FileResult, parts = false): void {
    // The file's entry with its findings written one by one: one large export is one file.
    const c = parts ? this.partCounts : counts(f);
    const n = parts ? this.partFindings : f.findings.length;
    const head = nested({ path: f.path, ...c, findings: [] }, 2);
    this.sink((this.count++ === 0 ? '\n    ' : ',\n    ') + head.slice(0, -'[]\n    }'.length) + (n === 0 ? '[]' : '['));
    if (parts) this.partSpool.drainTo(this.sink);
    else f.findings.forEach((x, i) => this.sink((i === 0 ? '\n        ' : ',\n        ') + findingJson(f, x)));
    this.sink(`${n > 0 ? '\n      ]' : ''}\n    }`);
    this.partFindings = 0;
    this.partCounts = counts({ path: '', findings: [], units: 0 });
  }

  scores(scores: readonly ConversationScore[]): void {
    let text = '';
    for (const score of scores) text += (this.scoreCount++ === 0 ? '\n      ' : ',\n      ') + scoreJson(score);
    this.scoresSpool.add(text);
  }

  end(result: Pick<LintResult, 'summary' | 'scores'>): void {
    this.sink(`${this.count > 0 ? '\n  ]' : ']'},\n  "summary": ${nested(result.summary, 1)},\n  "scores": {\n    "conversations": [`);
    // A score per conversation (a large export has a great many), from the spool.
    this.scoresSpool.drainTo(this.sink);
    this.sink(`${this.scoreCount > 0 ? '\n    ]' : ']'},\n    "agents": ${nested(result.scores.agents, 2)}\n  }\n}\n`);
  }

  abort(): void {
    this.scoresSpool.close();
    this.partSpool.close();
  }
}

/** The JSON report: its shape (version 1) is a contract that tests pin. */
export const json: Reporter = (result) => writeWhole(result, (sink) => new JsonWriter(sink));
