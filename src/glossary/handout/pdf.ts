// The handout as PDF: the HTML handout printed by headless Chromium. aslint does not download a
// browser: it drives the system's Chromium (Debian: `apt-get install chromium fonts-noto-cjk`)
// through playwright-core, which is loaded only for this format.
import { existsSync } from 'node:fs';
import { InputError } from '../../types.js';
import { escapeHtml } from './html.js';
import type { HandoutView } from './content.js';

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

/** Prints an HTML handout to an A4 PDF; page numbers in the footer. */
export async function htmlToPdf(html: string, view: Pick<HandoutView, 'labels' | 'title' | 'lang'>, browser?: Browser): Promise<Buffer> {
  const own = browser === undefined;
  const b = browser ?? (await launchChromium());
  try {
    const page = await b.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // Wait for the fonts, so no text is printed in a fallback face.
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    const pageOf = escapeHtml(view.labels.pageOf)
      .replace('{page}', '<span class="pageNumber"></span>')
      .replace('{pages}', '<span class="totalPages"></span>');
    // The template is its own document: fonts and sizes must be set here (single quotes: it sits in an attribute).
    const font = view.lang === 'zh-Hant' ? "'Noto Sans CJK TC', 'PingFang TC', sans-serif" : "'Noto Sans CJK SC', 'PingFang SC', sans-serif";
    const footer = `<div style="font-family: ${font}; font-size: 8px; color: #778; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;"><span>${escapeHtml(view.title)}</span><span>${pageOf}</span></div>`;
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer,
      outline: true,
      tagged: true,
    });
    await page.close();
    return Buffer.from(pdf);
  } finally {
    if (own) await b.close();
  }
}
