// The report a QA reviewer (质检) reads: one self-contained HTML file — inline CSS, one small
// inline script for filtering, nothing from the network — with the run's summary, the agents'
// table, and every conversation with its score and its findings shown in the utterance they were
// found in. Without the script (or printed) it is the whole report, unfiltered.
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../types.js';
import { escapeHtml } from '../text/markup.js';
import { isTraditional } from '../text/script.js';
import { FULL_SCORE, type AgentSummary, type ConversationScore, type FileResult, type Reporter, type Summary } from './result.js';
import { ruleDocsUrl } from './rule-docs.js';

const e = escapeHtml;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const PLURAL: Record<Severity, 'errors' | 'warnings' | 'infos'> = { error: 'errors', warning: 'warnings', info: 'infos' };

/** Below this a conversation fails inspection (the usual 质检 pass mark), as stylish colours it. */
const PASS_MARK = 60;

/** Utterances longer than this show only the context around the span, as a code frame does. */
const MAX_UTTERANCE = 400;
const CONTEXT = 160;

export const html: Reporter = (result) => {
  // Grouped by file index (anchors), as two files may share a path.
  const perFile = result.files.map(() => new Map<string, ConversationScore>());
  for (const s of result.scores.conversations) perFile[s.fileIndex]!.set(s.conversation, s);
  const scores = result.scores.conversations;
  const anchors = result.files.map((file, i) => conversationAnchors(file, i));
  const failed = perFile.flatMap((m, i) => [...m.values()].filter(fails).map((score) => ({ score, anchor: anchors[i]!.get(score.conversation)! })));
  const body = [
    header(result.summary, scores, result.scores.agents, failed),
    filters(result.files),
    '<main>',
    ...result.files.map((file, i) => fileSection(file, i, anchors[i]!, perFile[i]!)),
    '</main>',
  ];
  return page(body.join('\n'));
};

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

