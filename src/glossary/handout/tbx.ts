// The glossary as TBX (ISO 30042), TBX-Basic dialect: the term-base exchange format that
// translation and terminology tools (Trados MultiTerm, memoQ, Phrase, Xbench …) import.
//
//   martif / text / body / termEntry (one per term; subjectField = category)
//     langSet xml:lang (one per language; definition)
//       tig: preferred term (preferredTerm-admn-sts), good examples as context
//       tig: variants (admittedTerm-admn-sts, termType variant)
//       tig: plain wording (admittedTerm-admn-sts, termType phrase)
//       tig: misuses (deprecatedTerm-admn-sts, the reason as a note, bad examples as context)
//
// Ids on tig and context elements carry each item's index in the term, so `aslint glossary
// import` restores the glossary exactly; other tools ignore them.
import type { Glossary, Term } from '../model.js';
import { normalizeText } from '../../text/normalize.js';
import { chineseConverters, selectTerms, type HandoutOptions } from './content.js';
import { traditionalWriter } from './traditional.js';
import { splitTerm, type ExchangeMisuse, type Indexed, type LangPart } from './exchange.js';
import { labelsFor } from './labels.js';
import { xmlAttr, xmlText } from '../../text/markup.js';


/** An XML ID: term ids may start with a digit, which an ID may not. */
export const entryId = (id: string) => (/^[a-z_]/i.test(id) ? id : `_${id}`);

export const STATUS = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
} as const;

/** Prefixes of the notes that carry aslint's own data. */
export const NOTE = { register: 'register: ', except: 'except: ', alternatives: 'alternatives: ' } as const;

const el = (name: string, text: string, attrs: Record<string, string> = {}) =>
  `<${name}${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlAttr(v)}"`)
    .join('')}>${xmlText(text)}</${name}>`;

function tig(id: string, term: string, status: string, inner: string[], termType?: string): string[] {
  return [
    `<tig id="${xmlAttr(id)}">`,
    `  ${el('term', term)}`,
    ...(termType ? [`  ${el('termNote', termType, { type: 'termType' })}`] : []),
    `  ${el('termNote', status, { type: 'administrativeStatus' })}`,
    ...inner.map((l) => `  ${l}`),
    '</tig>',
  ];
}

/** The misuse a bad example shows: the first one of its language found in it. */
function misuseOf(bad: string, misuses: readonly ExchangeMisuse[]): ExchangeMisuse | undefined {
  const text = normalizeText(bad);
  return misuses.find((m) => text.includes(normalizeText(m.text))) ?? misuses[0];
}

function langSet(t: Term, eid: string, p: LangPart, register: boolean): string[] {
  const context = (kind: 'good' | 'bad', x: Indexed) => el('descrip', x.text, { type: 'context', id: `${eid}.${kind}${x.index}` });
  const badFor = new Map<ExchangeMisuse, Indexed[]>();
  const orphans: Indexed[] = [];
  for (const b of p.bad) {
    const m = misuseOf(b.text, p.misuses);
    if (m) badFor.set(m, [...(badFor.get(m) ?? []), b]);
    else orphans.push(b);
  }
  const preferredInner = [
    ...p.good.map((g) => context('good', g)),
    // A bad example in a language without misuses: kept with the term, marked by its id.
    ...orphans.map((b) => context('bad', b)),
    ...(register && t.register !== 'any' ? [el('note', `${NOTE.register}${t.register}`)] : []),
  ];
  const lines = [
    `<langSet xml:lang="${p.lang}">`,
    ...(p.definition ? [`  ${el('descrip', p.definition, { type: 'definition' })}`] : []),
    ...tig(`${eid}.term.${p.lang}`, p.term, STATUS.preferred, preferredInner).map((l) => `  ${l}`),
  ];
  for (const v of p.variants) lines.push(...tig(`${eid}.variant${v.index}`, v.text, STATUS.admitted, [], 'variant').map((l) => `  ${l}`));
  if (p.plain) lines.push(...tig(`${eid}.plain.${p.lang}`, p.plain, STATUS.admitted, [], 'phrase').map((l) => `  ${l}`));
  for (const m of p.misuses) {
    const inner = [
      el('note', m.why),
      ...(m.except.length ? [el('note', NOTE.except + m.except.join(' | '))] : []),
      ...(m.alternatives.length ? [el('note', NOTE.alternatives + m.alternatives.join(' | '))] : []),
      ...(badFor.get(m) ?? []).map((b) => context('bad', b)),
    ];
    lines.push(...tig(`${eid}.misuse${m.index}`, m.text, STATUS.deprecated, inner).map((l) => `  ${l}`));
  }
  lines.push('</langSet>');
  return lines;
}

export async function renderTbx(glossary: Glossary, options: HandoutOptions, generator = 'aslint'): Promise<string> {
  const cc = await chineseConverters();
  const hant = traditionalWriter(glossary, cc);
  const title = options.title ?? labelsFor(options.lang === 'all' ? 'en' : options.lang).title;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<martif type="TBX-Basic" xml:lang="en">',
    '<martifHeader>',
    '  <fileDesc>',
    `    <titleStmt>${el('title', title)}</titleStmt>`,
    `    <sourceDesc>${el('p', `Exported by ${generator} on ${options.date ?? new Date().toISOString().slice(0, 10)}`)}</sourceDesc>`,
    '  </fileDesc>',
    '  <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
    '</martifHeader>',
    '<text>',
    '<body>',
  ];
  for (const t of selectTerms(glossary, options.categories)) {
    const eid = entryId(t.id);
    const parts = splitTerm(t, options.lang, cc, hant);
    let source = t.source;
    if (source && options.lang === 'zh-Hant') source = cc.toTraditionalChars(source);
    out.push(`<termEntry id="${xmlAttr(eid)}">`);
    out.push(`  ${el('descrip', t.category, { type: 'subjectField' })}`);
    if (source) out.push(`  ${el('admin', source, { type: 'source' })}`);
    parts.forEach((p, i) => out.push(...langSet(t, eid, p, i === 0).map((l) => `  ${l}`)));
    out.push('</termEntry>');
  }
  out.push('</body>', '</text>', '</martif>', '');
  return out.join('\n');
}
