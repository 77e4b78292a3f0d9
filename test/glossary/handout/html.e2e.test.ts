/// <reference lib="dom" />
// The HTML handout as a person sees it: rendered by headless Chromium, in print and on screen.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Glossary, Lang } from '../../../src/glossary/model.js';
import { buildView, type HandoutView } from '../../../src/glossary/handout/content.js';
import { renderHtml } from '../../../src/glossary/handout/html.js';
import type { HandoutLang } from '../../../src/glossary/handout/labels.js';
import { isTraditional } from '../../../src/text/script.js';
import { MISSING_GLYPHS_SCRIPT } from '../../../src/glossary/handout/pdf.js';
import { browserDescribe, CHROMIUM, defaultGlossary, launch, outputPath, testGlossary } from './helpers.js';


const LANGS: HandoutLang[] = ['zh-Hans', 'zh-Hant', 'en', 'all'];
const A4_CSS_PX = 794; // 210 mm at 96 px per inch
const PRINTABLE_PX = Math.floor(((210 - 30) / 25.4) * 96); // inside the 15 mm side margins

let browser: Browser;
beforeAll(async () => {
  if (CHROMIUM) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(html: string, width: number, media: 'screen' | 'print'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1123 } });
  await page.emulateMedia({ media });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready');
  return page;
}

/** Elements that stick out of the page, and the page's scroll width. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 0.5 || r.left < -0.5) bad.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(r.left)}..${Math.round(r.right)}: ${(el.textContent ?? '').slice(0, 40)}`);
    }
    return { width, scrollWidth: document.documentElement.scrollWidth, bad: bad.slice(0, 5) };
  });
}

/** What the page shows, read from the DOM. */
function structure(page: Page) {
  return page.evaluate(() => {
    const text = (el: Element | null) => (el?.textContent ?? '').trim();
    return {
      cover: text(document.querySelector('#cover h1')),
      date: document.querySelector('#cover time')?.getAttribute('datetime'),
      toc: Array.from(document.querySelectorAll('nav.toc a.cat')).map((a) => a.getAttribute('href')),
      tocTerms: document.querySelectorAll('nav.toc ol.names a').length,
      sections: Array.from(document.querySelectorAll('section.category')).map((s) => ({
        category: s.getAttribute('data-category'),
        title: text(s.querySelector('h2')),
        breaksPage: getComputedStyle(s).breakBefore,
        terms: Array.from(s.querySelectorAll('article.term')).map((a) => ({
          id: a.id,
          names: Array.from(a.querySelectorAll('h3 > span')).map((x) => ({ lang: x.getAttribute('lang'), text: text(x) })),
          labels: Array.from(a.querySelectorAll('dl.facts dt')).map(text),
          definitions: Array.from(a.querySelectorAll('dl.facts dd:first-of-type .line')).length,
          misuses: Array.from(a.querySelectorAll('.dont .mis')).map(text),
          good: Array.from(a.querySelectorAll('.do .good')).map(text),
          source: text(a.querySelector('.source')),
        })),
      })),
    };
  });
}

/** Han characters must be drawn by a CJK font: per node, the fonts Chromium used (DevTools). */
async function fontsOf(page: Page, selector: string): Promise<{ text: string; fonts: { familyName: string; glyphCount: number }[] }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const out = [];
  for (const nodeId of nodeIds.slice(0, 12)) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    out.push({ text: outerHTML.replace(/<[^>]+>/g, ''), fonts });
  }
  await cdp.detach();
  return out;
}

/** Glyphs, not boxes: each Han character drawn in the element's font differs from a missing glyph. */
function tofu(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const style = getComputedStyle(el);
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.font = `40px ${style.fontFamily}`;
    const draw = (ch: string) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.fillText(ch, 4, 48);
      return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
    };
    const missing = draw('\u0378'); // an unassigned code point: the missing-glyph box
    const chars = Array.from((el.textContent ?? '').replace(/[^\p{Script=Han}]/gu, '')).slice(0, 20);
    return { font: style.fontFamily, chars: chars.length, boxes: chars.filter((c) => draw(c) === missing) };
  }, selector);
}

