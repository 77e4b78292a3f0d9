// The report a QA reviewer (质检) works in: one self-contained HTML file — inline CSS, one small
// inline script, nothing from the network, so it still works when mailed — with what the run was
// (date, version, inputs, config), the summary (scores, findings by rule, agents), every
// conversation shown whole as a chat with its findings marked in the turns they were found in, and
// the turn that triggered a cross-turn finding (the complaint a missing apology answers)
// highlighted and linked. The rules' docs are embedded. A reviewer can dismiss a finding with a
// reason and export the dismissals for `aslint lint --dismissed` (see dismissed.ts). Without the
// script (or printed) it is the whole report, unfiltered.
import { createHash } from 'node:crypto';
import { defaultGlossaryFiles, defaultRuleFiles } from '../core/package.js';
import { FONT_STACKS } from '../core/fonts.js';
import { SEVERITIES, SEVERITY_PLURALS, type ConversationInfo, type Finding, type Severity, type TranscriptTurn } from '../core/types.js';
import { escapeHtml } from '../core/markup.js';
import { isTraditional } from '../text/script.js';
import { occurrences, type Dismissal } from '../runner/dismissed.js';
import { displayPath } from './paths.js';
import { Spool } from './spool.js';
import { turnLabel, turnNumber } from './place.js';
import {
  FULL_SCORE,
  PASS_MARK,
  type AgentSummary,
  type ConversationScore,
  type FileResult,
  type LintResult,
  type Reporter,
  type ReportOptions,
  type ReportWriter,
  type RunInfo,
  type Summary,
  writeWhole,
} from '../runner/result.js';
import { ruleDocsUrl, ruleExamples, ruleFullDescription, type RuleInfo } from './rule-docs.js';

const e = escapeHtml;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Reply utterances longer than this show only the context around the span, as a code frame does. */
const MAX_UTTERANCE = 400;
const CONTEXT = 160;

/** What the page's script needs of a finding to export its dismissal (dismissed.ts's key). */
interface FindingData {
  ruleId: string;
  conversation: string | null;
  unitText: string;
  text: string;
  occurrence: number;
  path: string;
  turn: number | null;
}

/** What every part of the page shares: anchors, finding numbers, rule docs. */
class PageContext {
  readonly findingData: FindingData[] = [];
  private readonly numbers = new Map<Finding, number>();
  private readonly occurrence: Map<Finding, number>;
  /** Rule id → the anchor of its embedded docs. */
  readonly ruleAnchors = new Map<string, string>();

  /** `used`: the rules of every finding of the run (shown or not); `shown`: the files shown, with their findings shown. */
  constructor(
    readonly result: Pick<LintResult, 'rules' | 'run' | 'dismissed'>,
    readonly options: ReportOptions,
    used: ReadonlySet<string>,
    shown: readonly FileResult[],
  ) {
    this.occurrence = occurrences(shown);
    const linked = new Set(used);
    for (const d of result.dismissed ?? []) linked.add(d.ruleId);
    let i = 0;
    for (const rule of result.rules) if (linked.has(rule.id)) this.ruleAnchors.set(rule.id, `rule-${i++}`);
  }

  /** The finding's number on the page (its id is `x<n>`), registering its dismissal data. */
  number(f: Finding, path: string): number {
    let n = this.numbers.get(f);
    if (n === undefined) {
      n = this.findingData.length;
      this.numbers.set(f, n);
      this.findingData.push({
        ruleId: f.ruleId,
        conversation: f.conversation,
        unitText: f.utterance,
        text: f.text,
        occurrence: this.occurrence.get(f) ?? 0,
        path: displayPath(path, this.options.cwd),
        turn: f.turn === null ? null : turnNumber(f.turn),
      });
    }
    return n;
  }

  /** A link to the rule's docs: embedded in the page, or on the web; never a file of this machine. */
  ruleLink(id: string): string {
    const anchor = this.ruleAnchors.get(id);
    if (anchor) return `<a class="rule" href="#${anchor}">${e(id)}</a>`;
    const url = ruleDocsUrl(id);
    return url.startsWith('https:') ? `<a class="rule" href="${e(url)}">${e(id)}</a>` : `<span class="rule">${e(id)}</span>`;
  }
}

/**
 * Conversations and replies shown in detail (whole chats with their findings marked): the first
 * ones of the run, in input order. The rest are counted in the summary, scores, agents and the
 * chart of findings by rule, but not shown, and the page and stderr say so. Uncapped, a 50 MiB
 * export made a 533 MB page and took 4.2 GiB of memory; at this cap the writer keeps only what
 * it shows (a 4 MiB export of 5,127 conversations and 27k findings is shown whole).
 */
export const MAX_DETAILED = 10_000;
/** At most this many failed conversations are linked from the header; the rest are counted. */
const MAX_FAILED_LINKS = 50;
/** Failed conversations kept for the header's list: it links the worst MAX_FAILED_LINKS. */
const FAILED_KEPT = 2 * MAX_FAILED_LINKS;

/** A file being written: what of it is shown, and how many findings it has in all. */
interface FileDetail {
  index: number;
  path: string;
  units: number;
  findingCount: number;
  /** The findings and dialogues shown, in order. */
  findings: Finding[];
  conversations: ConversationInfo[];
  /** The conversations (by id) and replies (by unit) shown. */
  shownConversations: Set<string>;
  shownReplies: Set<string>;
  /** The scores of its conversations shown, by id (the last of a repeated id). */
  scores: Map<string, ConversationScore>;
}

type Failed = { score: ConversationScore; anchor?: string };

/**
 * Writes the HTML report as results arrive: it keeps what it shows (the first MAX_DETAILED
 * conversations and replies) and counts the rest, then writes the page at the end (its header
 * sums up the whole run). The rendered conversations wait in a spool, not in one string.
 */
export class HtmlWriter implements ReportWriter {
  private readonly files: FileDetail[] = [];
  /** The files shown, by index (scores name their file by index). */
  private readonly byIndex = new Map<number, FileDetail>();
  private current: FileDetail | undefined;
  private fileCount = 0;
  /** Conversations and replies shown so far. */
  private shownGroups = 0;
  private shownFindings = 0;
  private totalFindings = 0;
  /** Dialogues not shown (past the cap). */
  private hiddenConversations = 0;
  /** Findings per rule and severity over the whole run (the chart and the rule filter). */
  private readonly ruleCounts = new Map<string, Record<Severity, number>>();
  private readonly scoreTotals = { count: 0, sum: 0, fatal: 0 };
  /** Failed conversations not shown, the worst FAILED_KEPT of them in input order, and how many there were. */
  private hiddenFailed: Failed[] = [];
  private hiddenFailedCount = 0;
  private readonly sections = new Spool();

