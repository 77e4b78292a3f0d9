import type { Finding, RelatedLocation } from '../core/types.js';
import {
  writeWhole,
  type ConversationScore,
  type FileResult,
  type LintResult,
  type RenderedBatch,
  type RenderedItems,
  type RenderSpec,
  type Reporter,
  type ReportWriter,
} from '../runner/result.js';
import { AT, LastJson, num, str, strings } from './json-text.js';
import { Spool } from './spool.js';
import { addChunks, type Sink } from './sink.js';
import { PART_RENDERER } from './part-renderer.js';

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
// obj/arr helpers ~75 ms), and it builds no entry object. Loops, not forEach: no closure per finding.
/** A line break and the indentation of a finding's members, and of a member's items. */
const AT_MEMBER = ',\n          ';
const AT_ITEM = '\n            ';

/**
 * A conversation's score in the report's scores (without its finding count and file index),
 * written by hand as findingJson is: on 5,127 scores, nested() took ~80–160 ms. Its conversation
 * id through JSON.stringify, not str(): ids seldom repeat, and 30k of them kept filling and
 * emptying str()'s map (the scores of big24.jsonl written alone: 142-146 ms → 121-129 ms CPU).
 */
function scoreJson(s: ConversationScore): string {
  let out = `{${AT[4]}"path": ${JSON.stringify(s.path)},${AT[4]}"conversation": ${JSON.stringify(s.conversation)},${AT[4]}"agents": ${strings(s.agents, 4)},`;
  out += `${AT[4]}"score": ${num(s.score)},${AT[4]}"fatal": ${strings(s.fatal, 4)},${AT[4]}"deductions": `;
  const deductions = s.deductions;
  if (deductions.length === 0) out += '[]';
  else {
    for (let i = 0; i < deductions.length; i++) {
      const d = deductions[i]!;
      out += `${i === 0 ? '[' : ','}${AT[5]}{${AT[6]}"ruleId": ${str(d.ruleId)},${AT[6]}"points": ${num(d.points)}${AT[5]}}`;
    }
    out += AT[4] + ']';
  }
  return out + AT[3] + '}';
}

/** A finding's related places, as the JSON report writes them. */
function relatedJson(related: readonly RelatedLocation[]): string {
  if (related.length === 0) return '[]';
  let out = '';
  for (let i = 0; i < related.length; i++) {
    const r = related[i]!;
    out +=
      (i === 0 ? '[' : ',') +
      AT_ITEM +
      '{\n              "unit": ' +
      JSON.stringify(r.unit) +
      ',\n              "turn": ' +
      num(r.turn) +
      ',\n              "line": ' +
      num(r.line) +
      ',\n              "column": ' +
      num(r.column) +
      ',\n              "endLine": ' +
      num(r.endLine) +
      ',\n              "endColumn": ' +
      num(r.endColumn) +
      ',\n              "text": ' +
      str(r.text) +
      ',\n              "message": ' +
      str(r.message) +
      AT_ITEM +
      '}';
  }
  return out + '\n          ]';
}

/**
 * A finding's conversation id as JSON, remembered for the run of findings of one conversation.
 * Through str(), the 30k ids of a 24 MiB export filled its map and emptied it every 4,096
 * conversations. Measured, the writer alone on the 27k findings of a 4 MiB JSONL export (part()
 * and file(), least of 8-10 rounds, alternated): 96-101 ms of CPU through str(), 86-92 so.
 */
const findingConversation = new LastJson();

/** One finding of a file, as the JSON report writes it at its place in the file's findings. */
function findingJson(file: FileResult, x: Finding): string {
  let out =
    '{\n          "ruleId": ' +
    str(x.ruleId) +
    ',\n          "kind": ' +
    str(x.kind) +
    ',\n          "severity": ' +
    str(x.severity) +
    ',\n          "message": ' +
    str(x.message) +
    ',\n          "unit": ' +
    JSON.stringify(x.unit) +
    ',\n          "conversation": ' +
    findingConversation.of(x.conversation) +
    ',\n          "turn": ' +
    num(x.turn) +
    ',\n          "role": ' +
    str(x.role) +
    ',\n          "line": ' +
    num(x.line) +
    ',\n          "column": ' +
    num(x.column) +
    ',\n          "endLine": ' +
    num(x.endLine) +
    ',\n          "endColumn": ' +
    num(x.endColumn) +
    ',\n          "text": ' +
    str(x.text) +
    ',\n          "suggestions": ' +
    strings(x.suggestions, 5);
  const fix = eslintFix(file, x);
  if (fix) {
    out += `${AT_MEMBER}"fix": {${AT_ITEM}"range": [${AT_ITEM}  ${num(fix.range[0])},${AT_ITEM}  ${num(fix.range[1])}${AT_ITEM}],${AT_ITEM}"text": ${str(fix.text)}\n          }`;
  }
  if (x.related) out += ',\n          "related": ' + relatedJson(x.related);
  return out + '\n        }';
}

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep (JSON strings hold no raw line break). */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));

/** UTF-16 units of a large file's findings added to its spool at a time. */
const SPOOL_PIECE = 1 << 15;

/**
 * UTF-16 units of a file's entry handed to the sink at a time: a small file's entry in one piece,
 * not a piece per finding (each a Buffer write of its own). Measured, the writer alone on 5,127
 * small files through a report file's batching (big4.jsonl's conversations as files, least of 8,
 * alternated): 75-77 ms of CPU → 67-70 ms; 4 Ki to 64 Ki units did the same.
 */
const FILE_PIECE = 1 << 14;

/** The separators that lead a file's entry, a finding of a file, a conversation's score (the first item of each list drops the ','). */
const FILE_SEP = ',\n    ';
const FINDING_SEP = ',\n        ';
const FIRST_FINDING_SEP = FINDING_SEP.slice(1);
const SCORE_SEP = ',\n      ';

