// A practice sheet from the glossary: each bad example becomes a sentence with the misused
// wording blanked; the answer is what the matching good example says in that place (or the
// term itself), and the answer key at the end gives the reason.
import { normalize, normalizeText } from '../../text/normalize.js';
import { formatDate, htmlLang } from './labels.js';
import { escapeHtml } from '../../text/markup.js';
import { HANDOUT_CSS } from './html.js';
import { escapeMd } from './markdown.js';
import type { Category, Glossary } from '../model.js';
import { buildView, chineseConverters, type HandoutOptions, type HandoutView, type Localized, type TermView } from './content.js';

export interface QuizItem {
  number: number;
  termId: string;
  lang: Localized['lang'];
  before: string;
  after: string;
  /** The wording that was blanked. */
  wrong: string;
  answer: string;
  why: string;
}

export interface QuizSection {
  category: Category;
  title: string;
  items: QuizItem[];
  /** The answers of the section, sorted: a word bank the learner chooses from. */
  bank: string[];
}

export interface Quiz {
  view: HandoutView;
  sections: QuizSection[];
  count: number;
}

/** Where `needle` occurs in `text`, compared on normalized text; offsets in `text`. */
export function findFolded(text: string, needle: string): [number, number] | undefined {
  const n = normalize(text);
  const k = normalizeText(needle);
  if (!k) return undefined;
  const at = n.norm.indexOf(k);
  if (at < 0) return undefined;
  return [n.map[at]!, n.map[at + k.length]!];
}

/** The blank and its answer from a bad sentence, its misuse span and a good sentence. */
export function blankFrom(bad: string, span: [number, number], good: string): { start: number; end: number; answer: string } | undefined {
  const limit = Math.min(bad.length, good.length);
  let p = 0;
  while (p < limit && bad[p] === good[p]) p++;
  let q = 0;
  while (q < limit - p && bad[bad.length - 1 - q] === good[good.length - 1 - q]) q++;
  // The whole misuse is blanked (and more, when the good sentence changes more).
  const start = Math.min(span[0], p);
  const end = Math.max(span[1], bad.length - q);
  // The good sentence must be the bad one with this place changed, not another sentence.
  const kept = start + (bad.length - end);
  if (kept < (bad.length - (span[1] - span[0])) * 0.6) return undefined;
  const answer = good.slice(start, good.length - (bad.length - end));
  if (!answer.trim() || normalizeText(answer) === normalizeText(bad.slice(start, end))) return undefined;
  return { start, end, answer };
}

function itemsOf(t: TermView, next: () => number): QuizItem[] {
  const items: QuizItem[] = [];
  for (const bad of t.bad) {
    let best: { start: number; end: number; answer: string; why: string } | undefined;
    for (const m of t.misuses) {
      if (m.text.lang.slice(0, 2) !== bad.lang.slice(0, 2)) continue;
      const span = findFolded(bad.text, m.text.text);
      if (!span) continue;
      let found: { start: number; end: number; answer: string } | undefined;
      for (const g of t.good) {
        if (g.lang.slice(0, 2) !== bad.lang.slice(0, 2)) continue;
        const b = blankFrom(bad.text, span, g.text);
        if (b && (!found || b.end - b.start < found.end - found.start)) found = b;
      }
      const name = t.names.find((n) => n.lang === bad.lang) ?? t.names.find((n) => n.lang.slice(0, 2) === bad.lang.slice(0, 2)) ?? t.names[0]!;
      found ??= { start: span[0], end: span[1], answer: name.text };
      best = { ...found, why: m.why.text };
      break;
    }
    if (!best) continue;
    items.push({
      number: next(),
      termId: t.id,
      lang: bad.lang,
      before: bad.text.slice(0, best.start),
      after: bad.text.slice(best.end),
      wrong: bad.text.slice(best.start, best.end),
      answer: best.answer,
      why: best.why,
    });
  }
  return items;
}

export function buildQuiz(view: HandoutView): Quiz {
  let n = 0;
  const next = () => ++n;
  const sections: QuizSection[] = [];
  for (const s of view.sections) {
    const items = s.terms.flatMap((t) => itemsOf(t, next));
    if (items.length === 0) continue;
    const bank = sortBank(items.map((i) => i.answer), view.lang);
    sections.push({ category: s.category, title: s.title, items, bank });
  }
  return { view, sections, count: n };
}

const sortBank = (answers: string[], lang: string) => [...new Set(answers)].sort((a, b) => a.localeCompare(b, lang === 'zh-Hant' ? 'zh-Hant-TW' : 'zh-Hans-CN'));

/**
 * The quiz of a glossary. A zh-Hant quiz is made from the Simplified sentences and converted
 * piece by piece: converted first, a bad sentence (by character) and its good one (with Taiwan
 * phrases, 支持 → 支援) would no longer line up, and the blank would lose its answer.
 */