  constructor(
    private readonly sink: (text: string) => void,
    private readonly options: ReportOptions,
    private readonly limit = MAX_DETAILED,
  ) {}

  start(): void {}

  part(path: string, findings: readonly Finding[], conversations: readonly ConversationInfo[]): void {
    this.take(this.fileDetail(path), findings, conversations);
  }

  file(result: FileResult, parts: boolean): void {
    const detail = this.fileDetail(result.path);
    if (!parts) this.take(detail, result.findings, result.conversations ?? []);
    detail.units = result.units;
    // A file with nothing shown is left out, but for a file with nothing to show (clean, no dialogues) before the cap.
    const groups = detail.shownConversations.size + detail.shownReplies.size;
    const empty = detail.findingCount === 0 && detail.conversations.length === 0;
    if (groups > 0 || (empty && !this.capped)) {
      this.files.push(detail);
      this.byIndex.set(detail.index, detail);
    }
    this.current = undefined;
    this.fileCount++;
  }

  scores(scores: readonly ConversationScore[]): void {
    for (const s of scores) {
      this.scoreTotals.count++;
      this.scoreTotals.sum += s.score;
      if (s.fatal.length > 0) this.scoreTotals.fatal++;
      const detail = this.current?.index === s.fileIndex ? this.current : this.byIndex.get(s.fileIndex);
      if (detail?.shownConversations.has(s.conversation)) detail.scores.set(s.conversation, s);
      else if (fails(s)) this.keepHiddenFailed(s);
    }
  }

  end(result: LintResult): void {
    const shown = this.files.map((d): FileResult => ({ path: d.path, findings: d.findings, units: d.units, conversations: d.conversations }));
    const ctx = new PageContext(result, this.options, new Set(this.ruleCounts.keys()), shown);
    const failed: Failed[] = [];
    this.files.forEach((detail, i) => {
      const anchors = conversationAnchors(shown[i]!, detail.index);
      for (const score of detail.scores.values())
        if (fails(score) && anchors.has(score.conversation)) failed.push({ score, anchor: anchors.get(score.conversation)! });
      this.sections.add('\n' + fileSection(ctx, shown[i]!, detail.index, anchors, detail.scores, detail.findingCount));
    });
    const capped = this.capped ? this.notice() : undefined;
    if (capped) (this.options.warn ?? warnOnStderr)(`the HTML report ${capped}`);
    const head = header(
      ctx,
      result.summary,
      this.scoreTotals,
      result.scores.agents,
      [...failed, ...this.hiddenFailed],
      failed.length + this.hiddenFailedCount,
      this.ruleCounts,
      capped,
    );
    const data = scriptJson({ findings: ctx.findingData, dismissedBefore: result.dismissed ?? [] });
    this.sink(pageStart(data) + head + '\n' + filters(this.ruleCounts, result.dismissed ?? []) + '\n<main>');
    this.sections.drainTo(this.sink);
    this.sink('\n</main>\n' + ruleDocs(ctx) + pageEnd(data));
  }

  abort(): void {
    this.sections.close();
  }

  /** Whether something was left out. */
  private get capped(): boolean {
    return this.shownFindings < this.totalFindings || this.hiddenConversations > 0;
  }

  /** What the page shows of the run, when it does not show all. */
  private notice(): string {
    const n = (x: number) => x.toLocaleString('en-US');
    return (
      `shows the first ${n(this.limit)} conversations and replies in detail, with ${n(this.shownFindings)} of the ${n(this.totalFindings)} findings; ` +
      'the summary, scores, agents and findings by rule count them all'
    );
  }

  private fileDetail(path: string): FileDetail {
    this.current ??= {
      index: this.fileCount,
      path,
      units: 0,
      findingCount: 0,
      findings: [],
      conversations: [],
      shownConversations: new Set(),
      shownReplies: new Set(),
      scores: new Map(),
    };
    return this.current;
  }

  /** Whether a conversation or reply not seen before is shown: while fewer than the limit are. */
  private show(ids: Set<string>, id: string): boolean {
    if (ids.has(id)) return true;
    if (this.shownGroups >= this.limit) return false;
    this.shownGroups++;
    ids.add(id);
    return true;
  }

  /** Counts findings and dialogues of the file, keeping those it shows. */
  private take(detail: FileDetail, findings: readonly Finding[], conversations: readonly ConversationInfo[]): void {
    for (const c of conversations) {
      if (this.show(detail.shownConversations, c.id)) detail.conversations.push(c);
      else this.hiddenConversations++;
    }
    for (const f of findings) {
      let c = this.ruleCounts.get(f.ruleId);
      if (!c) this.ruleCounts.set(f.ruleId, (c = { error: 0, warning: 0, info: 0 }));
      c[f.severity]++;
      this.totalFindings++;
      detail.findingCount++;
      if (f.conversation === null ? this.show(detail.shownReplies, f.unit) : this.show(detail.shownConversations, f.conversation)) {
        detail.findings.push(f);
        this.shownFindings++;
      }
    }
  }

  /** Keeps the worst failed conversations not shown, in input order among equals (as the header sorts them). */
  private keepHiddenFailed(score: ConversationScore): void {
    this.hiddenFailedCount++;
    this.hiddenFailed.push({ score });
    if (this.hiddenFailed.length > 2 * FAILED_KEPT) this.hiddenFailed = byScore(this.hiddenFailed).slice(0, FAILED_KEPT);
  }
}

/** Failed conversations, worst first, in input order among equals. */
const byScore = (failed: readonly Failed[]) => [...failed].sort((a, b) => a.score.score - b.score.score);

/** A stderr warning, when the caller gave no other place for it. */
const warnOnStderr = (message: string) => void process.stderr.write(`aslint: warning: ${message}\n`);

/** The HTML report of a whole result (the same bytes as a run written as it went). */
export const html: Reporter = (result, options) => writeWhole(result, (sink) => new HtmlWriter(sink, options));

/** Fails inspection: a fatal rule, or a score under the pass mark. */
const fails = (s: ConversationScore) => s.fatal.length > 0 || s.score < PASS_MARK;