function expectedStructure(view: HandoutView) {
  return view.sections.map((s) => ({ category: s.category, title: s.title, terms: s.terms.map((t) => `term-${t.id}`) }));
}

async function checkHandout(glossary: Glossary, lang: HandoutLang, name: string) {
  const view = await buildView(glossary, { lang, date: '2026-11-22' });
  const html = renderHtml(view);
  writeFileSync(outputPath(`${name}-${lang}.html`), html);

  // Print layout: the width inside the A4 margins.
  const print = await open(html, PRINTABLE_PX, 'print');
  const o1 = await overflow(print);
  expect(o1.bad, `${name} ${lang} print: elements wider than the page`).toEqual([]);
  expect(o1.scrollWidth).toBeLessThanOrEqual(o1.width);
  await print.close();

  // Screen: an A4-wide window, and a phone.
  for (const width of [A4_CSS_PX, 390]) {
    const screen = await open(html, width, 'screen');
    const o = await overflow(screen);
    expect(o.bad, `${name} ${lang} screen ${width}px: elements wider than the window`).toEqual([]);
    if (width === A4_CSS_PX) {
      const s = await structure(screen);
      expect(s.cover).toBe(view.title);
      expect(s.date).toBe('2026-11-22');
      expect(s.toc).toEqual(view.sections.map((x) => `#cat-${x.category}`));
      expect(s.tocTerms).toBe(view.termCount);
      expect(s.sections.map((x) => ({ category: x.category, title: x.title, terms: x.terms.map((t) => t.id) }))).toEqual(expectedStructure(view));
      const langs: Lang[] = lang === 'all' ? ['zh-Hans', 'zh-Hant', 'en'] : [lang];
      for (const [i, sec] of s.sections.entries()) {
        for (const [j, t] of sec.terms.entries()) {
          const v = view.sections[i]!.terms[j]!;
          expect(t.names.map((n) => n.lang)).toEqual(langs);
          expect(t.definitions).toBe(langs.length);
          expect(t.labels[0]).toBe(view.labels.definition);
          if (v.plain.length) expect(t.labels).toContain(view.labels.plain);
          expect(t.misuses).toEqual(v.misuses.map((m) => m.text.text));
          expect(t.good).toEqual(v.good.map((g) => g.text));
          if (v.source) expect(t.source).toContain(v.source.text);
        }
      }
      // Each category starts a new printed page.
      const print2 = await open(html, PRINTABLE_PX, 'print');
      const breaks = await print2.evaluate(() => Array.from(document.querySelectorAll('section.category, nav.toc')).map((s) => getComputedStyle(s).breakBefore));
      expect(breaks.every((b) => b === 'page')).toBe(true);
      await print2.close();

      // CJK drawn with a CJK font, and no missing-glyph boxes.
      if (lang !== 'en') {
        const cjk = lang === 'zh-Hant' ? /Noto Sans CJK TC/ : /Noto Sans CJK (SC|TC)/;
        for (const sel of ['article.term h3 > span:first-child', 'dl.facts dd .line span', 'section.category > header h2', '#cover h1']) {
          for (const node of await fontsOf(screen, sel)) {
            const han = Array.from(node.text).filter((c) => /\p{Script=Han}/u.test(c)).length;
            if (han === 0) continue;
            const cjkGlyphs = node.fonts.filter((f) => cjk.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
            expect(cjkGlyphs, `${sel} "${node.text.slice(0, 20)}" drawn with ${JSON.stringify(node.fonts)}`).toBeGreaterThanOrEqual(han);
          }
          const t = await tofu(screen, sel);
          expect(t.boxes, `${sel}: characters drawn as boxes in ${t.font}`).toEqual([]);
        }
      }
      // A zh-Hant handout is Traditional throughout: headings, labels and glossary text.
      if (lang === 'zh-Hant' && name === 'test') {
        const text = await screen.evaluate(() => document.body.innerText);
        expect(text.match(/[们这说语术务后质义简体个为对时发货换钱价]/g) ?? []).toEqual([]);
        expect(isTraditional(text)).toBe(true);
      }
      // Screenshots for a person to look at: the cover and the first category.
      await screen.screenshot({ path: outputPath(`${name}-${lang}-top.png`) });
      await screen.locator('#cover').screenshot({ path: outputPath(`${name}-${lang}-cover.png`) });
      await screen.locator('section.category').first().screenshot({ path: outputPath(`${name}-${lang}-section.png`) });
    }
    await screen.close();
  }
}

browserDescribe('html handout in headless Chromium', () => {
  for (const lang of LANGS) {
    it(`test glossary, ${lang}`, async () => {
      await checkHandout(await testGlossary(), lang, 'test');
    });
  }
  for (const lang of LANGS) {
    it(`bundled glossary, ${lang}`, async () => {
      const g = await defaultGlossary();
      await checkHandout(g, lang, 'default');
    }, 120_000);
  }
});

browserDescribe('the checks themselves', () => {
  it('catch a box drawn for a missing glyph, a non-CJK font and an element wider than the page', async () => {
    // U+2B820 and U+31350 (CJK extensions) are in no font installed for the tests.
    const html = `<!DOCTYPE html><html lang="zh-Hans"><body style="margin:0">
<p id="boxes" style="font-family: 'DejaVu Sans'">\u{31350}\u{31351}</p>
<p id="latin" style="font-family: 'DejaVu Sans'">abc</p>
<div id="wide" style="width: 2000px">wide</div></body></html>`;
    const page = await open(html, 600, 'screen');
    expect((await tofu(page, '#boxes')).boxes.length).toBe(2);
    expect((await fontsOf(page, '#latin'))[0]!.fonts.map((f) => f.familyName)).toEqual(['DejaVu Sans']);
    expect((await overflow(page)).bad.length).toBeGreaterThan(0);
    // The PDF printer's warning about missing fonts uses the same test.
    expect(await page.evaluate(MISSING_GLYPHS_SCRIPT)).toEqual(['\u{31350}', '\u{31351}']);
    await page.close();
    const handout = await open(renderHtml(await buildView(await testGlossary(), { lang: 'all' })), 794, 'screen');
    expect(await handout.evaluate(MISSING_GLYPHS_SCRIPT)).toEqual([]);
    await handout.close();
  });
});

browserDescribe('what the reader sees', () => {
  it('zh-Hant examples in 「」, zh-Hans ones in “”', async () => {
    for (const [lang, open_, close] of [['zh-Hant', '「', '」'], ['zh-Hans', '“', '”']] as const) {
      const page = await open(renderHtml(await buildView(await testGlossary(), { lang })), A4_CSS_PX, 'screen');
      const marks = await page.evaluate(() => {
        const el = document.querySelector('.do .good')!;
        return [getComputedStyle(el, '::before').content, getComputedStyle(el, '::after').content, getComputedStyle(el).quotes];
      });
      expect(marks, lang).toEqual(['open-quote', 'close-quote', expect.stringMatching(new RegExp(`^"${open_}" "${close}"`))]);
      await page.close();
    }
  });

  it('the Content-Security-Policy stops a script that got into the page', async () => {
    const html = renderHtml(await buildView(await testGlossary(), { lang: 'en' })).replace('</body>', '<script>document.title = "ran"</script><img src="https://example.invalid/x.png"></body>');
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => violations.push(m.text()));
    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.title()).not.toBe('ran');
    // Chromium's words for a blocked action (older versions say "Refused to …").
    expect(violations.join('\n')).toMatch(/inline script[^\n]*Content Security Policy directive[^\n]*default-src 'none'/);
    expect(violations.join('\n')).toMatch(/image 'https:\/\/example\.invalid\/x\.png'[^\n]*violates the following Content Security Policy/);
    await page.close();
  });
});