export async function makeQuiz(glossary: Glossary, options: HandoutOptions): Promise<Quiz> {
  const view = await buildView(glossary, options);
  if (options.lang !== 'zh-Hant') return buildQuiz(view);
  const base = buildQuiz(await buildView(glossary, { ...options, lang: 'zh-Hans' }));
  const cc = await chineseConverters();
  const prose = (text: string) => cc.toTaiwan(text);
  const sections = base.sections.map((s) => {
    const items = s.items.map((i) => ({
      ...i,
      lang: 'zh-Hant' as const,
      before: prose(i.before),
      after: prose(i.after),
      wrong: cc.toTraditionalChars(i.wrong),
      answer: prose(i.answer),
      why: prose(i.why),
    }));
    const title = view.sections.find((x) => x.category === s.category)?.title ?? s.title;
    return { category: s.category, title, items, bank: sortBank(items.map((i) => i.answer), 'zh-Hant') };
  });
  return { view, sections, count: base.count };
}

const BLANK_MD = '＿＿＿＿＿＿';

export function renderQuizMarkdown(quiz: Quiz): string {
  const { view } = quiz;
  const L = view.labels;
  const out = [`# ${escapeMd(view.title)} — ${escapeMd(L.quizTitle)}`, '', `${escapeMd(L.generated)}: ${formatDate(view.date, view.lang)}`, '', escapeMd(L.quizInstructions), ''];
  for (const s of quiz.sections) {
    out.push(`## ${escapeMd(s.title)}`, '', `*${escapeMd(L.wordBank)}:* ${s.bank.map(escapeMd).join(' · ')}`, '');
    for (const i of s.items) out.push(`${i.number}. ${escapeMd(i.before)}${BLANK_MD}${escapeMd(i.after)}`);
    out.push('');
  }
  out.push(`## ${escapeMd(L.answerKey)}`, '');
  for (const s of quiz.sections) for (const i of s.items) out.push(`${i.number}. **${escapeMd(i.answer)}** (~~${escapeMd(i.wrong)}~~) — ${escapeMd(i.why)}`);
  return out.join('\n') + '\n';
}

const QUIZ_CSS = `
.quiz h1 { font-size: 20pt; margin-bottom: 2mm; }
.quiz .intro { color: #445; margin-bottom: 6mm; }
.quiz section { margin-bottom: 6mm; }
.quiz section h2 { font-size: 13pt; color: #0f5c8c; border-bottom: 1.5px solid #0f5c8c; padding-bottom: 1mm; margin-bottom: 2mm; }
.quiz .bank { background: #f1f5f8; border-radius: 1.5mm; padding: 1.5mm 3mm; margin-bottom: 3mm; font-size: 9.5pt; }
.quiz .bank span + span::before { content: " · "; color: #99a; }
.quiz ol.items li { margin: 2.2mm 0; break-inside: avoid; }
.quiz .blank { display: inline-block; min-width: 16mm; border-bottom: 1px solid #1d2430; margin: 0 1mm; }
.quiz .key { break-before: page; }
.quiz .key li { margin: 1.2mm 0; break-inside: avoid; }
.quiz .key .wrong { text-decoration: line-through; color: #a8322a; }
.quiz .key .why { color: #556; font-size: 9pt; }
@media screen { .quiz { background: #fff; padding: 12mm 15mm; box-shadow: 0 1px 4px rgba(0,0,0,.15); } }
`;

export function renderQuizHtml(quiz: Quiz): string {
  const { view } = quiz;
  const L = view.labels;
  const sections = quiz.sections
    .map(
      (s) => `<section><h2>${escapeHtml(s.title)}</h2>
<p class="bank"><b>${escapeHtml(L.wordBank)}:</b> ${s.bank.map((b) => `<span>${escapeHtml(b)}</span>`).join('')}</p>
<ol class="items">${s.items
        .map((i) => `<li value="${i.number}" lang="${i.lang}">${escapeHtml(i.before)}<span class="blank" style="min-width: ${Math.max(16, i.answer.length * 4)}mm"></span>${escapeHtml(i.after)}</li>`)
        .join('')}</ol></section>`,
    )
    .join('\n');
  const key = quiz.sections
    .flatMap((s) => s.items)
    .map((i) => `<li value="${i.number}" lang="${i.lang}"><b>${escapeHtml(i.answer)}</b> <span class="wrong">${escapeHtml(i.wrong)}</span> <span class="why">— ${escapeHtml(i.why)}</span></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${htmlLang(view.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(`${view.title} — ${L.quizTitle}`)}</title>
<style>${HANDOUT_CSS}${QUIZ_CSS}</style></head>
<body><div class="page quiz">
<h1>${escapeHtml(L.quizTitle)}</h1>
<p class="intro">${escapeHtml(view.title)} · ${escapeHtml(formatDate(view.date, view.lang))}<br>${escapeHtml(L.quizInstructions)}</p>
${sections}
<section class="key"><h2>${escapeHtml(L.answerKey)}</h2><ol>${key}</ol></section>
</div></body></html>
`;
}