/** Every conversation shown for a file, in order: its dialogues, then any known only from findings. */
function conversationIds(file: FileResult): string[] {
  const ids = new Set((file.conversations ?? []).map((c) => c.id));
  for (const f of file.findings) if (f.conversation !== null) ids.add(f.conversation);
  return [...ids];
}

/** Anchors made of indexes: conversation ids are user data and need not be valid or unique fragment ids. */
function conversationAnchors(file: FileResult, fileIndex: number): Map<string, string> {
  return new Map(conversationIds(file).map((id, i) => [id, `f${fileIndex}-c${i}`]));
}

/** JSON inside a <script type="application/json">: nothing in it may close the element. */
const scriptJson = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The page up to its body's content, given the JSON of its data block. */
function pageStart(json: string): string {
  // The CSP allows only this file's own style and script, so even text that escaped escaping
  // could run nothing; the script is allowed by its hash. The JSON block is data, never run.
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  // Dismissals in progress are kept in the browser's storage under the report's identity, so a
  // reload loses nothing; another report (other findings) starts afresh.
  const id = createHash('sha256').update(json).digest('hex').slice(0, 16);
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'">
<title>aslint report</title>
<style>${CSS}</style>
</head>
<body data-report="${id}">
`;
}

/** The page after its body's content: the data block and the script. */
function pageEnd(json: string): string {
  return `
<script type="application/json" id="aslint-data">${json}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** At most this many input paths are listed; the rest are counted. */
const MAX_INPUTS = 20;

function header(
  ctx: PageContext,
  summary: Summary,
  scores: { count: number; sum: number; fatal: number },
  agents: readonly AgentSummary[],
  failed: readonly Failed[],
  failedCount: number,
  ruleCounts: ReadonlyMap<string, Record<Severity, number>>,
  capped: string | undefined,
): string {
  const { fatal } = scores;
  const average = scores.count > 0 ? (scores.sum / scores.count).toFixed(1) : '';
  const facts: [string, string, string?][] = [
    ['files', String(summary.files)],
    ['utterances', String(summary.units)],
    ...(scores.count > 0
      ? ([
          ['conversations', String(scores.count)],
          ['average score', average],
          ['fatal', String(fatal), fatal > 0 ? 'fatal' : undefined],
        ] as [string, string, string?][])
      : []),
    ...SEVERITIES.map((s): [string, string, string] => [SEVERITY_PLURALS[s], String(summary[SEVERITY_PLURALS[s]]), `sev-${s}`]),
  ];
  const out = ['<header class="run">', '<h1>aslint report</h1>'];
  if (ctx.result.run) out.push(runInfo(ctx.result.run, ctx.options));
  out.push(`<dl class="summary">${facts.map(([k, v, cls]) => `<div${cls ? ` class="${cls}"` : ''}><dt>${k}</dt><dd>${e(v)}</dd></div>`).join('')}</dl>`);
  if (capped) out.push(`<p class="capped" role="note"><strong>This report ${e(capped)}.</strong></p>`);
  const chart = ruleChart(ctx, ruleCounts);
  if (chart) out.push(chart);
  if (agents.length > 0) out.push(agentTable(agents));
  if (failed.length > 0) out.push(failedList(failed, failedCount, ctx.options));
  const before = ctx.result.dismissed ?? [];
  if (before.length > 0) out.push(dismissedBefore(ctx, before));
  out.push('</header>');
  return out.join('\n');
}

/** Date, version, inputs, config and content files: what a reader needs to trust or redo the run. */
function runInfo(run: RunInfo, options: ReportOptions): string {
  const date = run.date.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const shipped = new Set([...defaultGlossaryFiles(), ...defaultRuleFiles()]);
  const bundled = run.content.filter((p) => shipped.has(p));
  const own = run.content.filter((p) => !bundled.includes(p));
  const list = (items: readonly string[], max = items.length) =>
    `<ul>${items
      .slice(0, max)
      .map((p) => `<li>${e(p)}</li>`)
      .join('')}${items.length > max ? `<li class="dim">and ${items.length - max} more</li>` : ''}</ul>`;
  const show = (p: string) => (p.startsWith('aslint:') ? p : displayPath(p, options.cwd));
  const content = [...(bundled.length > 0 ? [`bundled glossary and rule packs (${bundled.length} files)`] : []), ...own.map(show)];
  const facts: [string, string][] = [
    ['date', `<time datetime="${e(run.date)}">${e(date)}</time>`],
    ['aslint', e(run.version)],
    ['inputs', list(run.inputs.map(show), MAX_INPUTS)],
    ['config', run.config.length > 0 ? list(run.config.map(show)) : '<span class="dim">none</span>'],
    ['glossary and rules', content.length > 0 ? list(content) : '<span class="dim">none</span>'],
  ];
  return `<dl class="run-info">${facts.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

/** Findings per rule as bars (CSS only), most first, split by severity. */
function ruleChart(ctx: PageContext, counts: ReadonlyMap<string, Record<Severity, number>>): string {
  if (counts.size === 0) return '';
  const total = (c: Record<Severity, number>) => c.error + c.warning + c.info;
  const rows = [...counts].sort(([a, x], [b, y]) => total(y) - total(x) || a.localeCompare(b));
  const max = total(rows[0]![1]);
  const items = rows.map(([id, c]) => {
    const bars = SEVERITIES.filter((s) => c[s] > 0)
      .map((s) => `<span class="bar sev-${s}" style="width:${((100 * c[s]) / max).toFixed(2)}%" title="${c[s]} ${s}"></span>`)
      .join('');
    return `<li data-rule="${e(id)}">${ctx.ruleLink(id)}<span class="track">${bars}</span><span class="n">${total(c)}</span></li>`;
  });
  return `<section class="rule-chart"><h2>Findings by rule</h2>\n<ol>\n${items.join('\n')}\n</ol></section>`;
}

/** Per agent, worst average first (summarizeAgents sorts them). */
function agentTable(agents: readonly AgentSummary[]): string {
  // Short headers for a phone's width, where the long ones would break inside words.
  const head = [
    ['agent', 'agent'],
    ['conversations', 'conv.'],
    ['average score', 'avg'],
    ['fatal', 'fatal'],
    ['errors', 'err'],
    ['warnings', 'warn'],
    ['infos', 'info'],
  ];
  const rows = agents.map((a) => {
    const cells = [a.conversations, a.averageScore.toFixed(1), a.fatalConversations, a.errors, a.warnings, a.infos].map((n) => `<td>${n}</td>`);
    const cls = a.fatalConversations > 0 ? ' class="fatal"' : a.averageScore < PASS_MARK ? ' class="low"' : '';
    return `<tr${cls}><th scope="row">${a.agent ? e(a.agent) : '<span class="dim">(unnamed)</span>'}</th>${cells.join('')}</tr>`;
  });
  return [
    '<section class="agents"><h2>Agents</h2>',
    `<table><thead><tr>${head.map(([long, short]) => `<th scope="col" title="${long}"><span class="long">${long}</span><span class="short">${short}</span></th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody></table></section>`,
  ].join('\n');
}

/** The conversations a reviewer looks at first: fatal or under the pass mark, worst first. */
function failedList(failed: readonly Failed[], count: number, options: ReportOptions): string {
  const worst = byScore(failed);
  const items = worst.slice(0, MAX_FAILED_LINKS).map(({ score: s, anchor }) => {
    const agents = s.agents
      .filter((a) => a)
      .map(e)
      .join(', ');
    const fatal = s.fatal.length > 0 ? ` <strong class="fatal-mark">fatal: ${s.fatal.map(e).join(', ')}</strong>` : '';
    // One not shown in detail (past the cap) has no anchor to link to.
    const name = anchor ? `<a href="#${anchor}">${e(s.conversation)}</a>` : e(s.conversation);
    return `<li>${name} ${scoreBadge(s)}${agents ? ` <span class="agents-of">${agents}</span>` : ''}${fatal} <span class="dim">${e(displayPath(s.path, options.cwd))}</span></li>`;
  });
  const more = count > MAX_FAILED_LINKS ? `<p class="dim">and ${count - MAX_FAILED_LINKS} more</p>` : '';
  return `<section class="failed"><h2>Failed inspection <span class="dim">fatal or under ${PASS_MARK}</span></h2>\n<ol>\n${items.join('\n')}\n</ol>${more}</section>`;
}

/** The findings that earlier reviews dismissed (--dismissed): left out of this run, kept in the next export. */
function dismissedBefore(ctx: PageContext, before: readonly Dismissal[]): string {
  const items = before.map((d) => {
    const where = [d.path, d.conversation, d.turn ? `turn ${d.turn}` : null]
      .filter(Boolean)
      .map((x) => e(String(x)))
      .join(' · ');
    return `<li>${ctx.ruleLink(d.ruleId)} <q>${e(d.text)}</q> <span class="dim">${where}</span> — <span class="reason">${e(d.reason)}</span></li>`;
  });
  return `<details class="dismissed-before"><summary>${before.length} finding${before.length === 1 ? '' : 's'} dismissed in earlier reviews (left out of this run)</summary>\n<ul>\n${items.join('\n')}\n</ul></details>`;
}

/** The filter and review bar: `hidden` until the script shows it, so a page without scripts has no dead controls. */
function filters(ruleCounts: ReadonlyMap<string, Record<Severity, number>>, before: readonly Dismissal[]): string {
  if (ruleCounts.size === 0 && before.length === 0) return '';
  const options = [...ruleCounts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, c]) => `<option value="${e(id)}">${e(id)} (${c.error + c.warning + c.info})</option>`);
  return [
    '<nav class="filters" hidden aria-label="Filter and review findings">',
    '<fieldset><legend>severity</legend>',
    ...SEVERITIES.map((s) => `<label class="sev-${s}"><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`),
    '</fieldset>',
    `<label>rule <select name="rule"><option value="">all rules</option>${options.join('')}</select></label>`,
    '<output class="shown" aria-live="polite"></output>',
    `<button type="button" class="export" title="a file for aslint lint --dismissed">export dismissals (<span class="count">${before.length}</span>)</button>`,
    '</nav>',
  ].join('\n');
}

