// The text formats, read back with real parsers: CSV with csv-parse, TBX with fast-xml-parser.
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildView } from '../../../src/glossary/handout/content.js';
import { renderCsv } from '../../../src/glossary/exchange/csv.js';
import { CSV_COLUMNS } from '../../../src/glossary/exchange/table.js';
import { renderMarkdown } from '../../../src/glossary/handout/markdown.js';
import { blankFrom, buildQuiz, makeQuiz, renderQuizHtml, renderQuizMarkdown } from '../../../src/glossary/handout/quiz.js';
import { renderTbx } from '../../../src/glossary/exchange/tbx.js';
import { labelsFor, type HandoutLang } from '../../../src/glossary/handout/labels.js';
import { isTraditional } from '../../../src/text/script.js';
import type { Glossary } from '../../../src/glossary/model.js';
import { defaultGlossary, testGlossary } from './helpers.js';

const LANGS: HandoutLang[] = ['zh-Hans', 'zh-Hant', 'en', 'all'];
const SIMPLIFIED_ONLY = /[们这说语术务后质义简体个为对时发货换]/; // common characters that Traditional writes otherwise

function csvRows(text: string) {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

function tbx(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['termEntry', 'langSet', 'tig', 'descrip', 'termNote', 'note'].includes(n), parseTagValue: false }).parse(text);
  return doc.martif as { type: string; 'xml:lang': string; text: { body: { termEntry: TbxEntry[] } } };
}
interface TbxEntry {
  id: string;
  descrip: { type: string; '#text': string }[];
  langSet: { 'xml:lang': string; descrip?: { type: string; '#text': string }[]; tig: { id: string; term: string; termNote: { type: string; '#text': string }[]; note?: (string | { '#text': string })[] }[] }[];
}

describe('labels', () => {
  it('zh-Hant labels are Traditional throughout, zh-Hans ones Simplified', () => {
    const flat = (l: ReturnType<typeof labelsFor>) => JSON.stringify({ ...l, langNames: undefined });
    expect(flat(labelsFor('zh-Hant'))).not.toMatch(SIMPLIFIED_ONLY);
    expect(isTraditional(flat(labelsFor('zh-Hant')))).toBe(true);
    expect(isTraditional(flat(labelsFor('zh-Hans')))).toBe(false);
  });
});

describe('markdown', () => {
  it('has the cover, contents, a section per category and every term', async () => {
    const g = await testGlossary();
    for (const lang of LANGS) {
      const view = await buildView(g, { lang, date: '2026-11-22' });
      const md = renderMarkdown(view);
      expect(md.startsWith(`# ${view.title}\n`)).toBe(true);
      expect(md).toContain(`## ${view.labels.contents}`);
      for (const s of view.sections) {
        expect(md).toContain(`## <a id="cat-${s.category}"></a>${s.title}`);
        for (const t of s.terms) expect(md).toContain(`<a id="term-${t.id}"></a>${t.names[0]!.text}`);
      }
    }
    const hant = renderMarkdown(await buildView(g, { lang: 'zh-Hant', date: '2026-11-22' }));
    expect(hant).toContain('### <a id="term-warranty-card"></a>保固卡');
    expect(hant).toContain('~~無條件退貨~~');
    expect(hant).not.toMatch(SIMPLIFIED_ONLY);
    const en = renderMarkdown(await buildView(g, { lang: 'en', date: '2026-11-22' }));
    expect(en).toContain('~~price insurance~~ — The English term is "price protection".');
    expect(en).not.toContain('保价期');
  });
});

describe('csv', () => {
  it('one row per term and language, UTF-8 with BOM, every column', async () => {
    const g = await testGlossary();
    const rows = csvRows(await renderCsv(g, { lang: 'all' }));
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBe(g.terms.length * 3);
    const pp = rows.filter((r) => r.id === 'price-protection');
    expect(pp.map((r) => r.lang)).toEqual(['zh-Hans', 'zh-Hant', 'en']);
    expect(pp.map((r) => r.term)).toEqual(['价保', '價保', 'price protection']);
    expect(pp[0]!.misuses!.split('\n')).toEqual(['保价期', '天保价']);
    expect(pp[0]!.except!.split('\n')).toEqual(['', '当天保价 | 今天保价']);
    expect(pp[2]!.misuses).toBe('price insurance');
    expect(pp[2]!.plain).toBe('we refund the difference if the price drops');
    expect(pp.every((r) => r.register === 'formal' && r.category === 'content')).toBe(true);
    const sw = rows.filter((r) => r.id === 'software-update');
    expect(sw[1]!.variants).toBe('軟體升級');
    expect(sw[0]!.variants).toBe('软件升级');
  });
  it('one language: only its rows, in its script', async () => {
    const g = await testGlossary();
    const rows = csvRows(await renderCsv(g, { lang: 'zh-Hant', categories: ['statutory'] }));
    expect(rows.map((r) => r.lang)).toEqual(['zh-Hant', 'zh-Hant', 'zh-Hant']);
    const sd = rows.find((r) => r.id === 'seven-day-return')!;
    expect(sd.misuses).toBe('無條件退貨');
    expect(sd.source).toBe('網絡購買商品七日無理由退貨暫行辦法');
    expect(rows.find((r) => r.id === 'warranty-card')!.term).toBe('保固卡');
  });
});

