// The HTML report shows the first MAX_DETAILED conversations and replies in detail and counts
// the rest: tested here with a limit of 2 (the writer's third argument) on four dialogues and a
// reply library.
import { describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import { html, HtmlWriter, MAX_DETAILED } from '../../src/report/html.js';
import type { Conversation } from '../../src/core/types.js';
import { writeWhole, type FileResult, type LintResult } from '../../src/runner/result.js';
import { resultOf } from '../../src/runner/scores.js';
import { dialogue, reply } from '../helpers.js';
import { CWD, ruleSet } from './fixture.js';

async function fileOf(path: string, conversations: Conversation[]): Promise<FileResult> {
  const rules = await ruleSet();
  const dialogues = conversations.filter((c) => c.dialogue);
  return {
    path,
    findings: conversations.flatMap((c) => lintConversation(c, rules)),
    units: conversations.reduce((n, c) => n + c.units.length, 0),
    ...(dialogues.length > 0
      ? {
          conversations: dialogues.map((c) => ({
            id: c.id!,
            agents: ['小王'],
            turns: c.units.length,
            transcript: c.units.map((u) => ({ unit: u.id, role: u.role, text: u.text, speaker: '小王' })),
          })),
        }
      : {}),
  };
}

/** d1 and d3 fail (a fatal phrase, no apology, no greeting: 3 findings each), d2 has 1 finding, d4 none; the library has 2. */
async function sample(): Promise<LintResult> {
  const failing = (id: string) =>
    dialogue(id, [
      ['customer', '快递太慢了'],
      ['agent', '这不归我管'],
    ]);
  const chats = await fileOf('chats.jsonl', [
    failing('d1'),
    dialogue('d2', [
      ['customer', '你好'],
      ['agent', '您好，我不知道'],
    ]),
    failing('d3'),
    dialogue('d4', [['agent', '您好，已为您处理']]),
  ]);
  const replies = await fileOf('replies.yaml', [reply('r1', '这不归我管'), reply('r2', '我不知道')]);
  const result = resultOf([chats, replies], (await ruleSet()).rules);
  result.run = { date: '2026-11-29T12:00:00.000Z', version: '0.0.0', inputs: ['chats.jsonl', 'replies.yaml'], config: [], content: [] };
  return result;
}

function capped(result: LintResult, limit: number): { page: string; warnings: string[] } {
  const warnings: string[] = [];
  const page = writeWhole(result, (sink) => new HtmlWriter(sink, { color: false, cwd: CWD, warn: (m) => warnings.push(m) }, limit));
  return { page, warnings };
}

const count = (page: string, pattern: RegExp) => page.match(pattern)?.length ?? 0;

describe('the HTML report past its cap', () => {
  it('is capped at 10,000 conversations and replies by default', () => {
    expect(MAX_DETAILED).toBe(10_000);
  });

  it('shows the first conversations in detail, counts all in the summary, scores and chart, and says so on the page and to stderr', async () => {
    const result = await sample();
    expect(result.files.map((f) => f.findings.length)).toEqual([7, 2]);
    const { page, warnings } = capped(result, 2);
    const notice =
      'shows the first 2 conversations and replies in detail, with 4 of the 9 findings; the summary, scores, agents and findings by rule count them all';
    expect(warnings).toEqual([`the HTML report ${notice}`]);
    expect(page).toContain(`<p class="capped" role="note"><strong>This report ${notice}.</strong></p>`);
    // In detail: d1 and d2 only; the library and d3, d4 are not on the page.
    expect([...page.matchAll(/<article class="group[^"]*" id="([^"]+)" data-(?:conversation|reply)="([^"]+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['f0-c0', 'd1'],
      ['f0-c1', 'd2'],
    ]);
    expect(count(page, /<section class="file"/g)).toBe(1);
    expect(page).toContain('<span class="dim">7 utterances · 7 findings</span>');
    expect(count(page, /<li class="finding /g)).toBe(4);
    expect(JSON.parse(page.match(/<script type="application\/json" id="aslint-data">(.*?)<\/script>/)![1]!).findings).toHaveLength(4);
    // The summary: every conversation and finding.
    expect(page).toContain('<div><dt>conversations</dt><dd>4</dd></div>');
    expect(page).toContain('<div class="fatal"><dt>fatal</dt><dd>2</dd></div>');
    expect(page).toContain('<div class="sev-error"><dt>errors</dt><dd>5</dd></div>');
    expect(page).toContain('<div class="sev-warning"><dt>warnings</dt><dd>4</dd></div>');
    // The chart and the rule filter count the findings not shown.
    expect(page).toMatch(/<li data-rule="test\/blame-shifting">.*<span class="n">3<\/span><\/li>/);
    expect(page).toContain('test/dont-know (2)</option>');
    // Failed: d1 linked, d3 (not shown) named without a link.
    const failed = page.match(/<section class="failed">[\s\S]*?<\/section>/)![0];
    expect(failed).toContain('<li><a href="#f0-c0">d1</a> <span class="score fatal"');
    expect(failed).toContain('<li>d3 <span class="score fatal"');
  });

  it('is the same page as an uncapped one, with no notice, when everything fits', async () => {
    const result = await sample();
    const { page, warnings } = capped(result, 6);
    expect(warnings).toEqual([]);
    expect(page).not.toContain('class="capped"');
    expect(page).toBe(html(result, { color: false, cwd: CWD }));
    expect(count(page, /<article class="group/g)).toBe(6);
  });

  it('counts a group once, however many findings it has: a limit of 5 leaves out the last reply only', async () => {
    const { page, warnings } = capped(await sample(), 5);
    expect(warnings).toEqual([
      'the HTML report shows the first 5 conversations and replies in detail, with 8 of the 9 findings; the summary, scores, agents and findings by rule count them all',
    ]);
    expect([...page.matchAll(/data-reply="([^"]+)"/g)].map((m) => m[1])).toEqual(['r1']);
  });
});
