// The handout as PDF: the HTML handout printed by headless Chromium. aslint does not download a
// browser: it drives the system's Chromium (Debian: `apt-get install chromium fonts-noto-cjk`)
// through playwright-core, which is loaded only for this format.
import { existsSync } from 'node:fs';
import { InputError } from '../../core/types.js';
import { escapeHtml } from '../../core/markup.js';
import type { HandoutView } from './content.js';
import { FONT_STACKS } from '../../core/fonts.js';

/** Where Chromium is looked for, in order, after $ASLINT_CHROMIUM. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const INSTALL_HINT =
  'Install Chromium and a CJK font: `sudo apt-get install chromium fonts-noto-cjk` (Debian/Ubuntu), or set ASLINT_CHROMIUM to the path of a Chromium or Chrome executable.';

/** The Chromium executable to use, or an InputError that says how to install one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.ASLINT_CHROMIUM;
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new InputError(`ASLINT_CHROMIUM is set to "${chosen}", which does not exist`, undefined, undefined, undefined, INSTALL_HINT);
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new InputError('the pdf format needs Chromium, and none was found', undefined, undefined, undefined, INSTALL_HINT);
  return found;
}

type Browser = import('playwright-core').Browser;

/** Starts the system's headless Chromium. */
export async function launchChromium(executablePath = findChromium()): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (e) {
    const first = (e as Error).message.split('\n').find((l) => l.trim() !== '') ?? String(e);
    throw new InputError(`cannot start Chromium (${executablePath}): ${first}`, undefined, undefined, undefined, INSTALL_HINT);
  }
}

/**
 * Run in the page: the Chinese characters of the document that no installed font draws (they
 * print as the missing-glyph box). Each is drawn in a canvas and compared with a code point no
 * font has.
 */
export const MISSING_GLYPHS_SCRIPT = `(() => {
  const chars = Array.from(new Set(document.body.innerText.match(/\\p{Script=Han}/gu) ?? []));
  if (chars.length === 0) return [];
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 48;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.font = '32px ' + getComputedStyle(document.body).fontFamily;
  const draw = (ch) => { ctx.clearRect(0, 0, 48, 48); ctx.fillText(ch, 4, 36); return ctx.getImageData(0, 0, 48, 48).data.join(); };
  const box = draw('\\u0378');
  return chars.filter((ch) => draw(ch) === box);
})()`;

/**
 * CJK faces with TrueType outlines, tried first when printing. Chromium's PDF writer (Skia)
 * embeds TrueType outlines as CID fonts but turns CFF outlines, which Noto Sans CJK and Source
 * Han Sans have, into Type 3 fonts: bitmaps-as-drawings that print blurry, and whose text
 * search and copy depend on the viewer (measured with pdffonts: Noto Sans CJK → 250 Type 3 fonts
 * in the zh-Hant handout; WenQuanYi Micro Hei → one embedded "CID TrueType" font).
 */
export const EMBEDDABLE_CJK_FONTS = '"WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing TW", "AR PL UMing CN"';
/** Latin faces with TrueType outlines, for English text, before the CJK ones. */
const EMBEDDABLE_LATIN_FONTS = '"Noto Sans", "Liberation Sans", "DejaVu Sans", Arial';

/**
 * The handout's fonts with the embeddable ones first; the others stay as fallbacks. No synthetic
 * bold: Skia draws it as Type 3 too (the CJK faces above have no bold; headings keep their size
 * and colour).
 */
const PRINT_FONTS_CSS = `* { font-synthesis: none; }
html, :lang(zh-Hans) { font-family: ${EMBEDDABLE_CJK_FONTS}, ${FONT_STACKS['zh-Hans']}; }
:lang(zh-Hant) { font-family: ${EMBEDDABLE_CJK_FONTS}, ${FONT_STACKS['zh-Hant']}; }
:lang(en) { font-family: ${EMBEDDABLE_LATIN_FONTS}, ${EMBEDDABLE_CJK_FONTS}, ${FONT_STACKS.en}; }`;

const TYPE3_HINT = 'Install a CJK font with TrueType outlines, which Chromium embeds: sudo apt-get install fonts-wqy-microhei';

/** How many Type 3 fonts a PDF of Chromium's has (its font dictionaries are not compressed). */
export function type3FontCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Subtype\s*\/Type3\b/g) ?? []).length;
}