/** The counts in the head of a file's entry, as a list (what a part adds to them). */
const COUNT_KEYS = ['errorCount', 'warningCount', 'infoCount', 'fixableErrorCount', 'fixableWarningCount'] as const;

/** A file's counts as a list in COUNT_KEYS order (a part's, added to the file's by the writer). */
function countList(file: FileResult): number[] {
  const c = counts(file);
  return COUNT_KEYS.map((k) => c[k]);
}

/**
 * The head of a file's entry, led by its separator, up to its findings (`[`, or `[]` when it has
 * none): what nested({ path, ...counts, findings }, 2) writes, by hand (nested and the object's
 * spread took ~30-50 ms on 5,000 small files, this ~3).
 */
function entryHead(f: Pick<FileResult, 'path'>, c: ReturnType<typeof counts>, n: number): string {
  return (
    FILE_SEP +
    '{\n      "path": ' +
    JSON.stringify(f.path) +
    ',\n      "errorCount": ' +
    num(c.errorCount) +
    ',\n      "warningCount": ' +
    num(c.warningCount) +
    ',\n      "infoCount": ' +
    num(c.infoCount) +
    ',\n      "fixableErrorCount": ' +
    num(c.fixableErrorCount) +
    ',\n      "fixableWarningCount": ' +
    num(c.fixableWarningCount) +
    ',\n      "findings": ' +
    (n === 0 ? '[]' : '[')
  );
}

/** What closes a file's entry after its `n` findings. */
const entryTail = (n: number) => `${n > 0 ? '\n      ]' : ''}\n    }`;

/**
 * A part's findings (a file coming in parts is a transcript: parts are of JSONL exports), each
 * led by its separator, handed to `emit` in pieces of about SPOOL_PIECE units: one string per
 * part (1 MiB of input, ~5 M units of JSON) was flattened whole when spilled, 10-20 MB at once.
 */
function partFindingsJson(path: string, findings: readonly Finding[], emit: (text: string) => void): void {
  const file: FileResult = { path, findings: [], units: 0, conversations: [] };
  let text = '';
  for (const x of findings) {
    text += FINDING_SEP + findingJson(file, x);
    if (text.length >= SPOOL_PIECE) {
      emit(text);
      text = '';
    }
  }
  emit(text);
}

/** Conversation scores, each led by its separator. */
function scoresJson(scores: readonly ConversationScore[]): string {
  let text = '';
  for (const score of scores) text += SCORE_SEP + scoreJson(score);
  return text;
}

/**
 * The JSON report's text of a part of a large file, where it is linted (report/render.ts): its
 * findings to `out`, and its counts and conversation scores. JsonWriter writes the same text with
 * the same functions when it is given the part's results.
 */
export function renderJson(part: FileResult, scores: readonly ConversationScore[], out: (text: string) => void): RenderedItems {
  partFindingsJson(part.path, part.findings, out);
  return { items: part.findings.length, counts: countList({ ...part, conversations: [] }), later: scoresJson(scores), laterItems: scores.length };
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

  constructor(private readonly sink: Sink) {}

  start(): void {
    this.sink('{\n  "version": 1,\n  "files": [');
  }

  renderSpec(): RenderSpec {
    return { format: 'json', cwd: '', errorsOnly: false, renderer: PART_RENDERER };
  }

  /** Whether the next text of a part's findings is the file's first finding (its ',' dropped). */
  private firstOfFile = true;
  /**
   * Adds a part's findings to its spool. One function for every part, not a closure each: a new
   * target at each call deoptimized partFindingsJson ("wrong call target", jit.sh).
   */
  private readonly addPartText = (text: string): void => {
    if (text === '') return;
    this.partSpool.add(this.firstOfFile ? text.slice(1) : text);
    this.firstOfFile = false;
  };

  part(path: string, findings: readonly Finding[]): void {
    this.firstOfFile = this.partFindings === 0;
    partFindingsJson(path, findings, this.addPartText);
    this.partFindings += findings.length;
    this.addPartCounts(countList({ path, findings: findings as Finding[], units: 0, conversations: [] }));
  }

  file(f: FileResult, parts = false): void {
    // The file's entry with its findings written one by one: one large export is one file.
    const n = parts ? this.partFindings : f.findings.length;
    let text = entryHead(f, parts ? this.partCounts : counts(f), n).slice(this.count++ === 0 ? 1 : 0);
    if (parts) {
      this.sink(text);
      text = '';
      this.partSpool.drainTo(this.sink);
    } else
      for (let i = 0; i < f.findings.length; i++) {
        text += (i === 0 ? FIRST_FINDING_SEP : FINDING_SEP) + findingJson(f, f.findings[i]!);
        if (text.length < FILE_PIECE) continue;
        this.sink(text);
        text = '';
      }
    this.sink(text + entryTail(n));
    this.partFindings = 0;
    this.partCounts = counts({ path: '', findings: [], units: 0 });
  }

  rendered(batch: RenderedBatch): void {
    addChunks(batch.bytes, this.partFindings === 0, (bytes) => this.partSpool.add(bytes));
    this.partFindings += batch.items;
    this.addPartCounts(batch.counts!);
    this.addScores(batch.later, batch.laterItems);
  }

  private addPartCounts(list: readonly number[]): void {
    COUNT_KEYS.forEach((k, i) => (this.partCounts[k] += list[i]!));
  }

  scores(scores: readonly ConversationScore[]): void {
    this.addScores(scoresJson(scores), scores.length);
  }

  private addScores(text: string, n: number): void {
    this.scoresSpool.add(this.scoreCount === 0 ? text.slice(1) : text);
    this.scoreCount += n;
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
