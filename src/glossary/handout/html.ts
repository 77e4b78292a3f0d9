// The handout as one self-contained HTML file: inline CSS, no scripts, no network (its
// Content-Security-Policy allows nothing else). It prints on A4 (cover, contents, one category
// per page run) and reads as a page on screen.
import { FONT_STACKS } from '../../core/fonts.js';
import { escapeHtml } from '../../core/markup.js';
import { formatDate, htmlLang } from './labels.js';
import type { HandoutView, Localized, SectionView, TermView } from './content.js';


/** No scripts, no requests: the page needs only its inline CSS. A second defence behind escaping. */
export const CSP_META = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`;

/** `<span lang>` around text whose language differs from the page's, so the right font is used. */
function span(x: Localized, cls?: string): string {
  return `<span lang="${x.lang}"${cls ? ` class="${cls}"` : ''}>${escapeHtml(x.text)}</span>`;
}

export const anchorOf = (kind: 'cat' | 'term', id: string) => `${kind}-${id}`;


export const HANDOUT_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACKS['zh-Hans']}; color: #1d2430; font-size: 10.5pt; line-height: 1.55;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
:lang(zh-Hant) { font-family: ${FONT_STACKS['zh-Hant']}; }
:lang(en) { font-family: ${FONT_STACKS.en}; }
/* Quotation marks as each language writes them: Taiwan and Hong Kong use corner brackets. */
:lang(zh-Hans), :lang(en) { quotes: "“" "”" "‘" "’"; }
:lang(zh-Hant) { quotes: "「" "」" "『" "』"; }
body { margin: 0; }
h1, h2, h3, h4 { line-height: 1.25; margin: 0; }
p, ul, dl { margin: 0; }
a { color: inherit; text-decoration: none; }
.page { overflow-wrap: anywhere; }

/* cover */
.cover { height: 257mm; display: flex; flex-direction: column; justify-content: space-between;
  padding: 34mm 6mm 4mm; border-top: 10mm solid #0f5c8c; }
.cover .kicker { color: #0f5c8c; font-weight: 700; letter-spacing: .08em; font-size: 11pt; }
.cover h1 { font-size: 30pt; margin: 5mm 0 3mm; }
.cover .subtitle { font-size: 15pt; color: #445; }
.cover .meta { display: flex; flex-wrap: wrap; gap: 4mm 9mm; margin-top: 12mm; color: #334; }
.cover .meta b { display: block; font-size: 18pt; color: #0f5c8c; }
.cover .meta .langs b { font-size: 12pt; line-height: 1.55; padding-top: 3.3mm; }
.cover ol { margin: 0; padding-left: 6mm; color: #334; }
.cover ol li { margin: 2mm 0; }
.cover .date { color: #556; border-top: 1px solid #c8d3dc; padding-top: 3mm; margin-top: 8mm; }

/* contents */
.toc { break-before: page; }
.toc h2 { font-size: 18pt; color: #0f5c8c; border-bottom: 2px solid #0f5c8c; padding-bottom: 2mm; margin-bottom: 5mm; }
.toc ol { list-style: none; padding: 0; }
.toc > ol > li { margin-bottom: 5mm; break-inside: avoid; }
.toc .cat { display: flex; justify-content: space-between; font-weight: 700; font-size: 12pt;
  border-bottom: 1px dotted #9aa8b4; padding-bottom: 1mm; }
.toc .cat .n { font-weight: 400; color: #667; font-size: 10pt; }
.toc .names { column-count: 3; column-gap: 6mm; margin-top: 2mm; font-size: 9.5pt; color: #334; }
.toc .names li { break-inside: avoid; padding: .3mm 0; }
.toc .names a { display: flex; justify-content: space-between; gap: 2mm; }
.pg { display: none; }
.numbered .pg { display: inline-block; min-width: 8mm; text-align: right; color: #667; font-weight: 400; font-variant-numeric: tabular-nums; }
.numbered .toc .cat .pg { color: #1d2430; font-weight: 700; font-size: 12pt; min-width: 10mm; }

/* sections */
section.category { break-before: page; }
section.category > header { background: #0f5c8c; color: #fff; padding: 4mm 5mm; border-radius: 2mm; margin-bottom: 5mm; }
section.category > header h2 { font-size: 17pt; }
section.category > header p { margin-top: 1mm; font-size: 9.5pt; opacity: .92; }

/* terms */
/* A card may run over a page (keeping them whole left half pages empty), but never splits a line of it. */
article.term { break-inside: auto; border: 1px solid #d5dde4; border-left: 4px solid #0f5c8c;
  border-radius: 1.5mm; padding: 3.5mm 4.5mm; margin: 0 0 4.5mm; }
article.term > header { break-after: avoid; }
dl.facts > dt, dl.facts > dd, .dodont li, .dodont h4, .source { break-inside: avoid; }
.dodont h4 { break-after: avoid; }
.source { break-before: avoid; }
article.term > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1mm 4mm; margin-bottom: 2mm; }
article.term h3 { font-size: 13.5pt; color: #0b3f61; }
article.term h3 .alt { font-weight: 400; color: #556; font-size: 11pt; margin-left: 3mm; }
article.term .badge { font-size: 8pt; border: 1px solid #b07a1a; color: #8a5d10; border-radius: 1mm; padding: 0 1.5mm; }
article.term .id { margin-left: auto; font: 8pt "DejaVu Sans Mono", monospace; color: #8a96a0; }
dl.facts { display: grid; grid-template-columns: 27mm 1fr; gap: 1.2mm 3mm; }
.all dl.facts { grid-template-columns: 40mm 1fr; }
dl.facts dt { color: #5a6875; font-size: 9pt; padding-top: .4mm; }
dl.facts dd { margin: 0; min-width: 0; }
dl.facts dd .line + .line { margin-top: .8mm; }
dl.facts dd .line .tag { font-size: 7.5pt; color: #8a96a0; margin-right: 1.5mm; }
.dodont { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; margin-top: 2.5mm; }
.dodont > div { border-radius: 1.5mm; padding: 2mm 3mm; min-width: 0; }
.dodont .dont { background: #fdf0ef; border: 1px solid #f0c5c0; }
.dodont .do { background: #eef7f0; border: 1px solid #bfe0c7; }
.dodont h4 { font-size: 9.5pt; margin-bottom: 1mm; }
.dodont .dont h4 { color: #a8322a; }
.dodont .do h4 { color: #22723a; }
.dodont ul { padding-left: 4.5mm; }
.dodont li { margin: .6mm 0; }
.dodont .mis { font-weight: 700; color: #a8322a; text-decoration: line-through; text-decoration-thickness: 1px; }
.dodont .why { color: #4a3a39; }
.dodont .ex { color: #6b5f5e; font-size: 9pt; }
.dodont .ex::before, .dodont .good::before { content: open-quote; }
.dodont .ex::after, .dodont .good::after { content: close-quote; }
.source { margin-top: 2mm; font-size: 8.5pt; color: #5a6875; }
.source b { font-weight: 600; }

@media screen {
  html { background: #e8ecef; }
  body { padding: 8mm 0; }
  .page { width: 210mm; max-width: 100%; margin: 0 auto; }
  .cover, .toc, section.category { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.15);
    padding-left: 15mm; padding-right: 15mm; margin-bottom: 8mm; }
  .cover { height: auto; min-height: 240mm; padding-top: 30mm; padding-bottom: 12mm; }
  .toc, section.category { padding-top: 12mm; padding-bottom: 10mm; }
}
@media screen and (max-width: 700px) {
  .cover, .toc, section.category { padding-left: 5mm; padding-right: 5mm; }
  .toc .names { column-count: 1; }
  .dodont { grid-template-columns: 1fr; }
  dl.facts { grid-template-columns: 1fr; }
}
`;