function fileSection(
  ctx: PageContext,
  file: FileResult,
  fileIndex: number,
  anchors: ReadonlyMap<string, string>,
  scores: ReadonlyMap<string, ConversationScore>,
  count: number,
): string {
  // Findings by conversation (dialogues) and by reply (libraries), in the order found.
  const byConversation = new Map<string, Finding[]>();
  const byReply = new Map<string, Finding[]>();
  for (const f of file.findings) {
    const [map, key] = f.conversation === null ? [byReply, f.unit] : [byConversation, f.conversation];
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  }
  // Every dialogue gets its score, findings or not.
  const infos = new Map((file.conversations ?? []).map((c) => [c.id, c]));
  const groups = [
    ...[...anchors].map(([id, anchor]) =>
      conversation(ctx, file.path, id, anchor, scores.get(id), infos.get(id)?.turns, infos.get(id)?.transcript, byConversation.get(id) ?? []),
    ),
    ...[...byReply].map(([id, findings], i) => replyGroup(ctx, file.path, id, `f${fileIndex}-r${i}`, findings)),
  ];
  const what = `${file.units} utterance${file.units === 1 ? '' : 's'} · ${count === 0 ? 'no findings' : `${count} finding${count === 1 ? '' : 's'}`}`;
  return [
    `<section class="file" id="f${fileIndex}">`,
    `<h2><span class="path">${e(displayPath(file.path, ctx.options.cwd))}</span> <span class="dim">${what}</span></h2>`,
    ...groups,
    '</section>',
  ].join('\n');
}

function conversation(
  ctx: PageContext,
  path: string,
  id: string,
  anchor: string,
  score: ConversationScore | undefined,
  turns: number | undefined,
  transcript: readonly TranscriptTurn[] | undefined,
  findings: readonly Finding[],
): string {
  const fatal = score !== undefined && score.fatal.length > 0;
  const cls = ['group', 'conversation', fatal ? 'fatal' : score && score.score < PASS_MARK ? 'low' : '', findings.length === 0 ? 'clean' : '']
    .filter(Boolean)
    .join(' ');
  const agents = score?.agents.filter((a) => a) ?? [];
  const head = [
    `<h3><a href="#${anchor}">conversation ${e(id)}</a></h3>`,
    agents.length > 0 ? `<span class="agents-of">${agents.map(e).join(', ')}</span>` : '',
    score ? scoreBadge(score) : '<span class="score dim">not scored</span>',
    fatal ? `<strong class="fatal-mark">fatal: ${score.fatal.map(e).join(', ')}</strong>` : '',
  ];
  const deductions =
    score && score.deductions.length > 0
      ? `<ul class="deductions" aria-label="deductions">${score.deductions.map((d) => `<li><span class="pts">−${d.points}</span> ${e(d.ruleId)}</li>`).join('')}</ul>`
      : '';
  // The whole chat when the run kept it; else (a cached result, a library caller) the findings alone.
  const content = transcript
    ? chat(ctx, path, anchor, transcript, findings)
    : findings.length > 0
      ? findingList(ctx, path, findings, turns)
      : '<p class="none">no findings</p>';
  return [
    `<article class="${cls}" id="${anchor}" data-conversation="${e(id)}">`,
    `<header>${head.filter(Boolean).join(' ')}${deductions}</header>`,
    content,
    '</article>',
  ].join('\n');
}

