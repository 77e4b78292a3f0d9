// The HTML report for QA reviewers: its exact content (html.e2e.test.ts: as a person sees it in Chromium).
import { beforeAll, describe, expect, it } from 'vitest';
import { highlighted, markedText } from '../../src/report/html.js';
import { EVIL_PATH, htmlReport } from './html-fixture.js';

let out: string;
beforeAll(async () => {
  ({ out } = await htmlReport());
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
    const rows = [...out.matchAll(/<tr[^>]*><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map((m) => [
      m[1],
      ...[...m[2]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]),
    ]);
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
    expect(conversation('x&quot;1')).toContain(
      '<p class="turn-head"><span class="n">turn 2</span> <span class="role">agent</span> <span class="speaker">&lt;img src=x onerror=alert(1)&gt;</span> <time>&lt;i&gt;10:00&lt;/i&gt;</time></p>',
    );
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
    expect(
      [
        ...chart.matchAll(
          /<li data-rule="(.*?)"><a class="rule" href="#(rule-\d+)">.*?<\/a><span class="track">(.*?)<\/span><span class="n">(\d+)<\/span><\/li>/g,
        ),
      ].map((m) => [m[1], m[2], m[4], [...m[3]!.matchAll(/sev-(\w+)" style="width:([\d.]+)%/g)].map((b) => `${b[1]} ${b[2]}`).join(', ')]),
    ).toEqual([
      ['term/seven-day-return', 'rule-0', '2', 'warning 100.00'],
      ['test/blame-shifting', 'rule-2', '2', 'error 100.00'],
      ['test/missing-apology', 'rule-4', '2', 'error 100.00'],
      ['term/price-protection', 'rule-1', '1', 'warning 50.00'],
      ['test/dont-know', 'rule-3', '1', 'warning 50.00'],
      ['test/greeting', 'rule-5', '1', 'warning 50.00'],
    ]);
    const docs = [...out.matchAll(/<article class="rule-doc" id="(rule-\d+)">\n<h3>(.*?) </g)].map((m) => `${m[1]} ${m[2]}`);
    expect(docs).toEqual([
      'rule-0 term/seven-day-return',
      'rule-1 term/price-protection',
      'rule-2 test/blame-shifting',
      'rule-3 test/dont-know',
      'rule-4 test/missing-apology',
      'rule-5 test/greeting',
    ]);
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
