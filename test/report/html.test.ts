/// <reference lib="dom" />
// The HTML report for QA reviewers: its exact content, then as a person sees it in Chromium.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import { runFiles } from '../../src/runner/run.js';
import { highlighted, html, markedText } from '../../src/report/html.js';
import type { FileResult, LintResult } from '../../src/runner/result.js';
import { resultOf } from '../../src/runner/scores.js';
import { CHROMIUM, launch, ROOT } from '../handout/helpers.js';
import { dialogue, runCli, TEST_RUN_OPTIONS } from '../helpers.js';
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
  const run = await runFiles([CHATS, REPLIES], { ...TEST_RUN_OPTIONS, cwd: ROOT, transcripts: true });
  // The require check reports the complaint that the missing apology answers.
  expect(run.result.files[0]!.findings.find((f) => f.ruleId === 'test/missing-apology')!.related).toMatchObject([{ unit: 's1#0', start: 2, end: 11, text: '太慢了，"怎么回事' }]);
  const evil = dialogue('x"1', [
    ['customer', '快递太慢了'],
    ['agent', '<script>alert("x")</script><b>这不归我管</b>'],
  ]);
  evil.units[1]!.speaker = '<img src=x onerror=alert(1)>';
  const evilFile: FileResult = {
    path: EVIL_PATH,
    findings: lintConversation(evil, await ruleSet()),
    units: 2,
    conversations: [{ id: 'x"1', agents: ['<img src=x onerror=alert(1)>'], turns: 2, transcript: evil.units.map((u) => ({ unit: u.id, role: u.role, text: u.text, ...(u.speaker ? { speaker: u.speaker } : {}), time: '<i>10:00</i>' })) }],
  };
  const files = [...run.result.files, evilFile];
  result = {
    ...resultOf(files, run.result.rules),
    run: { date: '2026-11-29T17:20:05.123Z', version: '9.9.9', inputs: [CHATS, REPLIES, EVIL_PATH], config: ['aslint:chat', join(ROOT, 'aslint.config.yaml')], content: [join(ROOT, 'rules/apology.yaml'), join(ROOT, 'rules/forbidden.yaml'), join(ROOT, 'test/data/rules.yaml')] },
  };
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
    expect(findingsIn(s2)).toEqual([]);
  });

  it('says what the run was: date, version, inputs, config, glossary and rules', () => {
    const info = out.match(/<dl class="run-info">(.*?)<\/dl>/)![1]!;
    expect([...info.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual([
      'date=<time datetime="2026-11-29T17:20:05.123Z">2026-11-29 17:20 UTC</time>',
      'aslint=9.9.9',
      'inputs=<ul><li>test/cli/data/chats.jsonl</li><li>test/cli/data/replies.yaml</li><li>chats/&lt;i&gt;evil&lt;/i&gt; &amp; co.jsonl</li></ul>',
      'config=<ul><li>aslint:chat</li><li>aslint.config.yaml</li></ul>',
      'glossary and rules=<ul><li>bundled glossary and rule packs (2 files)</li><li>test/data/rules.yaml</li></ul>',
    ]);
  });

  it('shows a conversation whole, as a chat: every turn with its number from 1, role, speaker and time', () => {
    const turns = conversation('s2').match(/<li class="turn[^]*?<\/li>/g)!;
    expect(turns).toEqual([
      '<li class="turn role-customer" id="f0-c1-t0" data-unit="s2#0">\n<p class="turn-head"><span class="n">turn 1</span> <span class="role">customer</span></p>\n<div class="bubble">东西坏了</div>\n</li>',
      '<li class="turn role-agent" id="f0-c1-t1" data-unit="s2#1">\n<p class="turn-head"><span class="n">turn 2</span> <span class="role">agent</span></p>\n<div class="bubble">亲，非常抱歉，马上为您补发</div>\n</li>',
    ]);
    expect(conversation('x&quot;1')).toContain('<p class="turn-head"><span class="n">turn 2</span> <span class="role">agent</span> <span class="speaker">&lt;img src=x onerror=alert(1)&gt;</span> <time>&lt;i&gt;10:00&lt;/i&gt;</time></p>');
  });

  it('marks every finding in its turn, overlapping ones cut into pieces coloured by the worst, and lists them under it', () => {
    const agentTurn = block('data-unit="s1#1"', 'li');
    expect(agentTurn).toContain(
      '<div class="bubble"><mark class="sev-error" data-finding="0">您好，</mark><mark class="sev-error" data-finding="0 1">这不归我管</mark>' +
        '<mark class="sev-error" data-finding="0">\n本店支持</mark><mark class="sev-error" data-finding="0 2">无条件退货</mark></div>',
    );
    const [apology, blame, term] = findingsIn(conversation('s1'));
    expect(blame).toBe(
      '<li class="finding sev-error" id="x1" data-n="1" data-severity="error" data-rule="test/blame-shifting">' +
        '<p class="head"><span class="sev">error</span> <span class="message">不要推诿。</span></p>' +
        '<p class="meta"><span class="who role-agent" title="s1#1">turn 2 · agent · <span class="speaker">小王</span></span>' +
        ' <a class="rule" href="#rule-2">test/blame-shifting</a> <span class="pos">1:107</span></p>' +
        '<div class="review" hidden></div>' +
        '</li>',
    );
    expect(apology).toMatch(/^<li class="finding sev-error" id="x0" data-n="0" data-severity="error" data-rule="test\/missing-apology">/);
    expect(term).toContain('<p class="suggestions">→ <span class="suggestion">七日无理由退货</span></p>');
    expect(term).toContain('<span class="pos">1:118</span>');
  });

  it('highlights the turn that triggered a cross-turn finding and links both ways', () => {
    const complaint = block('data-unit="s1#0"', 'li');
    expect(complaint).toBe(
      '<li class="turn role-customer trigger" id="f0-c0-t0" data-unit="s1#0">\n' +
        '<p class="turn-head"><span class="n">turn 1</span> <span class="role">customer</span></p>\n' +
        '<div class="bubble">快递<mark class="trigger" data-finding="0">太慢了，&quot;怎么回事</mark>&quot;</div>\n' +
        '<p class="triggered">triggered <a href="#x0">test/missing-apology</a> in turn 2</p>\n' +
        '</li>',
    );
    const [apology] = findingsIn(conversation('s1'));
    expect(apology).toContain('<p class="related">↳ <a href="#f0-c0-t0">turn 1</a>: 触发的话：“太慢了”“怎么回事”</p>');
  });

  it('groups reply-library findings by reply, each quoting its reply', () => {
    expect(findingsIn(reply('r1')).map((li) => li.match(/<mark>(.*?)<\/mark>/)![1])).toEqual(['无条件退货']);
    const r2 = findingsIn(reply('r2'));
    expect(r2.map((li) => li.match(/data-rule="(.*?)"/)![1])).toEqual(['term/price-protection', 'test/dont-know']);
    expect(r2[1]).toContain('<span class="who role-agent" title="r2">reply · agent</span>');
    expect(r2[1]).toContain('<blockquote class="utterance role-agent">您好！\n这件商品支持保价吗？我<mark>不知道</mark>。\n</blockquote>');
    expect(out).not.toContain('data-reply="clean"');
  });

  it('charts the findings per rule, most first, and embeds the docs of every rule it links to', () => {
    const chart = out.match(/<section class="rule-chart">[^]*?<\/section>/)![0];
    expect([...chart.matchAll(/<li data-rule="(.*?)"><a class="rule" href="#(rule-\d+)">.*?<\/a><span class="track">(.*?)<\/span><span class="n">(\d+)<\/span><\/li>/g)].map((m) => [m[1], m[2], m[4], [...m[3]!.matchAll(/sev-(\w+)" style="width:([\d.]+)%/g)].map((b) => `${b[1]} ${b[2]}`).join(', ')])).toEqual([
      ['term/seven-day-return', 'rule-0', '2', 'warning 100.00'],
      ['test/blame-shifting', 'rule-2', '2', 'error 100.00'],
      ['test/missing-apology', 'rule-4', '2', 'error 100.00'],
      ['term/price-protection', 'rule-1', '1', 'warning 50.00'],
      ['test/dont-know', 'rule-3', '1', 'warning 50.00'],
      ['test/greeting', 'rule-5', '1', 'warning 50.00'],
    ]);
    const docs = [...out.matchAll(/<article class="rule-doc" id="(rule-\d+)">\n<h3>(.*?) </g)].map((m) => `${m[1]} ${m[2]}`);
    expect(docs).toEqual(['rule-0 term/seven-day-return', 'rule-1 term/price-protection', 'rule-2 test/blame-shifting', 'rule-3 test/dont-know', 'rule-4 test/missing-apology', 'rule-5 test/greeting']);
    expect(block('id="rule-2"', 'article')).toContain('<div class="examples bad"><h4>bad</h4><ul><li>这不归我管。</li></ul></div>');
    // Every rule link stays in the page: nothing points into the machine that ran it.
    for (const href of out.matchAll(/href="(.*?)"/g)) expect(href[1]).toMatch(/^#|^https:/);
    expect(out).not.toContain('file:');
  });

  it('escapes the text of transcripts, speakers and paths, and keeps its data block closed', () => {
    // The report's own filter script and its JSON data block; nothing else.
    expect(out.match(/<script/g)).toHaveLength(2);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>');
    expect(out).toContain('<span class="path">chats/&lt;i&gt;evil&lt;/i&gt; &amp; co.jsonl</span>');
    const evil = conversation('x&quot;1');
    expect(evil).toContain('<h3><a href="#f2-c0">conversation x&quot;1</a></h3>');
    const blame = findingsIn(evil).find((li) => li.includes('data-rule="test/blame-shifting"'))!;
    expect(blame).toContain('<span class="speaker">&lt;img src=x onerror=alert(1)&gt;</span>');
    expect(evil).toContain(
      '<div class="bubble"><mark class="sev-error" data-finding="6 7">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;</mark>' +
        '<mark class="sev-error" data-finding="6 7 8">这不归我管</mark><mark class="sev-error" data-finding="6 7">&lt;/b&gt;</mark></div>',
    );
    const data = JSON.parse(out.match(/<script type="application\/json" id="aslint-data">(.*?)<\/script>/)![1]!);
    expect(data.findings).toHaveLength(9);
    expect(data.findings.find((f: { conversation: string }) => f.conversation === 'x"1' && f.text === '这不归我管')).toEqual({
      ruleId: 'test/blame-shifting',
      conversation: 'x"1',
      unitText: '<script>alert("x")</script><b>这不归我管</b>',
      text: '这不归我管',
      occurrence: 0,
      path: EVIL_PATH,
      turn: 2,
    });
  });

  it('cuts a long utterance to the context of its span, never inside a surrogate pair', () => {
    const text = '𠀀'.repeat(300) + '这不归我管' + 'x'.repeat(600);
    const start = 600;
    const shown = highlighted(text, start, start + 5);
    expect(shown).toMatch(/^…(𠀀){80}<mark>这不归我管<\/mark>x{160}…$/);
    expect(highlighted(text, 601, 606).startsWith('…' + '𠀀'.repeat(80))).toBe(true);
    expect(highlighted('ab', 1, 1)).toBe('a<mark class="point" title="here"></mark>b');
  });

  it('marks pieces of a turn: nested, crossing and empty spans, triggers apart from findings', () => {
    expect(markedText('abcdef', [])).toBe('abcdef');
    expect(
      markedText('abcdef', [
        { start: 1, end: 4, severity: 'warning', finding: 0, trigger: false },
        { start: 3, end: 5, severity: 'error', finding: 1, trigger: false },
        { start: 5, end: 5, severity: 'info', finding: 2, trigger: false },
        { start: 0, end: 2, finding: 3, trigger: true },
      ]),
    ).toBe(
      '<mark class="trigger" data-finding="3">a</mark><mark class="sev-warning trigger" data-finding="0 3">b</mark><mark class="sev-warning" data-finding="0">c</mark>' +
        '<mark class="sev-error" data-finding="0 1">d</mark><mark class="sev-error" data-finding="1">e</mark>' +
        '<mark class="point sev-info" data-finding="2" title="here"></mark>f',
    );
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
      dismissed: [{ ruleId: 'test/blame-shifting', conversation: 'a', unitText: '您好，这不归我管', text: '这不归我管', occurrence: 0, reason: '顾客要求转述原话', path: 'chats.jsonl', turn: 2 }],
    });
    expect(errors).toEqual([]);
    await page.close();

    const before = JSON.parse((await runCli(['lint', ...content, '--format', 'json', join(dir, 'chats.jsonl')], dir)).stdout);
    const rerun = await runCli(['lint', ...content, '--format', 'json', '--dismissed', join(dir, 'dismissed.json'), join(dir, 'chats.jsonl')], dir);
    const after = JSON.parse(rerun.stdout);
    const where = (r: { files: { findings: { ruleId: string; conversation: string }[] }[] }) => r.files[0]!.findings.map((f) => `${f.conversation} ${f.ruleId}`);
    expect(where(before)).toEqual(['a test/missing-apology', 'a test/blame-shifting', 'b test/blame-shifting']);
    expect(where(after)).toEqual(['a test/missing-apology', 'b test/blame-shifting']);
    const scores = (r: { scores: { conversations: { conversation: string; score: number; fatal: string[] }[] } }) => r.scores.conversations.map((c) => [c.conversation, c.score, c.fatal]);
    expect(scores(before)).toEqual([['a', 0, ['test/blame-shifting']], ['b', 0, ['test/blame-shifting']]]);
    expect(scores(after)).toEqual([['a', 90, []], ['b', 0, ['test/blame-shifting']]]);
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
    expect(exported.dismissed.map((d) => [d.conversation, d.reason])).toEqual([['a', '顾客要求转述原话'], ['b', '测试数据']]);
    expect(errors).toEqual([]);
    await page.close();
    const rerun = JSON.parse((await runCli(['lint', ...content, '--format', 'json', '--dismissed', join(dir, 'dismissed-2.json'), join(dir, 'chats.jsonl')], dir)).stdout);
    expect(rerun.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['test/missing-apology']);
  });
});
