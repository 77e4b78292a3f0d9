// The PDF handout: printed by headless Chromium, checked with poppler (pdfinfo, pdftotext,
// pdffonts, pdftoppm) when installed, else (page counts only) by reading the PDF's page objects.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildView } from '../../../src/glossary/handout/content.js';
import { renderHtml } from '../../../src/glossary/handout/html.js';
import type { HandoutLang } from '../../../src/glossary/handout/labels.js';
import { htmlToPdf, namedDestinationPages } from '../../../src/glossary/handout/pdf.js';
import type { Glossary } from '../../../src/glossary/model.js';
import { browserDescribe, CHROMIUM, defaultGlossary, launch, outputPath, testGlossary } from './helpers.js';

const has = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;
const POPPLER = has('pdfinfo') && has('pdftotext') && has('pdffonts');
const NO_POPPLER = 'skipped: no poppler here (apt-get install poppler-utils)';

/** Pages of a PDF: pdfinfo, or the /Type /Page objects (Chromium does not compress them). */
function pageCount(file: string): number {
  if (POPPLER) return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return (readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });

let browser: Browser;
beforeAll(async () => {
  if (CHROMIUM) browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function printed(glossary: Promise<Glossary>, lang: HandoutLang, name: string) {
  const view = await buildView(await glossary, { lang, date: '2026-11-22' });
  const warnings: string[] = [];
  const pdf = await htmlToPdf(renderHtml(view), view, browser, (w) => warnings.push(w));
  expect(warnings, 'every Chinese character has a font').toEqual([]);
  const file = outputPath(`${name}-${lang}.pdf`);
  writeFileSync(file, pdf);
  return { view, pdf, file };
}

/** The test glossary printed once in zh-Hant, for the tests below. */
let testPrint: ReturnType<typeof printed> | undefined;
const printedTest = () => (testPrint ??= printed(testGlossary(), 'zh-Hant', 'test'));

browserDescribe('pdf handout', () => {
  it('is an A4 PDF: cover, contents, then each category from a new page', async () => {
    const { view, pdf, file } = await printedTest();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Small test glossary: every category fits on one page.
    expect(pageCount(file)).toBe(2 + view.sections.length);
    // The contents give each category's and term's page, read back from the PDF's destinations.
    const pages = namedDestinationPages(pdf);
    view.sections.forEach((s, i) => {
      expect(pages.get(`cat-${s.category}`)).toBe(3 + i);
      for (const t of s.terms) expect(pages.get(`term-${t.id}`)).toBe(3 + i);
    });
  });

  it.skipIf(!POPPLER)(`has extractable Traditional text on A4 pages and embedded CID fonts${POPPLER ? '' : ` (${NO_POPPLER})`}`, async () => {
    const { view, file } = await printedTest();
    const toc = pageText(file, 2);
    view.sections.forEach((s, i) => expect(toc).toMatch(new RegExp(`${s.title}.*\\s${3 + i}\\n`)));
    expect(toc).toMatch(/保固卡\s+4\s/);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pageText(file, 1)).toContain('售後服務術語手冊');
    expect(pageText(file, 1)).toContain('2026年11月22日');
    expect(pageText(file, 2)).toContain('目錄');
    view.sections.forEach((s, i) => {
      const text = pageText(file, 3 + i);
      expect(text, `page ${3 + i}`).toContain(s.title);
      for (const t of s.terms) expect(text).toContain(t.names[0]!.text);
    });
    // Traditional throughout, Taiwan words where the glossary gives them.
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const word of ['保固卡', '軟體更新', '不要說', '這樣說', '定義', '第 3 頁，共 4 頁']) expect(all).toContain(word);
    for (const simplified of ['软件', '术语', '定义', '这样说']) expect(all).not.toContain(simplified);
    // Fonts are embedded as CID TrueType, not drawn as Type 3 (Chromium cannot embed CFF outlines).
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.filter((l) => /Type 3/.test(l))).toEqual([]);
    expect(fonts.some((l) => /CID TrueType\s+Identity-H\s+yes/.test(l))).toBe(true);
    // A picture of a printed page, for a person (and the docs).
    spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '3', '-l', '3', file, outputPath('test-zh-Hant-page')]);
  });

  it.skipIf(!POPPLER)(`prints the bundled glossary in every language, each category from the page the contents give${POPPLER ? '' : ` (${NO_POPPLER})`}`, async () => {
    const g = await defaultGlossary();
    for (const lang of ['zh-Hans', 'zh-Hant', 'en', 'all'] as const) {
      const { view, file } = await printed(Promise.resolve(g), lang, 'default');
      expect(pageCount(file)).toBeGreaterThanOrEqual(2 + view.sections.length);
      const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      for (const s of view.sections) expect(all).toContain(s.title.split(' · ')[0]);
      const dests = namedDestinationPages(readFileSync(file));
      for (const s of view.sections) expect(pageText(file, dests.get(`cat-${s.category}`)!).trimStart().startsWith(s.title.split(' · ')[0]!)).toBe(true);
      expect(all).toContain(view.sections[0]!.terms[0]!.names[0]!.text);
      if (lang === 'zh-Hans') spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '3', '-l', '4', file, outputPath('default-zh-Hans-page')]);
    }
  }, 180_000);
});