/** The score, coloured by outcome (the colour is also in the class, for print and tests). */
function scoreBadge(s: ConversationScore): string {
  const outcome = s.fatal.length > 0 ? 'fatal' : s.score < PASS_MARK ? 'low' : 'pass';
  return `<span class="score ${outcome}" title="score out of ${FULL_SCORE}">${s.score}/${FULL_SCORE}</span>`;
}

/** A place marked in a turn: a finding's span, or the span of a turn that triggered one. */
interface Marked {
  start: number;
  end: number;
  severity?: Severity;
  /** The page number of the finding, or of the finding a trigger triggered. */
  finding: number;
  trigger: boolean;
}

/** The conversation as a chat: each turn with role, speaker and time, its findings under it. */
function chat(ctx: PageContext, path: string, anchor: string, transcript: readonly TranscriptTurn[], findings: readonly Finding[]): string {
  const turnAnchor = new Map(transcript.map((t, i) => [t.unit, `${anchor}-t${i}`]));
  const onTurn = new Map<string, Finding[]>();
  const marks = new Map<string, Marked[]>();
  const triggered = new Map<string, { finding: Finding; n: number }[]>();
  const addMark = (unit: string, m: Marked) => {
    const list = marks.get(unit);
    if (list) list.push(m);
    else marks.set(unit, [m]);
  };
  const orphans: Finding[] = [];
  for (const f of findings) {
    const n = ctx.number(f, path);
    if (!turnAnchor.has(f.unit)) {
      orphans.push(f);
      continue;
    }
    const list = onTurn.get(f.unit);
    if (list) list.push(f);
    else onTurn.set(f.unit, [f]);
    addMark(f.unit, { start: f.start, end: f.end, severity: f.severity, finding: n, trigger: false });
    for (const r of f.related ?? []) {
      if (!turnAnchor.has(r.unit)) continue;
      addMark(r.unit, { start: r.start, end: r.end, finding: n, trigger: true });
      const t = triggered.get(r.unit);
      if (t) t.push({ finding: f, n });
      else triggered.set(r.unit, [{ finding: f, n }]);
    }
  }
  const items = transcript.map((t, i) => {
    const here = onTurn.get(t.unit) ?? [];
    const triggers = triggered.get(t.unit) ?? [];
    const cls = ['turn', `role-${t.role}`, here.length > 0 ? 'has-findings' : '', triggers.length > 0 ? 'trigger' : ''].filter(Boolean).join(' ');
    const lang = isTraditional(t.text) ? ' lang="zh-Hant"' : '';
    const head = [
      `<span class="n">turn ${i + 1}</span>`,
      `<span class="role">${t.role}</span>`,
      t.speaker ? `<span class="speaker">${e(t.speaker)}</span>` : '',
      t.time ? `<time>${e(t.time)}</time>` : '',
    ].filter(Boolean);
    const triggerNote =
      triggers.length > 0
        ? `<p class="triggered">triggered ${triggers.map(({ finding, n }) => `<a href="#x${n}">${e(finding.ruleId)}</a> in ${turnAt(transcript, finding.unit)}`).join(', ')}</p>`
        : '';
    return [
      `<li class="${cls}" id="${turnAnchor.get(t.unit)}" data-unit="${e(t.unit)}">`,
      `<p class="turn-head">${head.join(' ')}</p>`,
      `<div class="bubble"${lang}>${markedText(t.text, marks.get(t.unit) ?? [])}</div>`,
      triggerNote,
      here.length > 0 ? `<ol class="findings">\n${here.map((f) => finding(ctx, path, f, undefined, { transcript, turnAnchor })).join('\n')}\n</ol>` : '',
      '</li>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  const rest = orphans.length > 0 ? findingList(ctx, path, orphans, transcript.length) : '';
  return `<ol class="chat">\n${items.join('\n')}\n</ol>${rest}`;
}

/** `turn 2 · agent 小王`, for a unit of the transcript. */
function turnAt(transcript: readonly TranscriptTurn[], unit: string): string {
  const i = transcript.findIndex((t) => t.unit === unit);
  const t = transcript[i];
  return t ? `turn ${i + 1}` : e(unit);
}

/**
 * A turn's text with its marks: the text is cut at every mark's edge, and each piece that marks
 * cover is one <mark> coloured by the most severe finding over it (a trigger, by its own colour).
 * Overlapping findings thus never nest or cross tags.
 */
export function markedText(text: string, marks: readonly Marked[]): string {
  if (marks.length === 0) return e(text);
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [clamp(m.start, text), clamp(m.end, text)])])].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    // An empty span (a rule that points at a place) still needs something to see.
    for (const m of marks)
      if (m.start === m.end && clamp(m.start, text) === at && !m.trigger)
        out += `<mark class="point sev-${m.severity}" data-finding="${m.finding}" title="here"></mark>`;
    const next = cuts[i + 1];
    if (next === undefined) break;
    const piece = e(text.slice(at, next));
    const over = marks.filter((m) => m.start <= at && m.end >= next && m.end > m.start);
    if (over.length === 0) {
      out += piece;
      continue;
    }
    const found = over.filter((m) => !m.trigger).sort((a, b) => RANK[a.severity!] - RANK[b.severity!]);
    const cls = [found.length > 0 ? `sev-${found[0]!.severity}` : '', over.some((m) => m.trigger) ? 'trigger' : ''].filter(Boolean).join(' ');
    out += `<mark class="${cls}" data-finding="${[...new Set(over.map((m) => m.finding))].join(' ')}">${piece}</mark>`;
  }
  return out;
}

const clamp = (i: number, text: string) => Math.max(0, Math.min(i, text.length));

function replyGroup(ctx: PageContext, path: string, id: string, anchor: string, findings: readonly Finding[]): string {
  return [
    `<article class="group reply" id="${anchor}" data-reply="${e(id)}">`,
    `<header><h3><a href="#${anchor}">reply ${e(id)}</a></h3></header>`,
    findingList(ctx, path, findings, undefined),
    '</article>',
  ].join('\n');
}

