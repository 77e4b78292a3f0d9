// What a handout shows its readers: Taiwan's quotation marks and meaning-keeping conversion in
// zh-Hant, no internal ids or tool name unless asked, the title and organisation given, and a
// Content-Security-Policy in every HTML page.
import { describe, expect, it } from 'vitest';
import { buildView } from '../../../src/glossary/handout/content.js';
import { renderHtml } from '../../../src/glossary/handout/html.js';
import { renderMarkdown } from '../../../src/glossary/handout/markdown.js';
import { renderCsv } from '../../../src/glossary/exchange/csv.js';
import { taiwanQuotes } from '../../../src/glossary/handout/traditional.js';
import { runCli } from '../../helpers.js';
import { DATA, testGlossary } from './helpers.js';

const GLOSSARY = ['--no-defaults', '--glossary', DATA];

describe('zh-Hant text', () => {
  it('quotes with 「」 and 『』, keeping apostrophes', () => {
    expect(taiwanQuotes('叫“价保期”，不说‘保价’；customer’s')).toBe('叫「价保期」，不说『保价』；customer’s');
  });

  it('examples keep their meaning: 支持 stays 支持; the glossary\'s own Taiwan words are used', async () => {
    const g = await testGlossary();
    const view = await buildView(g, { lang: 'zh-Hant' });
    const terms = view.sections.flatMap((s) => s.terms);
    const pp = terms.find((t) => t.id === 'price-protection')!;
    expect(pp.good.map((x) => x.text)).toEqual(['本商品支持30天價保，降價了可以聯繫我們。', '您可以在價保期內申請退差價。']);
    expect(pp.misuses.map((m) => m.why.text)).toEqual(['價格保護的期限叫「價保期」；「保價」是寄件時的聲明價值保險。', '承諾一段時間內降價退差，說「X天價保」。']);
    const sd = terms.find((t) => t.id === 'seven-day-return')!;
    expect(sd.good.map((x) => x.text)).toContain('本店支持七日無理由退貨。');
  });

  it('a Traditional example written in the glossary is kept as written', async () => {
    const g = await testGlossary();
    const t = g.terms.find((x) => x.id === 'price-protection')!;
    t.examples.good.push('本商品提供30天價格保護。');
    const view = await buildView(g, { lang: 'zh-Hant' });
    expect(view.sections[0]!.terms[0]!.good.map((x) => x.text)).toContain('本商品提供30天價格保護。');
  });

  it('a reason the glossary gives in zh-Hant is shown as written', async () => {
    const g = await testGlossary();
    const m = g.terms.find((x) => x.id === 'price-protection')!.misuses[0]!;
    m.whyIn = { 'zh-Hans': m.why, 'zh-Hant': '價格保護的期限在臺灣也叫“價保期”。' };
    const view = await buildView(g, { lang: 'zh-Hant' });
    expect(view.sections[0]!.terms[0]!.misuses[0]!.why.text).toBe('價格保護的期限在臺灣也叫「價保期」。');
  });

  it('markdown quotes zh-Hant examples with 「」', async () => {
    const md = renderMarkdown(await buildView(await testGlossary(), { lang: 'zh-Hant' }));
    expect(md).toContain('  - 「本商品支持30天價保，降價了可以聯繫我們。」');
    expect(md).not.toContain('“');
    const hans = renderMarkdown(await buildView(await testGlossary(), { lang: 'zh-Hans' }));
    expect(hans).toContain('  - “本商品支持30天价保，降价了可以联系我们。”');
  });

  it('single-language exports convert the same way', async () => {
    const csv = await renderCsv(await testGlossary(), { lang: 'zh-Hant', categories: ['content'] });
    expect(csv).toContain('本商品支持30天價保，降價了可以聯繫我們。');
    expect(csv).not.toContain('支援');
  });
});

describe('no internal ids or tool name unless asked', () => {
  it('html: the cover has the title and organisation, cards have no ids; --show-ids shows them', async () => {
    const g = await testGlossary();
    const plain = renderHtml(await buildView(g, { lang: 'zh-Hans', title: '退换货术语', organization: '某某旗舰店客服部' }));
    expect(plain).not.toMatch(/aslint/i);
    expect(plain).not.toContain('class="id"');
    expect(plain).toContain('<div class="kicker">某某旗舰店客服部</div>');
    expect(plain).toContain('<h1>退换货术语</h1>');
    expect(plain).toContain('<title>退换货术语</title>');
    const withIds = renderHtml(await buildView(g, { lang: 'zh-Hans', showIds: true }));
    expect(withIds).toContain('<span class="id">price-protection</span>');
    expect(withIds).not.toContain('class="kicker"');
  });

  it('html: a Content-Security-Policy that allows no script and no request', async () => {
    const html = renderHtml(await buildView(await testGlossary(), { lang: 'en' }));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`);
  });

  it('cli: --title, --org and --show-ids', async () => {
    const r = await runCli(['handout', ...GLOSSARY, '--format', 'html', '--lang', 'en', '--title', 'Returns glossary', '--org', 'ACME Support']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<div class="kicker">ACME Support</div>');
    expect(r.stdout).toContain('<h1>Returns glossary</h1>');
    expect(r.stdout).not.toMatch(/aslint|class="id"/i);
    const ids = await runCli(['handout', ...GLOSSARY, '--format', 'html', '--show-ids']);
    expect(ids.stdout).toContain('<span class="id">warranty-card</span>');
  });
});
