/// <reference lib="dom" />
// The HTML report for QA reviewers: its exact content, then as a person sees it in Chromium.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import { runFiles } from '../../src/runner/run.js';
import { highlighted, html } from '../../src/report/html.js';
import type { FileResult, LintResult } from '../../src/report/result.js';
import { resultOf } from '../../src/runner/scores.js';
import { ruleDocsUrl } from '../../src/report/rule-docs.js';
import { CHROMIUM, launch, ROOT } from '../handout/helpers.js';
import { dialogue, TEST_RUN_OPTIONS } from '../helpers.js';
import { ruleSet } from './fixture.js';

// On CI a missing Chromium is a failure; elsewhere the browser tests skip (as the handout's do).
const browserDescribe = CHROMIUM || process.env.CI ? describe : describe.skip;

const CHATS = join(ROOT, 'test/cli/data/chats.jsonl');
const REPLIES = join(ROOT, 'test/cli/data/replies.yaml');
/** A file whose path, speaker and turns are markup, to see that all of it is escaped. */
const EVIL_PATH = 'chats/<i>evil</i> & co.jsonl';

let result: LintResult;
let out: string;
beforeAll(async () => {
  const run = await runFiles([CHATS, REPLIES], { ...TEST_RUN_OPTIONS, cwd: ROOT });
  const evil = dialogue('x"1', [
    ['customer', '快递太慢了'],
    ['agent', '<script>alert("x")</script><b>这不归我管</b>'],
  ]);
  evil.units[1]!.speaker = '<img src=x onerror=alert(1)>';
  const evilFile: FileResult = {
    path: EVIL_PATH,
    findings: lintConversation(evil, await ruleSet()),
    units: 2,
    conversations: [{ id: 'x"1', agents: ['<img src=x onerror=alert(1)>'], turns: 2 }],
  };
  const files = [...run.result.files, evilFile];
  result = resultOf(files, run.result.rules);
  out = html(result, { color: false, cwd: ROOT });
});