function findingList(ctx: PageContext, path: string, findings: readonly Finding[], turns: number | undefined): string {
  return `<ol class="findings">\n${findings.map((f) => finding(ctx, path, f, turns)).join('\n')}\n</ol>`;
}

/**
 * One finding. In a chat its turn is shown above it, so it needs no quote of its own; alone (a
 * reply, or a conversation the run kept no transcript of) it quotes its utterance with the span marked.
 */
function finding(
  ctx: PageContext,
  path: string,
  f: Finding,
  turns: number | undefined,
  inChat?: { transcript: readonly TranscriptTurn[]; turnAnchor: ReadonlyMap<string, string> },
): string {
  const n = ctx.number(f, path);
  // Turns count from 1 for a reader; the unit id (0-based, as in the JSON report) is the tooltip.
  const who = f.turn === null ? 'reply' : `${turnLabel(f)}${turns ? `/${turns}` : ''}`;
  const speaker = f.speaker ? ` · <span class="speaker">${e(f.speaker)}</span>` : '';
  const suggestions =
    f.suggestions.length > 0 ? `<p class="suggestions">→ ${f.suggestions.map((s) => `<span class="suggestion">${e(s)}</span>`).join(' / ')}</p>` : '';
  const related = (f.related ?? []).map((r) => {
    const target = inChat?.turnAnchor.get(r.unit);
    const label = inChat ? turnAt(inChat.transcript, r.unit) : e(r.unit);
    const where = target ? `<a href="#${target}">${label}</a>` : label;
    return `<p class="related">↳ ${where}: ${e(r.message)}</p>`;
  });
  const lang = isTraditional(f.utterance) ? ' lang="zh-Hant"' : '';
  return [
    `<li class="finding sev-${f.severity}" id="x${n}" data-n="${n}" data-severity="${f.severity}" data-rule="${e(f.ruleId)}">`,
    `<p class="head"><span class="sev">${f.severity}</span> <span class="message">${e(f.message)}</span></p>`,
    `<p class="meta"><span class="who role-${f.role}" title="${e(f.unit)}">${who} · ${f.role}${speaker}</span>`,
    ` ${ctx.ruleLink(f.ruleId)} <span class="pos">${f.line}:${f.column}</span></p>`,
    inChat ? '' : `<blockquote class="utterance role-${f.role}"${lang}>${highlighted(f.utterance, f.start, f.end)}</blockquote>`,
    ...related,
    suggestions,
    // Filled by the script: a page without it has no dead controls.
    '<div class="review" hidden></div>',
    '</li>',
  ].join('');
}

/** The utterance with the span in <mark>; a long one cut to the context around the span. */
export function highlighted(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  if (text.length > MAX_UTTERANCE) {
    from = codePointStart(text, Math.max(0, start - CONTEXT));
    to = codePointStart(text, Math.min(text.length, Math.max(end, start) + CONTEXT));
  }
  const before = (from > 0 ? '…' : '') + text.slice(from, start);
  const after = text.slice(end, to) + (to < text.length ? '…' : '');
  // An empty span (a rule that points at a place) still needs something to see.
  const mark = end > start ? `<mark>${e(text.slice(start, end))}</mark>` : '<mark class="point" title="here"></mark>';
  return e(before) + mark + e(after);
}

