/// <reference lib="dom" />
// The HTML report for QA reviewers as a person sees it in Chromium (html.test.ts: its exact content).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserDescribe, launch, ROOT } from '../glossary/handout/helpers.js';
import { runCli } from '../helpers.js';
import { htmlReport } from './html-fixture.js';

let out: string;
beforeAll(async () => {
  ({ out } = await htmlReport());
});

let browser: Browser;
const OUTPUT = join(ROOT, 'test-output', 'report');

browserDescribe('html report (in Chromium)', () => {
  let file: string;
  beforeAll(async () => {
    browser = await launch();
    mkdirSync(OUTPUT, { recursive: true });
    file = join(OUTPUT, 'report.html');
    writeFileSync(file, out);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(width: number, javaScriptEnabled = true): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    // A CSP violation (a script the hash does not allow) shows up as a console error.
    expect(errors).toEqual([]);
    return page;
  }

  /** Elements that stick out of the viewport sideways. */
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const bad: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > width + 0.5 || r.left < -0.5)
          bad.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
      return { width, scrollWidth: document.documentElement.scrollWidth, bad: bad.slice(0, 5) };
    });

  const visible = (page: Page, selector: string) =>
    page.evaluate((s) => Array.from(document.querySelectorAll(s)).filter((el) => (el as HTMLElement).offsetParent !== null).length, selector);

  it('shows every conversation and finding, and fits a desktop and a phone screen', async () => {
    for (const width of [1280, 390]) {
      const page = await open(width);
      const shown = await page.evaluate(() => ({
        conversations: Array.from(document.querySelectorAll('article.conversation')).map((a) => a.getAttribute('data-conversation')),
        replies: Array.from(document.querySelectorAll('article.reply')).map((a) => a.getAttribute('data-reply')),
        findings: document.querySelectorAll('li.finding').length,
        fatal: Array.from(document.querySelectorAll('article.fatal .fatal-mark')).map((x) => x.textContent),
        count: document.querySelector('.filters .shown')?.textContent,
      }));
      expect(shown).toEqual({
        conversations: ['s1', 's2', 'x"1'],
        replies: ['r1', 'r2'],
        findings: 9,
        fatal: ['fatal: test/blame-shifting', 'fatal: test/blame-shifting'],
        count: '9 of 9 findings shown',
      });
      expect(await visible(page, 'li.finding')).toBe(9);
      const o = await overflow(page);
      expect(o.bad, `at ${width}px`).toEqual([]);
      expect(o.scrollWidth).toBeLessThanOrEqual(o.width);
      await page.screenshot({ path: join(OUTPUT, `report-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  it('hides warnings when their box is unticked, and a rule filter keeps only that rule', async () => {
    const page = await open(1280);
    await page.getByLabel('warning').click();
    expect(await visible(page, 'li.finding.sev-warning')).toBe(0);
    expect(await visible(page, 'li.finding.sev-error')).toBe(4);
    // r1 has nothing but a warning: it folds away; s2 has no findings at all.
    expect(await visible(page, 'article[data-reply="r1"]')).toBe(0);
    expect(await visible(page, 'article[data-conversation="s2"]')).toBe(0);
    expect(await page.textContent('.filters .shown')).toBe('4 of 9 findings shown');
    await page.getByLabel('warning').click();
    await page.selectOption('.filters select', 'test/dont-know');
    expect(await visible(page, 'li.finding')).toBe(1);
    expect(await visible(page, 'article.group')).toBe(1);
    await page.close();
  });

  it('reads without scripts and in print: no dead controls, everything shown', async () => {
    const page = await open(390, false);
    expect(await visible(page, '.filters')).toBe(0);
    expect(await visible(page, 'li.finding')).toBe(9);
    await page.close();
    const print = await open(1280);
    await print.emulateMedia({ media: 'print' });
    expect(await visible(print, '.filters')).toBe(0);
    expect(await visible(print, 'li.finding')).toBe(9);
    await print.close();
  });
});

browserDescribe('html report: the review loop in Chromium (dismiss → export → aslint lint --dismissed)', () => {
  let dir: string;
  let reviewer: Browser;
  const content = ['--no-defaults', '--no-config', '--glossary', join(ROOT, 'test/data/glossary.yaml'), '--rules', join(ROOT, 'test/data/rules.yaml')];
  beforeAll(async () => {
    reviewer = await launch();
    dir = mkdtempSync(join(tmpdir(), 'aslint-review-'));
    writeFileSync(
      join(dir, 'chats.jsonl'),
      [
        '{"id":"a","turns":[{"role":"customer","text":"快递太慢了"},{"role":"agent","speaker":"小王","text":"您好，这不归我管"}]}',
        '{"id":"b","turns":[{"role":"customer","text":"在吗"},{"role":"agent","speaker":"小李","text":"您好，这不归我管"}]}',
      ].join('\n') + '\n',
    );
  });
  afterAll(async () => {
    await reviewer?.close();
  });

  async function openReport(file: string): Promise<{ page: Page; errors: string[] }> {
    const page = await reviewer.newPage({ acceptDownloads: true });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors };
  }

  async function exportDismissals(page: Page, to: string): Promise<unknown> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.filters .export')]);
    expect(download.suggestedFilename()).toBe('aslint-dismissed.json');
    await download.saveAs(to);
    return JSON.parse(readFileSync(to, 'utf8'));
  }

  const blameIn = (conversationId: string) => `article[data-conversation="${conversationId}"] li.finding[data-rule="test/blame-shifting"]`;

  it('a dismissal made in the page, exported, leaves that finding (and only it) out of the next run and its scores', async () => {
    const report = join(dir, 'report.html');
    const first = await runCli(['lint', ...content, '--format', 'html', '-o', report, join(dir, 'chats.jsonl')], dir);
    expect(first.code).toBe(1);

    const { page, errors } = await openReport(report);
    const blame = page.locator(blameIn('a'));
    await blame.locator('button.open').click();
    // An empty reason dismisses nothing.
    await blame.locator('button.confirm').click();
    expect(await blame.getAttribute('class')).toBe('finding sev-error');
    await blame.getByLabel('reason for dismissing').fill('顾客要求转述原话');
    await blame.locator('button.confirm').click();
    expect(await blame.getAttribute('class')).toBe('finding sev-error dismissed');
    expect(await blame.locator('.dismissed-note').textContent()).toBe('dismissed: 顾客要求转述原话 undo');
    expect(await page.textContent('.filters .export .count')).toBe('1');
    // A reload keeps the review in progress.
    await page.reload();
    expect(await page.locator(blameIn('a')).getAttribute('class')).toBe('finding sev-error dismissed');
    const exported = await exportDismissals(page, join(dir, 'dismissed.json'));
    expect(exported).toEqual({
      version: 1,
      dismissed: [
        {
          ruleId: 'test/blame-shifting',
          conversation: 'a',
          unitText: '您好，这不归我管',
          text: '这不归我管',
          occurrence: 0,
          reason: '顾客要求转述原话',
          path: 'chats.jsonl',
          turn: 2,
        },
      ],
    });
    expect(errors).toEqual([]);
    await page.close();

    const before = JSON.parse((await runCli(['lint', ...content, '--format', 'json', join(dir, 'chats.jsonl')], dir)).stdout);
    const rerun = await runCli(['lint', ...content, '--format', 'json', '--dismissed', join(dir, 'dismissed.json'), join(dir, 'chats.jsonl')], dir);
    const after = JSON.parse(rerun.stdout);
    const where = (r: { files: { findings: { ruleId: string; conversation: string }[] }[] }) =>
      r.files[0]!.findings.map((f) => `${f.conversation} ${f.ruleId}`);
    expect(where(before)).toEqual(['a test/missing-apology', 'a test/blame-shifting', 'b test/blame-shifting']);
    expect(where(after)).toEqual(['a test/missing-apology', 'b test/blame-shifting']);
    const scores = (r: { scores: { conversations: { conversation: string; score: number; fatal: string[] }[] } }) =>
      r.scores.conversations.map((c) => [c.conversation, c.score, c.fatal]);
    expect(scores(before)).toEqual([
      ['a', 0, ['test/blame-shifting']],
      ['b', 0, ['test/blame-shifting']],
    ]);
    expect(scores(after)).toEqual([
      ['a', 90, []],
      ['b', 0, ['test/blame-shifting']],
    ]);
  });

  it('the next report lists what earlier reviews dismissed and exports it again with the new dismissals', async () => {
    const report = join(dir, 'report-2.html');
    await runCli(['lint', ...content, '--format', 'html', '-o', report, '--dismissed', join(dir, 'dismissed.json'), join(dir, 'chats.jsonl')], dir);
    const { page, errors } = await openReport(report);
    expect(await page.textContent('.dismissed-before summary')).toBe('1 finding dismissed in earlier reviews (left out of this run)');
    expect(await page.locator(blameIn('a')).count()).toBe(0);
    expect(await page.textContent('.filters .export .count')).toBe('1');
    const blame = page.locator(blameIn('b'));
    await blame.locator('button.open').click();
    await blame.getByLabel('reason for dismissing').fill('测试数据');
    await blame.locator('button.confirm').click();
    const exported = (await exportDismissals(page, join(dir, 'dismissed-2.json'))) as { dismissed: { conversation: string; reason: string }[] };
    expect(exported.dismissed.map((d) => [d.conversation, d.reason])).toEqual([
      ['a', '顾客要求转述原话'],
      ['b', '测试数据'],
    ]);
    expect(errors).toEqual([]);
    await page.close();
    const rerun = JSON.parse(
      (await runCli(['lint', ...content, '--format', 'json', '--dismissed', join(dir, 'dismissed-2.json'), join(dir, 'chats.jsonl')], dir)).stdout,
    );
    expect(rerun.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['test/missing-apology']);
  });
});
