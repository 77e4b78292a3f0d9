// The handout as Markdown: the same content as the HTML one, for wikis and chat tools.
import { formatDate } from './labels.js';
import type { HandoutView, Localized, TermView } from './content.js';

/** Text safe inside a Markdown paragraph or list item. */
export function escapeMd(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

const colon = (view: HandoutView) => (view.lang === 'en' ? ': ' : '：');

function values(items: Localized[], tagged: boolean): string {
  return items.map((x) => (tagged ? `(${x.lang}) ` : '') + escapeMd(x.text)).join(tagged ? '<br>' : ' / ');
}

/** An example in the quotation marks of its language: 「」 in Traditional Chinese. */
const quoted = (x: Localized) => (x.lang === 'zh-Hant' ? `「${escapeMd(x.text)}」` : `“${escapeMd(x.text)}”`);

/** A GitHub-style heading anchor is unreliable for CJK, so terms get explicit ids. */
const anchor = (id: string) => `<a id="term-${id}"></a>`;

function termMd(t: TermView, view: HandoutView): string {
  const L = view.labels;
  const c = colon(view);
  const tagged = view.lang === 'all';
  const [first, ...rest] = t.names;
  const out: string[] = [];
  out.push(`### ${anchor(t.id)}${first ? escapeMd(first.text) : t.id}${rest.length ? ` · ${rest.map((n) => escapeMd(n.text)).join(' · ')}` : ''}${t.formal ? ` *(${escapeMd(L.formal)})*` : ''}`);
  out.push('');
  out.push(`- **${escapeMd(L.definition)}**${c}${values(t.definitions, tagged)}`);
  if (t.plain.length) out.push(`- **${escapeMd(L.plain)}**${c}${values(t.plain, tagged)}`);
  if (t.variants.length) out.push(`- **${escapeMd(L.variants)}**${c}${t.variants.map((v) => escapeMd(v.text)).join('、')}`);
  if (t.misuses.length || t.bad.length) {
    out.push(`- **✗ ${escapeMd(L.dontSay)}**`);
    for (const m of t.misuses) out.push(`  - ~~${escapeMd(m.text.text)}~~ — ${escapeMd(m.why.text)}`);
    for (const b of t.bad) out.push(`  - ${escapeMd(L.badExamples)}${c}${quoted(b)}`);
  }
  if (t.good.length) {
    out.push(`- **✓ ${escapeMd(L.say)}**`);
    for (const g of t.good) out.push(`  - ${quoted(g)}`);
  }
  if (t.source) out.push(`- **${escapeMd(L.source)}**${c}${escapeMd(t.source.text)}`);
  out.push('');
  return out.join('\n');
}

export function renderMarkdown(view: HandoutView): string {
  const L = view.labels;
  const out: string[] = [];
  out.push(`# ${escapeMd(view.title)}`, '');
  out.push(`*${escapeMd(L.subtitle)}* — ${escapeMd(L.generated)}${colon(view)}${formatDate(view.date, view.lang)}`, '');
  L.howToUse.forEach((s, i) => out.push(`${i + 1}. ${escapeMd(s)}`));
  out.push('', `## ${escapeMd(L.contents)}`, '');
  for (const s of view.sections) out.push(`- [${escapeMd(s.title)}](#cat-${s.category}) (${s.terms.length} ${escapeMd(L.terms)})`);
  out.push('');
  for (const s of view.sections) {
    out.push(`## <a id="cat-${s.category}"></a>${escapeMd(s.title)}`, '', escapeMd(s.about), '');
    for (const t of s.terms) out.push(termMd(t, view));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