describe('tbx', () => {
  it('is TBX-Basic XML: a termEntry per term, a langSet per language, deprecated misuses', async () => {
    const g = await testGlossary();
    const m = tbx(await renderTbx(g, { lang: 'all', date: '2026-11-22' }));
    expect(m.type).toBe('TBX-Basic');
    const entries = m.text.body.termEntry;
    expect(entries.length).toBe(g.terms.length);
    expect(entries.map((e) => e.id)).toEqual(g.terms.map((t) => (/^[0-9]/.test(t.id) ? `_${t.id}` : t.id)));
    for (const e of entries) {
      expect(e.langSet.map((l) => l['xml:lang'])).toEqual(['zh-Hans', 'zh-Hant', 'en']);
      for (const l of e.langSet) {
        expect(l.descrip?.find((d) => d.type === 'definition')?.['#text'], `${e.id} ${l['xml:lang']}`).toMatch(/\S/);
        const status = l.tig[0]!.termNote.find((n) => n.type === 'administrativeStatus')!['#text'];
        expect(status).toBe('preferredTerm-admn-sts');
      }
    }
    const pp = entries.find((e) => e.id === 'price-protection')!;
    expect(pp.descrip.find((d) => d.type === 'subjectField')!['#text']).toBe('content');
    const deprecated = (lang: string) =>
      pp.langSet
        .find((l) => l['xml:lang'] === lang)!
        .tig.filter((t) => t.termNote.some((n) => n.type === 'administrativeStatus' && n['#text'] === 'deprecatedTerm-admn-sts'))
        .map((t) => t.term);
    expect(deprecated('zh-Hans')).toEqual(['保价期', '天保价']);
    expect(deprecated('en')).toEqual(['price insurance']);
    const wc = entries.find((e) => e.id === 'warranty-card')!;
    expect(wc.langSet[1]!.tig[0]!.term).toBe('保固卡');
  });
  it('follows the TBX-Basic content model: element order and picklist values', async () => {
    const g = await testGlossary();
    type Node = Record<string, Node[] | string> & { ':@'?: Record<string, string> };
    const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(await renderTbx(g, { lang: 'all' })) as Node[];
    const name = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
    const kids = (n: Node) => (n[name(n)] as Node[]).filter((k) => name(k) !== '#text');
    const AUX = new Set(['descrip', 'descripGrp', 'admin', 'adminGrp', 'transacGrp', 'note', 'ref', 'xref']);
    /** children match: (aux)* then (one of `then`)+ */
    const auxThen = (n: Node, then: string[]) => expect(kids(n).map(name).join(' ')).toMatch(new RegExp(`^((${[...AUX].join('|')}) )*(${then.join('|')})( (${then.join('|')}))*$`));
    const martif = doc.find((n) => name(n) === 'martif')!;
    expect(kids(martif).map(name)).toEqual(['martifHeader', 'text']);
    const body = kids(kids(martif).find((n) => name(n) === 'text')!)[0]!;
    expect(kids(body).length).toBe(g.terms.length);
    for (const entry of kids(body)) {
      expect(name(entry)).toBe('termEntry');
      auxThen(entry, ['langSet']);
      for (const set of kids(entry).filter((k) => name(k) === 'langSet')) {
        auxThen(set, ['tig']);
        for (const tig of kids(set).filter((k) => name(k) === 'tig')) {
          const order = kids(tig).map(name).join(' ');
          expect(order).toMatch(/^term( termNote)*( (descrip|note|admin))*$/);
          for (const note of kids(tig).filter((k) => name(k) === 'termNote')) {
            const type = note[':@']!.type!;
            const value = ((note.termNote as Node[])[0] as unknown as { '#text': string })['#text'];
            expect(['administrativeStatus', 'termType']).toContain(type);
            if (type === 'administrativeStatus') expect(['preferredTerm-admn-sts', 'admittedTerm-admn-sts', 'deprecatedTerm-admn-sts', 'supersededTerm-admn-sts']).toContain(value);
            if (type === 'termType') expect(['fullForm', 'acronym', 'abbreviation', 'shortForm', 'variant', 'phrase']).toContain(value);
          }
          for (const d of kids(tig).filter((k) => name(k) === 'descrip')) expect(d[':@']!.type).toBe('context');
        }
      }
    }
  });

  it('escapes what XML must escape', async () => {
    const g: Glossary = await testGlossary();
    g.terms[0] = { ...g.terms[0]!, en: 'price <protection> & "more"' };
    const m = tbx(await renderTbx(g, { lang: 'en' }));
    expect(m.text.body.termEntry[0]!.langSet[0]!.tig[0]!.term).toBe('price <protection> & "more"');
  });
});