function page(body: string): string {
  // The CSP allows only this file's own style and script, so even text that escaped escaping
  // could run nothing; the script is allowed by its hash.
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'">
<title>aslint report</title>
<style>${CSS}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** At most this many failed conversations are linked from the header; the rest are counted. */
const MAX_FAILED_LINKS = 50;

function header(summary: Summary, scores: readonly ConversationScore[], agents: readonly AgentSummary[], failed: readonly { score: ConversationScore; anchor: string }[]): string {
  const fatal = scores.filter((s) => s.fatal.length > 0).length;
  const average = scores.length > 0 ? (scores.reduce((n, s) => n + s.score, 0) / scores.length).toFixed(1) : '';
  const facts: [string, string, string?][] = [
    ['files', String(summary.files)],
    ['utterances', String(summary.units)],
    ...(scores.length > 0 ? ([['conversations', String(scores.length)], ['average score', average], ['fatal', String(fatal), fatal > 0 ? 'fatal' : undefined]] as [string, string, string?][]) : []),
    ...SEVERITIES.map((s): [string, string, string] => [PLURAL[s], String(summary[PLURAL[s]]), `sev-${s}`]),
  ];
  const out = [
    '<header class="run">',
    '<h1>aslint report</h1>',
    `<dl class="summary">${facts.map(([k, v, cls]) => `<div${cls ? ` class="${cls}"` : ''}><dt>${k}</dt><dd>${e(v)}</dd></div>`).join('')}</dl>`,
  ];
  if (agents.length > 0) out.push(agentTable(agents));
  if (failed.length > 0) out.push(failedList(failed));
  out.push('</header>');
  return out.join('\n');
}

/** Per agent, worst average first (summarizeAgents sorts them). */
function agentTable(agents: readonly AgentSummary[]): string {
  // Short headers for a phone's width, where the long ones would break inside words.
  const head = [['agent', 'agent'], ['conversations', 'conv.'], ['average score', 'avg'], ['fatal', 'fatal'], ['errors', 'err'], ['warnings', 'warn'], ['infos', 'info']];
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
function failedList(failed: readonly { score: ConversationScore; anchor: string }[]): string {
  const worst = [...failed].sort((a, b) => a.score.score - b.score.score);
  const items = worst.slice(0, MAX_FAILED_LINKS).map(({ score: s, anchor }) => {
    const agents = s.agents.filter((a) => a).map(e).join(', ');
    const fatal = s.fatal.length > 0 ? ` <strong class="fatal-mark">fatal: ${s.fatal.map(e).join(', ')}</strong>` : '';
    return `<li><a href="#${anchor}">${e(s.conversation)}</a> ${scoreBadge(s)}${agents ? ` <span class="agents-of">${agents}</span>` : ''}${fatal} <span class="dim">${e(s.path)}</span></li>`;
  });
  const more = worst.length > MAX_FAILED_LINKS ? `<p class="dim">and ${worst.length - MAX_FAILED_LINKS} more</p>` : '';
  return `<section class="failed"><h2>Failed inspection <span class="dim">fatal or under ${PASS_MARK}</span></h2>\n<ol>\n${items.join('\n')}\n</ol>${more}</section>`;
}

/** The filter bar: `hidden` until the script shows it, so a page without scripts has no dead controls. */
function filters(files: readonly FileResult[]): string {
  const rules = new Map<string, number>();
  for (const f of files) for (const x of f.findings) rules.set(x.ruleId, (rules.get(x.ruleId) ?? 0) + 1);
  if (rules.size === 0) return '';
  const options = [...rules].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => `<option value="${e(id)}">${e(id)} (${n})</option>`);
  return [
    '<nav class="filters" hidden aria-label="Filter findings">',
    '<fieldset><legend>severity</legend>',
    ...SEVERITIES.map((s) => `<label class="sev-${s}"><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`),
    '</fieldset>',
    `<label>rule <select name="rule"><option value="">all rules</option>${options.join('')}</select></label>`,
    '<output class="shown" aria-live="polite"></output>',
    '</nav>',
  ].join('\n');
}

function fileSection(file: FileResult, fileIndex: number, anchors: ReadonlyMap<string, string>, scores: ReadonlyMap<string, ConversationScore>): string {
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
  const turns = new Map((file.conversations ?? []).map((c) => [c.id, c.turns]));
  const groups = [
    ...[...anchors].map(([id, anchor]) => conversation(id, anchor, scores.get(id), turns.get(id), byConversation.get(id) ?? [])),
    ...[...byReply].map(([id, findings], i) => replyGroup(id, `f${fileIndex}-r${i}`, findings)),
  ];
  const count = file.findings.length;
  const what = `${file.units} utterance${file.units === 1 ? '' : 's'} · ${count === 0 ? 'no findings' : `${count} finding${count === 1 ? '' : 's'}`}`;
  return [
    `<section class="file" id="f${fileIndex}">`,
    `<h2><span class="path">${e(file.path)}</span> <span class="dim">${what}</span></h2>`,
    ...groups,
    '</section>',
  ].join('\n');
}

function conversation(id: string, anchor: string, score: ConversationScore | undefined, turns: number | undefined, findings: readonly Finding[]): string {
  const fatal = score !== undefined && score.fatal.length > 0;
  const cls = ['group', 'conversation', fatal ? 'fatal' : score && score.score < PASS_MARK ? 'low' : '', findings.length === 0 ? 'clean' : ''].filter(Boolean).join(' ');
  const agents = score?.agents.filter((a) => a) ?? [];
  const head = [
    `<h3><a href="#${anchor}">conversation ${e(id)}</a></h3>`,
    agents.length > 0 ? `<span class="agents-of">${agents.map(e).join(', ')}</span>` : '',
    score ? scoreBadge(score) : '<span class="score dim">not scored</span>',
    fatal ? `<strong class="fatal-mark">fatal: ${score.fatal.map(e).join(', ')}</strong>` : '',
  ];
  const deductions = score && score.deductions.length > 0
    ? `<ul class="deductions" aria-label="deductions">${score.deductions.map((d) => `<li><span class="pts">−${d.points}</span> ${e(d.ruleId)}</li>`).join('')}</ul>`
    : '';
  return [
    `<article class="${cls}" id="${anchor}" data-conversation="${e(id)}">`,
    `<header>${head.filter(Boolean).join(' ')}${deductions}</header>`,
    findings.length > 0 ? findingList(findings, turns) : '<p class="none">no findings</p>',
    '</article>',
  ].join('\n');
}

/** The score, coloured by outcome (the colour is also in the class, for print and tests). */
function scoreBadge(s: ConversationScore): string {
  const outcome = s.fatal.length > 0 ? 'fatal' : s.score < PASS_MARK ? 'low' : 'pass';
  return `<span class="score ${outcome}" title="score out of ${FULL_SCORE}">${s.score}/${FULL_SCORE}</span>`;
}

function replyGroup(id: string, anchor: string, findings: readonly Finding[]): string {
  return [
    `<article class="group reply" id="${anchor}" data-reply="${e(id)}">`,
    `<header><h3><a href="#${anchor}">reply ${e(id)}</a></h3></header>`,
    findingList(findings, undefined),
    '</article>',
  ].join('\n');
}

function findingList(findings: readonly Finding[], turns: number | undefined): string {
  return `<ol class="findings">\n${findings.map((f) => finding(f, turns)).join('\n')}\n</ol>`;
}

function finding(f: Finding, turns: number | undefined): string {
  // Turns count from 1 for a reader; the unit id (0-based, as in the JSON report) is the tooltip.
  const who = f.turn === null ? 'reply' : `turn ${f.turn + 1}${turns ? `/${turns}` : ''}`;
  const speaker = f.speaker ? ` · <span class="speaker">${e(f.speaker)}</span>` : '';
  const suggestions = f.suggestions.length > 0
    ? `<p class="suggestions">→ ${f.suggestions.map((s) => `<span class="suggestion">${e(s)}</span>`).join(' / ')}</p>`
    : '';
  const lang = isTraditional(f.utterance) ? ' lang="zh-Hant"' : '';
  return [
    `<li class="finding sev-${f.severity}" data-severity="${f.severity}" data-rule="${e(f.ruleId)}">`,
    `<p class="head"><span class="sev">${f.severity}</span> <span class="message">${e(f.message)}</span></p>`,
    `<p class="meta"><span class="who role-${f.role}" title="${e(f.unit)}">${who} · ${f.role}${speaker}</span>`,
    ` <a class="rule" href="${e(ruleDocsUrl(f.ruleId))}">${e(f.ruleId)}</a> <span class="pos">${f.line}:${f.column}</span></p>`,
    `<blockquote class="utterance role-${f.role}"${lang}>${highlighted(f.utterance, f.start, f.end)}</blockquote>`,
    suggestions,
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

// Fonts: the CJK faces of Noto (Debian's fonts-noto-cjk), Source Han, and the system faces of
// macOS and Windows, as the handout uses; Traditional utterances carry lang="zh-Hant".
const FONT_SC = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", sans-serif';
const FONT_TC = '"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans TC", sans-serif';

const CSS = `
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-family: ${FONT_SC}; font-size: 15px; line-height: 1.6; color: #1d2430; background: #f4f5f7;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
:lang(zh-Hant) { font-family: ${FONT_TC}; }
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
.sev-warning mark { background: #fef0c7; color: #7a2e0e; box-shadow: inset 0 -2px 0 #f79009; }
.sev-info mark { background: #d1e9ff; color: #194185; box-shadow: inset 0 -2px 0 #2e90fa; }
mark.point { display: inline-block; width: 2px; height: 1.1em; padding: 0; vertical-align: text-bottom; background: #f04438; }
.suggestions { margin-top: .25rem; font-size: .9rem; }
.suggestion { font-weight: 700; color: #067647; }

@media (max-width: 600px) {
  html { font-size: 14px; }
  body { padding: .5rem; }
  th, td { padding: .2rem .25rem; }
  thead .long { display: none; }
  thead .short { display: inline; }
  .group { padding: .6rem .6rem; }
}
@media print {
  html { background: #fff; font-size: 10pt; }
  body { max-width: none; padding: 0; }
  .filters { display: none; }
  /* A conversation may run over pages (else a long one leaves half a page blank); a finding may not. */
  .run, .group { border-color: #c0c4cc; }
  .run { break-inside: avoid-page; }
  .group > header { break-after: avoid; }
  .finding { break-inside: avoid; }
  .file > h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

// The filter: severities and one rule; a conversation or file with nothing left to show folds
// away while a filter is on. Kept small and dependency-free: it runs from a file:// URL.
const SCRIPT = `
(function () {
  var bar = document.querySelector('.filters');
  if (!bar) return;
  bar.hidden = false;
  var boxes = Array.prototype.slice.call(bar.querySelectorAll('input[name=severity]'));
  var select = bar.querySelector('select');
  var shown = bar.querySelector('.shown');
  var findings = document.querySelectorAll('.finding');
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
})();
`;