function lines(items: Localized[], tagged: boolean, cls?: string): string {
  return items
    .map((x) => `<div class="line">${tagged ? `<span class="tag">${x.lang}</span>` : ''}${span(x, cls)}</div>`)
    .join('');
}

function termHtml(t: TermView, view: HandoutView): string {
  const L = view.labels;
  const tagged = view.lang === 'all';
  const [first, ...rest] = t.names;
  const facts: string[] = [];
  facts.push(`<dt>${escapeHtml(L.definition)}</dt><dd>${lines(t.definitions, tagged)}</dd>`);
  if (t.plain.length > 0) facts.push(`<dt>${escapeHtml(L.plain)}</dt><dd>${lines(t.plain, tagged)}</dd>`);
  if (t.variants.length > 0) facts.push(`<dt>${escapeHtml(L.variants)}</dt><dd>${t.variants.map((v) => span(v)).join('、')}</dd>`);
  let dodont = '';
  if (t.misuses.length > 0 || t.good.length > 0) {
    const dont = t.misuses.map((m) => `<li>${span(m.text, 'mis')} — ${span(m.why, 'why')}</li>`).join('') + t.bad.map((b) => `<li>${span(b, 'ex')}</li>`).join('');
    const say = t.good.map((g) => `<li>${span(g, 'good')}</li>`).join('');
    dodont = `<div class="dodont">
  <div class="dont"><h4>✗ ${escapeHtml(L.dontSay)}</h4><ul>${dont || '<li>—</li>'}</ul></div>
  <div class="do"><h4>✓ ${escapeHtml(L.say)}</h4><ul>${say || `<li>${t.names.map((n) => span(n)).join(' / ')}</li>`}</ul></div>
</div>`;
  }
  const source = t.source ? `<p class="source"><b>${escapeHtml(L.source)}${view.lang === 'en' ? ': ' : '：'}</b>${span(t.source)}</p>` : '';
  return `<article class="term" id="${anchorOf('term', t.id)}">
<header><h3>${first ? span(first) : ''}${rest.map((n) => span(n, 'alt')).join('')}</h3>${t.formal ? `<span class="badge">${escapeHtml(L.formal)}</span>` : ''}${view.showIds ? `<span class="id">${escapeHtml(t.id)}</span>` : ''}</header>
<dl class="facts">${facts.join('')}</dl>
${dodont}${source}
</article>`;
}