describe('quiz', () => {
  it('blanks the misused wording, and the answer is what the good example says there', () => {
    expect(blankFrom('本商品支持30天保价，降价了可以联系我们。', [7, 10], '本商品支持30天价保，降价了可以联系我们。')).toEqual({ start: 7, end: 10, answer: '天价保' });
    expect(blankFrom('This item has 30-day price insurance.', [21, 36], 'This item has 30-day price protection.')).toEqual({ start: 21, end: 36, answer: 'price protection' });
    expect(blankFrom('完全不同的一句话。', [0, 2], '另外一句。')).toBeUndefined();
  });
  it('makes a sheet with an answer key at the end', async () => {
    const g = await testGlossary();
    const quiz = buildQuiz(await buildView(g, { lang: 'zh-Hans', date: '2026-11-22' }));
    const items = quiz.sections.flatMap((s) => s.items);
    expect(items.map((i) => `${i.before}[${i.wrong}→${i.answer}]${i.after}`)).toEqual([
      '本商品支持30[天保价→天价保]，降价了可以联系我们。',
      '您可以在[保价期→价保期]内申请退差价。',
      '未发货的订单可以申请[只退钱→仅退款]。',
      '本店支持[无条件退货→七日无理由退货]。',
    ]);
    const md = renderQuizMarkdown(quiz);
    const key = md.indexOf(`## ${quiz.view.labels.answerKey}`);
    expect(key).toBeGreaterThan(md.lastIndexOf('＿'));
    expect(md.slice(0, key)).not.toContain('无条件退货');
    expect(md.slice(key)).toContain('1. **天价保** (~~天保价~~)');
    const html = renderQuizHtml(quiz);
    expect(html).toContain('class="key"');
    const en = buildQuiz(await buildView(g, { lang: 'en' }));
    expect(en.sections.flatMap((s) => s.items).map((i) => i.answer)).toEqual(['price protection', '7-day no-reason return', 'warranty card']);
    // zh-Hant: sentences converted by character, so 支持 stays 支持 (Taiwan phrases would say 支援, "assist").
    const hantQuiz = await makeQuiz(g, { lang: 'zh-Hant' });
    expect(hantQuiz.sections.flatMap((s) => s.items).map((i) => `${i.before}[${i.wrong}→${i.answer}]${i.after}`)).toEqual([
      '本商品支持30[天保價→天價保]，降價了可以聯繫我們。',
      '您可以在[保價期→價保期]內申請退差價。',
      '未發貨的訂單可以申請[只退錢→僅退款]。',
      '本店支持[無條件退貨→七日無理由退貨]。',
    ]);
    expect(hantQuiz.sections.map((s) => s.title)).toEqual(['服務內容術語', '法定術語']);
    const hant = renderQuizMarkdown(hantQuiz);
    expect(hant).not.toMatch(SIMPLIFIED_ONLY);
  });
});

describe('bundled glossary', () => {
  it('every format in every language', async () => {
    const g = await defaultGlossary();
    for (const lang of LANGS) {
      const view = await buildView(g, { lang });
      expect(renderMarkdown(view)).toContain(view.sections[0]!.title);
      const rows = csvRows(await renderCsv(g, { lang }));
      expect(rows.length).toBe(g.terms.length * (lang === 'all' ? 3 : 1));
      expect(tbx(await renderTbx(g, { lang })).text.body.termEntry.length).toBe(g.terms.length);
      const quiz = buildQuiz(view);
      if (lang !== 'en') expect(quiz.count).toBeGreaterThan(0);
      for (const i of quiz.sections.flatMap((s) => s.items)) expect(i.answer.trim()).not.toBe('');
    }
  });
});
