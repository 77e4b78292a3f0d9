// A practice sheet from the glossary: sentences with a blank where a term goes, a word bank, and
// an answer key that names the wrong wording and why. Every item is checked: the sentence with
// the answer in the blank is one of the term's good examples, character for character, and the
// answer is a word or phrase holding one of the term's forms (never a clause). Two kinds:
//   - a bad example with its misuse blanked, when a good example is the same sentence with the
//     term in that place (本商品支持30天保价 / 本商品支持30天价保 → 30＿＿, answer 天价保);
//   - a good example with the term blanked, its key giving a misuse of the term and why.
// Putting the term's name into a bad example's blank is not checked and was often wrong
// (30＿＿ with 价保 gives 30价保; 7天＿＿货 with 七日无理由退货 gives 7天七日无理由退货货).
import { normalize, normalizeText } from '../../text/normalize.js';
import { formatDate, htmlLang } from './labels.js';
import { escapeHtml } from '../../core/markup.js';
import { CSP_META, HANDOUT_CSS } from './html.js';
import { escapeMd } from './markdown.js';
import type { Category, Glossary } from '../model.js';
import { buildView, scriptOf, type HandoutOptions, type HandoutView, type Localized, type TermView } from './content.js';

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

const LATIN_WORD = /[A-Za-z0-9'-]/;

/** The blank and its answer from a bad sentence, its misuse span and a good sentence. */
export function blankFrom(bad: string, span: [number, number], good: string): { start: number; end: number; answer: string } | undefined {
  const limit = Math.min(bad.length, good.length);
  let p = 0;
  while (p < limit && bad[p] === good[p]) p++;
  let q = 0;
  while (q < limit - p && bad[bad.length - 1 - q] === good[good.length - 1 - q]) q++;
  // The whole misuse is blanked (and more, when the good sentence changes more).
  let start = Math.min(span[0], p);
  let end = Math.max(span[1], bad.length - q);
  // An English blank takes whole words (the texts agree outside the blank, so widening keeps them aligned).
  const tail = () => good.length - (bad.length - end);
  while (start > 0 && LATIN_WORD.test(bad[start - 1]!) && (LATIN_WORD.test(bad[start] ?? '') || LATIN_WORD.test(good[start] ?? ''))) start--;
  while (end < bad.length && LATIN_WORD.test(bad[end]!) && (LATIN_WORD.test(bad[end - 1] ?? '') || LATIN_WORD.test(good[tail() - 1] ?? ''))) end++;
  // The good sentence must be the bad one with this place changed, not another sentence.
  const kept = start + (bad.length - end);
  if (kept < (bad.length - (span[1] - span[0])) * 0.6) return undefined;
  const answer = good.slice(start, tail());
  if (!answer.trim() || normalizeText(answer) === normalizeText(bad.slice(start, end))) return undefined;
  return { start, end, answer };
}

/** Punctuation that ends a clause: a blank or an answer holding one is a sentence, not a word. */
const CLAUSE = /[，。；：！？,.;:!?\n]/;

/**
 * The item a bad sentence and a good one make, if it is checked: the good sentence is the bad
 * one with the answer in the blank, and the answer is a word or phrase holding a form of the term.
 */
export function checkedBlank(bad: string, span: [number, number], good: string, forms: readonly string[]): { start: number; end: number; answer: string } | undefined {
  const b = blankFrom(bad, span, good);
  if (!b) return undefined;
  if (bad.slice(0, b.start) + b.answer + bad.slice(b.end) !== good) return undefined;
  if (CLAUSE.test(b.answer.trim()) || CLAUSE.test(bad.slice(b.start, b.end).trim())) return undefined;
  const answer = normalizeText(b.answer);
  return forms.some((f) => f && answer.includes(normalizeText(f))) ? b : undefined;
}

const family = (lang: string) => lang.slice(0, 2);

/** Where the longest of `forms` first occurs in `text`, compared folded. */
function formIn(text: string, forms: readonly string[]): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const f of forms) {
    const at = findFolded(text, f);
    if (at && (!best || at[1] - at[0] > best[1] - best[0] || (at[1] - at[0] === best[1] - best[0] && at[0] < best[0]))) best = at;
  }
  return best;
}

function itemsOf(t: TermView, next: () => number): QuizItem[] {
  const items: QuizItem[] = [];
  const forms = [...t.names, ...t.variants].map((x) => x.text);
  const usedGood = new Set<Localized>();
  for (const bad of t.bad) {
    let best: { item: Omit<QuizItem, 'number'>; good: Localized; size: number } | undefined;
    for (const m of t.misuses) {
      if (family(m.text.lang) !== family(bad.lang)) continue;
      const span = findFolded(bad.text, m.text.text);
      if (!span) continue;
      for (const g of t.good) {
        if (family(g.lang) !== family(bad.lang)) continue;
        const b = checkedBlank(bad.text, span, g.text, forms);
        if (!b || (best && b.end - b.start >= best.size)) continue;
        const item = { termId: t.id, lang: bad.lang, before: bad.text.slice(0, b.start), after: bad.text.slice(b.end), wrong: bad.text.slice(b.start, b.end), answer: b.answer, why: m.why.text };
        best = { item, good: g, size: b.end - b.start };
      }
    }
    if (!best) continue;
    usedGood.add(best.good);
    items.push({ ...best.item, number: next() });
  }
  for (const g of t.good) {
    if (usedGood.has(g)) continue;
    const misuse = t.misuses.find((m) => family(m.text.lang) === family(g.lang));
    const span = misuse && formIn(g.text, forms.filter((f) => family(scriptOf(f)) === family(g.lang)));
    if (!misuse || !span) continue;
    const answer = g.text.slice(span[0], span[1]);
    if (CLAUSE.test(answer)) continue;
    items.push({ number: next(), termId: t.id, lang: g.lang, before: g.text.slice(0, span[0]), after: g.text.slice(span[1]), wrong: misuse.text.text, answer, why: misuse.why.text });
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
 * The quiz of a glossary. A zh-Hant quiz is made from the zh-Hant handout's sentences: they are
 * converted by character (traditional.ts), so a bad sentence and its good one still line up.
 */
export async function makeQuiz(glossary: Glossary, options: HandoutOptions): Promise<Quiz> {
  return buildQuiz(await buildView(glossary, options));
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
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${CSP_META}<title>${escapeHtml(`${view.title} — ${L.quizTitle}`)}</title>
<style>${HANDOUT_CSS}${QUIZ_CSS}</style></head>
<body><div class="page quiz">
<h1>${escapeHtml(L.quizTitle)}</h1>
<p class="intro">${escapeHtml(view.title)} · ${escapeHtml(formatDate(view.date, view.lang))}<br>${escapeHtml(L.quizInstructions)}</p>
${sections}
<section class="key"><h2>${escapeHtml(L.answerKey)}</h2><ol>${key}</ol></section>
</div></body></html>
`;
}