function sectionHtml(s: SectionView, view: HandoutView): string {
  return `<section class="category" id="${anchorOf('cat', s.category)}" data-category="${s.category}">
<header><h2>${escapeHtml(s.title)}</h2><p>${escapeHtml(s.about)}</p></header>
${s.terms.map((t) => termHtml(t, view)).join('\n')}
</section>`;
}

/** A page number in the contents: filled in when the PDF is printed (a browser's print cannot). */
const pageNumber = (anchor: string) => `<span class="pg" data-for="${anchor}"></span>`;

function tocHtml(view: HandoutView): string {
  const L = view.labels;
  const items = view.sections
    .map(
      (s) => `<li><a class="cat" href="#${anchorOf('cat', s.category)}"><span>${escapeHtml(s.title)}</span><span class="n">${s.terms.length} ${escapeHtml(L.terms)}${pageNumber(anchorOf('cat', s.category))}</span></a>
<ol class="names">${s.terms.map((t) => `<li><a href="#${anchorOf('term', t.id)}">${t.names[0] ? span(t.names[0]) : escapeHtml(t.id)}${pageNumber(anchorOf('term', t.id))}</a></li>`).join('')}</ol></li>`,
    )
    .join('\n');
  return `<nav class="toc" id="contents"><h2>${escapeHtml(L.contents)}</h2><ol>${items}</ol></nav>`;
}

function coverHtml(view: HandoutView): string {
  const L = view.labels;
  const langs = view.lang === 'all' ? (['zh-Hans', 'zh-Hant', 'en'] as const) : [view.lang];
  return `<header class="cover" id="cover">
<div>
  ${view.organization ? `<div class="kicker">${escapeHtml(view.organization)}</div>` : ''}
  <h1>${escapeHtml(view.title)}</h1>
  <div class="subtitle">${escapeHtml(L.subtitle)}</div>
  <div class="meta">
    <div><b>${view.termCount}</b>${escapeHtml(L.terms)}</div>
    <div><b>${view.sections.length}</b>${escapeHtml(L.categories)}</div>
    <div class="langs"><b>${langs.map((l) => escapeHtml(L.langNames[l])).join(view.lang === 'en' || view.lang === 'all' ? ', ' : '、')}</b>${escapeHtml(L.languages)}</div>
  </div>
</div>
<div>
  <ol>${L.howToUse.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>
  <p class="date">${escapeHtml(L.generated)}${view.lang === 'en' ? ': ' : '：'}<time datetime="${view.date}">${escapeHtml(formatDate(view.date, view.lang))}</time></p>
</div>
</header>`;
}

export function renderHtml(view: HandoutView): string {
  return `<!DOCTYPE html>
<html lang="${htmlLang(view.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${CSP_META}
<title>${escapeHtml(view.title)}</title>
<style>${HANDOUT_CSS}</style>
</head>
<body>
<div class="page${view.lang === 'all' ? ' all' : ''}">
${coverHtml(view)}
${tocHtml(view)}
${view.sections.map((s) => sectionHtml(s, view)).join('\n')}
</div>
</body>
</html>
`;
}