/** Don't cut a surrogate pair in half: step back to the start of the code point. */
function codePointStart(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/** The docs of every rule on the page, so that its links work when the file is mailed. */
function ruleDocs(ctx: PageContext): string {
  if (ctx.ruleAnchors.size === 0) return '';
  const docs = ctx.result.rules
    .filter((r) => ctx.ruleAnchors.has(r.id))
    .map((rule) => {
      const info = rule as unknown as RuleInfo;
      const { good, bad } = ruleExamples(info);
      const examples = (label: string, cls: string, items: readonly string[]) =>
        items.length > 0 ? `<div class="examples ${cls}"><h4>${label}</h4><ul>${items.map((x) => `<li>${e(x)}</li>`).join('')}</ul></div>` : '';
      const url = ruleDocsUrl(rule.id);
      return [
        `<article class="rule-doc" id="${ctx.ruleAnchors.get(rule.id)}">`,
        `<h3>${e(rule.id)} <span class="dim">${e(rule.kind.name)} · ${rule.severity}</span></h3>`,
        `<div class="description">${e(ruleFullDescription(info))}</div>`,
        examples('bad', 'bad', bad),
        examples('good', 'good', good),
        url.startsWith('https:') ? `<p><a href="${e(url)}">the rule's page</a></p>` : '',
        '</article>',
      ]
        .filter(Boolean)
        .join('\n');
    });
  return `<section class="rule-docs"><h2>Rules</h2>\n${docs.join('\n')}\n</section>`;
}

// Traditional utterances carry lang="zh-Hant" and get the Traditional faces.

const CSS = `
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-family: ${FONT_STACKS['zh-Hans']}; font-size: 15px; line-height: 1.6; color: #1d2430; background: #f4f5f7;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
:lang(zh-Hant) { font-family: ${FONT_STACKS['zh-Hant']}; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem; overflow-wrap: anywhere; }
h1, h2, h3, p, ul, ol, dl, dd, blockquote, fieldset { margin: 0; padding: 0; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.15rem; }
h3 { font-size: 1rem; display: inline; }
a { color: #0f5c8c; }
h3 a { color: inherit; text-decoration: none; }
.dim { color: #667085; font-weight: 400; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .5rem; border-bottom: 1px solid #dde1e6; text-align: right; }
th:first-child { text-align: left; }
td { white-space: nowrap; overflow-wrap: normal; }
thead th { font-size: .8rem; font-weight: 600; color: #475467; vertical-align: bottom; overflow-wrap: normal; }
thead .short { display: none; }

.run { background: #fff; border: 1px solid #dde1e6; border-radius: 8px; padding: 1rem; display: grid; gap: 1rem; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.summary div { display: flex; flex-direction: column-reverse; }
.summary dt { font-size: .8rem; color: #475467; }
.summary dd { font-size: 1.4rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.summary .sev-error dd, .summary .fatal dd { color: #b42318; }
.summary .sev-warning dd { color: #a15c07; }
.summary .sev-info dd { color: #175cd3; }
.agents h2 { margin-bottom: .25rem; }
.failed ol { margin: .25rem 0 0 1.5rem; display: grid; gap: .2rem; }
.failed li > * { margin-right: .4rem; }
.failed .dim { font-size: .85rem; }
.agents tr.fatal th, .agents tr.fatal td:nth-child(4), .agents tr.low td:nth-child(3) { color: #b42318; font-weight: 700; }

.filters { position: sticky; top: 0; z-index: 1; margin: 1rem 0 0; padding: .5rem 1rem; background: #fff;
  border: 1px solid #dde1e6; border-radius: 8px; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; }
.filters fieldset { border: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.filters legend { float: left; margin-right: .75rem; color: #475467; }
.filters select { max-width: 100%; font: inherit; }
.filters label:has(select) { display: flex; gap: .5rem; align-items: center; min-width: 0; max-width: 100%; }
.filters .shown { color: #475467; font-size: .9rem; }

.file { margin-top: 1.5rem; }
.file > h2 { padding: 0 .25rem .5rem; }
.group { background: #fff; border: 1px solid #dde1e6; border-left: 4px solid #98a2b3; border-radius: 8px; padding: .75rem 1rem; margin-top: .75rem; }
/* A report of thousands of conversations: lay out only those near the screen. */
.group { content-visibility: auto; contain-intrinsic-size: auto 240px; }
.group.clean { border-left-color: #12b76a; padding: .4rem 1rem; contain-intrinsic-size: auto 44px; }
.group.low { border-left-color: #f79009; }
.group.fatal { border-left-color: #b42318; }
.group > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem .75rem; }
.agents-of { color: #475467; }
.score { white-space: nowrap; font-weight: 700; font-variant-numeric: tabular-nums; padding: 0 .4rem; border-radius: 4px; background: #ecfdf3; color: #067647; }
.score.low { background: #fffaeb; color: #b54708; }
.score.fatal { background: #fef3f2; color: #b42318; }
.fatal-mark { display: inline-block; max-width: 100%; color: #fff; background: #b42318; padding: 0 .5rem; border-radius: 4px; font-size: .85rem; }
.fatal-mark::before { content: "⚠ "; }
.deductions { list-style: none; display: flex; flex-wrap: wrap; gap: 0 .75rem; width: 100%; font-size: .85rem; color: #475467; }
.deductions .pts { color: #b42318; font-weight: 700; font-variant-numeric: tabular-nums; }
.none { display: inline; color: #667085; font-size: .9rem; }
.clean { display: flex; flex-wrap: wrap; gap: 0 .75rem; align-items: baseline; }

.findings { list-style: none; margin-top: .5rem; display: grid; gap: .6rem; }
.finding { border-top: 1px solid #eaecf0; padding-top: .6rem; }
.finding .head { font-weight: 500; }
.sev { display: inline-block; min-width: 4.2em; text-align: center; font-size: .75rem; font-weight: 700; text-transform: uppercase;
  border-radius: 4px; padding: 0 .3rem; margin-right: .25rem; vertical-align: .1em; color: #fff; }
.sev-error .sev { background: #b42318; }
.sev-warning .sev { background: #b54708; }
.sev-info .sev { background: #175cd3; }
.meta { font-size: .85rem; color: #475467; display: flex; flex-wrap: wrap; gap: 0 .75rem; }
.meta .pos { font-family: ui-monospace, "Noto Sans Mono CJK SC", Menlo, Consolas, monospace; }
.utterance { margin: .35rem 0 0; padding: .4rem .75rem; border-radius: 6px; white-space: pre-wrap; background: #f2f4f7; }
.utterance.role-agent { background: #eef4ff; }
.utterance.role-customer { background: #f9fafb; border: 1px dashed #d0d5dd; }
mark { border-radius: 3px; padding: 0 1px; background: #fee4e2; color: #7a271a; box-shadow: inset 0 -2px 0 #f04438; }
.sev-warning mark, mark.sev-warning { background: #fef0c7; color: #7a2e0e; box-shadow: inset 0 -2px 0 #f79009; }
.sev-info mark, mark.sev-info { background: #d1e9ff; color: #194185; box-shadow: inset 0 -2px 0 #2e90fa; }
mark.point { display: inline-block; width: 2px; height: 1.1em; padding: 0; vertical-align: text-bottom; background: #f04438; }
.suggestions { margin-top: .25rem; font-size: .9rem; }
.suggestion { font-weight: 700; color: #067647; }

.run-info { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .25rem 1.5rem; font-size: .85rem; }
.run-info div { min-width: 0; }
.run-info dt { color: #475467; }
.run-info ul { list-style: none; }
.rule-chart ol { list-style: none; margin-top: .25rem; display: grid; gap: .15rem; }
.rule-chart li { display: grid; grid-template-columns: minmax(8rem, 18rem) 1fr 3rem; gap: .5rem; align-items: center; font-size: .85rem; }
.rule-chart .rule { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.rule-chart .track { display: flex; height: .8rem; background: #f2f4f7; border-radius: 3px; overflow: hidden; }
.rule-chart .bar.sev-error { background: #d92d20; }
.rule-chart .bar.sev-warning { background: #f79009; }
.rule-chart .bar.sev-info { background: #2e90fa; }
.rule-chart .n { text-align: right; font-variant-numeric: tabular-nums; }
.dismissed-before summary { cursor: pointer; color: #475467; }
.dismissed-before ul { margin: .25rem 0 0 1.25rem; font-size: .85rem; }
.filters .export { font: inherit; font-size: .9rem; }

.chat { list-style: none; margin-top: .5rem; display: grid; gap: .5rem; }
.turn { max-width: 85%; min-width: 0; }
.turn.role-agent { justify-self: end; }
.turn.role-system { justify-self: center; }
.turn-head { font-size: .8rem; color: #475467; display: flex; flex-wrap: wrap; gap: 0 .5rem; }
.turn.role-agent .turn-head { justify-content: flex-end; }
.turn-head .n { font-variant-numeric: tabular-nums; }
.turn-head .speaker { font-weight: 600; color: #1d2430; }
.bubble { padding: .4rem .75rem; border-radius: 10px; white-space: pre-wrap; background: #f9fafb; border: 1px solid #eaecf0; }
.turn.role-agent .bubble { background: #eef4ff; border-color: #d1e0ff; }
.turn.role-system .bubble { background: #f2f4f7; font-size: .9rem; }
.turn.trigger .bubble { border: 2px solid #f79009; }
.group, .turn, .finding { scroll-margin-top: 4.5rem; }
.turn:target .bubble { outline: 3px solid #2e90fa; outline-offset: 2px; }
mark.trigger { background: #fef0c7; color: #7a2e0e; box-shadow: inset 0 -2px 0 #f79009; }
.triggered, .related { font-size: .85rem; color: #b54708; }
.turn .findings { margin-top: .35rem; }
.finding:target { outline: 3px solid #2e90fa; outline-offset: 2px; }
.review { margin-top: .3rem; font-size: .85rem; }
.review form { display: flex; flex-wrap: wrap; gap: .4rem; }
.review input { font: inherit; flex: 1 1 12rem; min-width: 0; }
.review button { font: inherit; }
.finding.dismissed > :not(.review) { opacity: .45; }
.finding.dismissed .message { text-decoration: line-through; }
.dismissed-note { color: #475467; }

.rule-docs { margin-top: 1.5rem; background: #fff; border: 1px solid #dde1e6; border-radius: 8px; padding: 1rem; display: grid; gap: 1rem; }
.rule-doc { scroll-margin-top: 4rem; }
.rule-doc:target { outline: 3px solid #2e90fa; outline-offset: 4px; }
.rule-doc .description { white-space: pre-line; margin-top: .25rem; }
.rule-doc h4 { font-size: .85rem; margin: .35rem 0 0; }
.rule-doc .examples ul { margin: 0 0 0 1.25rem; white-space: pre-line; }
.rule-doc .bad h4 { color: #b42318; }
.rule-doc .good h4 { color: #067647; }

@media (max-width: 600px) {
  html { font-size: 14px; }
  body { padding: .5rem; }
  th, td { padding: .2rem .25rem; }
  thead .long { display: none; }
  thead .short { display: inline; }
  .group { padding: .6rem .6rem; }
  .turn { max-width: 100%; }
  .rule-chart li { grid-template-columns: minmax(6rem, 1fr) 1fr 2.5rem; }
}
@media print {
  html { background: #fff; font-size: 10pt; }
  body { max-width: none; padding: 0; }
  .filters, .review { display: none !important; }
  .turn { break-inside: avoid; }
  /* A conversation may run over pages (else a long one leaves half a page blank); a finding may not. */
  .run, .group { border-color: #c0c4cc; }
  .run { break-inside: avoid-page; }
  .group > header { break-after: avoid; }
  .finding { break-inside: avoid; }
  .file > h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

// The script: filters (severities and one rule; a conversation or file with nothing left to show
// folds away while a filter is on) and the review (dismiss a finding with a reason, undo, export
// the dismissals as a file for `aslint lint --dismissed`; work in progress is kept in the
// browser's storage for this report). Kept small and dependency-free: it runs from a file:// URL.
const SCRIPT = `
(function () {
  var bar = document.querySelector('.filters');
  if (!bar) return;
  var data = JSON.parse(document.getElementById('aslint-data').textContent);
  bar.hidden = false;
  var boxes = Array.prototype.slice.call(bar.querySelectorAll('input[name=severity]'));
  var select = bar.querySelector('select');
  var shown = bar.querySelector('.shown');
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var groups = document.querySelectorAll('.group, .file');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var rule = select.value;
    var filtering = rule !== '' || boxes.some(function (b) { return !b.checked; });
    var n = 0;
    for (var i = 0; i < findings.length; i++) {
      var f = findings[i];
      var visible = on[f.dataset.severity] && (rule === '' || f.dataset.rule === rule);
      f.hidden = !visible;
      if (visible) n++;
    }
    for (var j = 0; j < groups.length; j++) groups[j].hidden = filtering && !groups[j].querySelector('.finding:not([hidden])');
    shown.textContent = n + ' of ' + findings.length + ' findings shown';
  }
  bar.addEventListener('change', apply);
  apply();

  var storeKey = 'aslint-dismissed:' + document.body.dataset.report;
  var dismissed = {};
  try { dismissed = JSON.parse(localStorage.getItem(storeKey) || '{}') || {}; } catch (e) { dismissed = {}; }
  var exportButton = bar.querySelector('.export');
  function entries() {
    var out = data.dismissedBefore.slice();
    Object.keys(dismissed).forEach(function (n) {
      var d = data.findings[n];
      if (!d) return;
      out.push({ ruleId: d.ruleId, conversation: d.conversation, unitText: d.unitText, text: d.text, occurrence: d.occurrence, reason: dismissed[n], path: d.path, turn: d.turn });
    });
    return out;
  }
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text) x.textContent = text;
    return x;
  }
  function changed(li) {
    try { localStorage.setItem(storeKey, JSON.stringify(dismissed)); } catch (e) { /* private mode: the page still works */ }
    render(li);
    exportButton.querySelector('.count').textContent = entries().length;
  }
  function render(li) {
    var n = li.dataset.n;
    var box = li.querySelector('.review');
    box.hidden = false;
    box.textContent = '';
    var reason = dismissed[n];
    li.classList.toggle('dismissed', reason !== undefined);
    if (reason !== undefined) {
      var note = el('p', 'dismissed-note', 'dismissed: ' + reason + ' ');
      var undo = el('button', 'undo', 'undo');
      undo.type = 'button';
      undo.addEventListener('click', function () { delete dismissed[n]; changed(li); });
      note.appendChild(undo);
      box.appendChild(note);
      return;
    }
    var open = el('button', 'open', 'dismiss…');
    open.type = 'button';
    open.addEventListener('click', function () {
      box.textContent = '';
      var form = el('form', 'dismiss');
      var input = el('input');
      input.name = 'reason';
      input.required = true;
      input.placeholder = 'why this is not a problem';
      input.setAttribute('aria-label', 'reason for dismissing');
      var go = el('button', 'confirm', 'dismiss');
      go.type = 'submit';
      var cancel = el('button', 'cancel', 'cancel');
      cancel.type = 'button';
      cancel.addEventListener('click', function () { render(li); });
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var why = input.value.trim();
        if (!why) { input.value = ''; input.focus(); return; }
        dismissed[n] = why;
        changed(li);
      });
      form.appendChild(input);
      form.appendChild(go);
      form.appendChild(cancel);
      box.appendChild(form);
      input.focus();
    });
    box.appendChild(open);
  }
  findings.forEach(render);
  exportButton.querySelector('.count').textContent = entries().length;
  exportButton.addEventListener('click', function () {
    var text = JSON.stringify({ version: 1, dismissed: entries() }, null, 2) + '\\n';
    var a = el('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    a.download = 'aslint-dismissed.json';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });
})();
`;