/** The markup of one element that opens with `open` (an <article> or <li>), up to its end tag. */
function block(open: string, tag: string): string {
  const at = out.lastIndexOf(`<${tag}`, out.indexOf(open));
  expect(out.indexOf(open), `no ${open}`).toBeGreaterThanOrEqual(0);
  return out.slice(at, out.indexOf(`</${tag}>`, at) + tag.length + 3);
}
const conversation = (id: string) => block(`data-conversation="${id}"`, 'article');
const reply = (id: string) => block(`data-reply="${id}"`, 'article');
/** The <li> of each finding in a piece of markup. */
const findingsIn = (markup: string) => markup.match(/<li class="finding[^]*?<\/li>/g) ?? [];

describe('html report (markup)', () => {
  it('has the run summary and the agents, worst first, the unnamed one named so', () => {
    expect(out).toMatch(/^<!doctype html>\n<html lang="zh-Hans">/);
    const summary = out.match(/<dl class="summary">(.*?)<\/dl>/)![1]!;
    const facts = [...summary.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(facts).toEqual(['files=3', 'utterances=9', 'conversations=3', 'average score=33.3', 'fatal=2', 'errors=4', 'warnings=5', 'infos=0']);
    const rows = [...out.matchAll(/<tr[^>]*><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map((m) => [m[1], ...[...m[2]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1])]);
    expect(rows).toEqual([
      ['&lt;img src=x onerror=alert(1)&gt;', '1', '0.0', '1', '2', '1', '0'],
      ['小王', '1', '0.0', '1', '2', '1', '0'],
      ['<span class="dim">(unnamed)</span>', '1', '100.0', '0', '0', '0', '0'],
    ]);
  });

  it('links the conversations that failed inspection from the header, worst first', () => {
    const failed = out.match(/<section class="failed">[^]*?<\/section>/)![0];
    expect([...failed.matchAll(/<li><a href="#(.*?)">(.*?)<\/a> <span class="score (\w+)"[^>]*>(.*?)<\/span>/g)].map((m) => m.slice(1).join(' '))).toEqual([
      'f0-c0 s1 fatal 0/100',
      'f2-c0 x&quot;1 fatal 0/100',
    ]);
  });

  it('scores every conversation, marks the fatal ones with their rules and lists the deductions', () => {
    const s1 = conversation('s1');
    expect(s1).toContain('<span class="score fatal" title="score out of 100">0/100</span>');
    expect(s1).toContain('<strong class="fatal-mark">fatal: test/blame-shifting</strong>');
    expect(s1).toMatch(/^<article class="group conversation fatal" id="f0-c0" data-conversation="s1">/);
    expect(s1).toContain('<li><span class="pts">−10</span> test/missing-apology</li>');
    const s2 = conversation('s2');
    expect(s2).toContain('<span class="score pass" title="score out of 100">100/100</span>');
    expect(s2).not.toContain('fatal-mark');
    expect(s2).toContain('<p class="none">no findings</p>');
  });

  it('shows each finding in its utterance, the span marked, with turn, role, speaker, rule link, position and suggestions', () => {
    const [apology, blame, term] = findingsIn(conversation('s1'));
    expect(blame).toBe(
      '<li class="finding sev-error" data-severity="error" data-rule="test/blame-shifting">' +
        '<p class="head"><span class="sev">error</span> <span class="message">不要推诿。</span></p>' +
        '<p class="meta"><span class="who role-agent" title="s1#1">turn 2/2 · agent · <span class="speaker">小王</span></span>' +
        ` <a class="rule" href="${ruleDocsUrl('test/blame-shifting')}">test/blame-shifting</a> <span class="pos">1:107</span></p>` +
        '<blockquote class="utterance role-agent">您好，<mark>这不归我管</mark>\n本店支持无条件退货</blockquote>' +
        '</li>',
    );
    // A rule about the whole turn marks the whole turn.
    expect(apology).toContain('<blockquote class="utterance role-agent"><mark>您好，这不归我管\n本店支持无条件退货</mark></blockquote>');
    expect(term).toContain('您好，这不归我管\n本店支持<mark>无条件退货</mark></blockquote>');
    expect(term).toContain('<p class="suggestions">→ <span class="suggestion">七日无理由退货</span></p>');
    expect(term).toContain('<span class="pos">1:118</span>');
  });

  it('groups reply-library findings by reply', () => {
    expect(findingsIn(reply('r1')).map((li) => li.match(/<mark>(.*?)<\/mark>/)![1])).toEqual(['无条件退货']);
    const r2 = findingsIn(reply('r2'));
    expect(r2.map((li) => li.match(/data-rule="(.*?)"/)![1])).toEqual(['term/price-protection', 'test/dont-know']);
    expect(r2[1]).toContain('<span class="who role-agent" title="r2">reply · agent</span>');
    expect(r2[1]).toContain('<blockquote class="utterance role-agent">您好！\n这件商品支持保价吗？我<mark>不知道</mark>。\n</blockquote>');
    expect(out).not.toContain('data-reply="clean"');
  });

  it('escapes the text of transcripts, speakers and paths', () => {
    // The only script element is the report's own filter.
    expect(out.match(/<script/g)).toHaveLength(1);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>');
    expect(out).toContain('<span class="path">chats/&lt;i&gt;evil&lt;/i&gt; &amp; co.jsonl</span>');
    const evil = conversation('x&quot;1');
    expect(evil).toContain('<h3><a href="#f2-c0">conversation x&quot;1</a></h3>');
    const blame = findingsIn(evil).find((li) => li.includes('data-rule="test/blame-shifting"'))!;
    expect(blame).toContain('<span class="speaker">&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(blame).toContain(
      '<blockquote class="utterance role-agent">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;<mark>这不归我管</mark>&lt;/b&gt;</blockquote>',
    );
  });

  it('cuts a long utterance to the context of its span, never inside a surrogate pair', () => {
    const text = '𠀀'.repeat(300) + '这不归我管' + 'x'.repeat(600);
    const start = 600;
    const shown = highlighted(text, start, start + 5);
    expect(shown).toMatch(/^…(𠀀){80}<mark>这不归我管<\/mark>x{160}…$/);
    expect(highlighted(text, 601, 606).startsWith('…' + '𠀀'.repeat(80))).toBe(true);
    expect(highlighted('ab', 1, 1)).toBe('a<mark class="point" title="here"></mark>b');
  });
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
        if (r.right > width + 0.5 || r.left < -0.5) bad.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(r.left)}..${Math.round(r.right)}`);
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