/** Prints an HTML handout to an A4 PDF; page numbers in the footer and the contents. */
export async function htmlToPdf(
  html: string,
  view: Pick<HandoutView, 'labels' | 'title' | 'lang'>,
  browser?: Browser,
  warn: (message: string) => void = (m) => process.stderr.write(`aslint: warning: ${m}\n`),
): Promise<Buffer> {
  const own = browser === undefined;
  const b = browser ?? (await launchChromium());
  try {
    const page = await b.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.addStyleTag({ content: PRINT_FONTS_CSS });
    // Wait for the fonts, so no text is printed in a fallback face.
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    const missing = (await page.evaluate(MISSING_GLYPHS_SCRIPT)) as string[];
    if (missing.length > 0) {
      warn(
        `${missing.length} Chinese character${missing.length === 1 ? ' has' : 's have'} no font and print as boxes (${missing.slice(0, 8).join('')}${missing.length > 8 ? '…' : ''}). Install a CJK font: sudo apt-get install fonts-noto-cjk`,
      );
    }
    const pageOf = escapeHtml(view.labels.pageOf)
      .replace('{page}', '<span class="pageNumber"></span>')
      .replace('{pages}', '<span class="totalPages"></span>');
    // The template is its own document: fonts and sizes must be set here (single quotes: it sits in an attribute).
    const font = `${EMBEDDABLE_CJK_FONTS.replace(/"/g, "'")}, ${view.lang === 'zh-Hant' ? "'Noto Sans CJK TC', 'PingFang TC'" : "'Noto Sans CJK SC', 'PingFang SC'"}, sans-serif`;
    const footer = `<div style="font-family: ${font}; font-size: 8px; color: #778; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;"><span>${escapeHtml(view.title)}</span><span>${pageOf}</span></div>`;
    const print = async () =>
      Buffer.from(
        await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footer,
          outline: true,
          tagged: true,
        }),
      );
    // Page numbers in the contents: print once with room kept for them, read where each
    // anchor landed from the PDF's named destinations, fill them in and print again (same layout).
    const numbered = await page.evaluate(
      "(() => { const on = document.querySelector('.pg[data-for]') !== null; if (on) document.documentElement.classList.add('numbered'); return on; })()",
    );
    let pdf = await print();
    if (numbered) {
      const pages = namedDestinationPages(pdf);
      if (pages.size > 0) {
        await page.evaluate(
          `(pages => { for (const el of document.querySelectorAll('.pg[data-for]')) el.textContent = String(pages[el.getAttribute('data-for')] ?? ''); })(${JSON.stringify(Object.fromEntries(pages))})`,
        );
        pdf = await print();
      }
    }
    await page.close();
    const type3 = type3FontCount(pdf);
    if (type3 > 0) warn(`the PDF has ${type3} Type 3 font${type3 === 1 ? '' : 's'} (Chromium cannot embed the CFF outlines of fonts such as Noto Sans CJK): text prints less sharp and may not copy. ${TYPE3_HINT}`);
    return pdf;
  } finally {
    if (own) await b.close();
  }
}

/**
 * The page (1-based) each named destination of a PDF points to. Chromium writes one per element
 * id that a link targets, as plain objects (`/Dests << /cat-basic [12 0 R /XYZ …] >>`), with the
 * page tree as `/Pages` objects. Empty when the PDF is not laid out that way.
 */
export function namedDestinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end > 0) objects.set(Number(m[1]), text.slice(start, end));
  }
  const result = new Map<string, number>();
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o));
  if (!catalog) return result;
  const ref = (body: string, key: string) => {
    const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(body);
    return m ? Number(m[1]) : undefined;
  };
  // Pages in order: the leaves of the page tree.
  const order = new Map<number, number>();
  const walk = (n: number, depth: number) => {
    const body = objects.get(n);
    if (!body || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(body)) {
      order.set(n, order.size + 1);
    }
  };
  const root = ref(catalog, 'Pages');
  if (root === undefined) return result;
  walk(root, 0);
  const destsRef = ref(catalog, 'Dests');
  const dests = destsRef !== undefined ? objects.get(destsRef) : /\/Dests\s*(<<[\s\S]*?>>)/.exec(catalog)?.[1];
  if (!dests) return result;
  for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = order.get(Number(m[2]));
    if (page !== undefined) result.set(m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), page);
  }
  return result;
}
