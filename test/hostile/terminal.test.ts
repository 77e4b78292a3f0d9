import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { codeFrame } from '../../src/report/codeframe.js';
import { stylish } from '../../src/report/stylish.js';
import { compact } from '../../src/report/compact.js';
import { unix } from '../../src/report/unix.js';
import type { LintResult } from '../../src/runner/result.js';
import { resultOf as runnerResult } from '../../src/runner/scores.js';
import { displayWidth, escapeControl } from '../../src/text/terminal.js';
import type { Finding } from '../../src/core/types.js';
import { growth, LINEAR_BOUND } from './scaling.js';

function finding(utterance: string, start: number, end: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'test/r',
    kind: 'forbidden',
    severity: 'error',
    message: 'msg',
    unit: 'c1#0',
    conversation: 'c1',
    turn: 0,
    role: 'agent',
    line: 1,
    column: start + 1,
    endLine: 1,
    endColumn: end + 1,
    text: utterance.slice(start, end),
    suggestions: [],
    start,
    end,
    offset: start,
    endOffset: end,
    utterance,
    ...extra,
  };
}

function resultOf(findings: Finding[], path = 'chats.jsonl', agent = '小王'): LintResult {
  return runnerResult([{ path, findings, units: 1, conversations: [{ id: 'c1', agents: [agent], turns: 1 }] }], []);
}

describe('control characters from transcripts never reach the terminal', () => {
  it('escapeControl shows ESC, BEL, C1 and bidi overrides as escapes, and keeps tab and line breaks', () => {
    expect(escapeControl('a\u001b[2Jb\u0007c\u009bd\u202ee\tf\ng')).toBe('a\\x1b[2Jb\\x07c\\x9bd\\u202ee\tf\ng');
  });

  it('stylish escapes clear-screen, window-title and OSC 8 sequences in the code frame, message, path and agent', () => {
    const text = '\u001b[2J\u001b]0;pwned\u0007您好\u001b]8;;https://evil.example\u0007加微信\u001b]8;;\u0007';
    const start = text.indexOf('加微信');
    const f = finding(text, start, start + 3, { message: `不要说“${text.slice(start - 25, start + 3)}”`, speaker: '\u001b[31m小王' });
    const result = resultOf([f], 'chats\u001b[1m.jsonl', '\u001b[31m小王');
    const out = stylish(result, { color: false, cwd: '/' });
    expect(JSON.stringify(out.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f].{0,30}/g))).toBe('null');
    expect(out).toContain('chats\\x1b[1m.jsonl');
    expect(out).toContain('\\x1b]0;pwned\\x07您好\\x1b]8;;https://evil.example\\x07加微信\\x1b]8;;\\x07\n');
    expect(out).toContain('  conversation c1 · \\x1b[31m小王 · score 100/100\n');
  });
});

describe('the unix and compact formats escape control characters from transcripts too', () => {
  // An OSC 8 link around the misuse, and a right-to-left override that would show the line reversed.
  const text = '\u001b]8;;https://evil.example\u0007加微信\u001b]8;;\u0007\u202e您好';
  const f = finding(text, 0, text.length, { message: `不要说“${text}”`, line: 3, column: 2 });
  const result = resultOf([f], 'chats\u001b[1m.jsonl');
  const escaped = '\\x1b]8;;https://evil.example\\x07加微信\\x1b]8;;\\x07\\u202e您好';

  it('unix', () => {
    expect(unix(result, { color: false, cwd: '/' })).toBe(`chats\\x1b[1m.jsonl:3:2: 不要说“${escaped}” [Error/test/r]\n\n1 problem\n`);
  });

  it('compact', () => {
    expect(compact(result, { color: false, cwd: '/' })).toBe(`chats\\x1b[1m.jsonl: line 3, col 2, Error - 不要说“${escaped}” (test/r)\n\n1 problem\n`);
  });
});

describe('display widths and code frames are linear in the text length', () => {
  it('displayWidth agrees with string-width', () => {
    for (const s of ['abc', '中文ab', '👍🏽x'.repeat(200), 'e\u0301'.repeat(300), '- '.repeat(500) + '中'.repeat(300)]) {
      expect(displayWidth(s)).toBe(stringWidth(s));
    }
  });

  it('displayWidth grows linearly', async () => {
    expect(await growth((n) => () => displayWidth('- '.repeat(n)), 20_000)).toBeLessThan(LINEAR_BOUND);
  });

  it('a frame keeps the span in view in 76 columns, with … where context was cut', () => {
    const text = `${'前'.repeat(5000)}无条件退货${'后'.repeat(5000)}`;
    const frame = codeFrame(text, 5000, 5005);
    expect(frame.line).toBe(`…${'前'.repeat(5)}无条件退货${'后'.repeat(27)}…`);
    expect(frame.marker).toBe(`${' '.repeat(11)}${'^'.repeat(10)}`);
  });

  it('stylish on one long message grows linearly (8,000 characters took 61 s)', async () => {
    const make = (n: number) => {
      const text = `${'好'.repeat(n / 2)}加微信${'呀'.repeat(n / 2)}`;
      const result = resultOf([finding(text, n / 2, n / 2 + 3)]);
      return () => stylish(result, { color: false, cwd: '/' });
    };
    expect(await growth(make, 4_000)).toBeLessThan(LINEAR_BOUND);
  });

  it('stylish on a 20 MB line with a finding at each end finishes and grows linearly', async () => {
    const make = (n: number) => {
      const text = `加微信${'- '.repeat(n / 2)}加微信`;
      const result = resultOf([finding(text, 0, 3), finding(text, text.length - 3, text.length)]);
      return () => stylish(result, { color: false, cwd: '/' });
    };
    expect(await growth(make, 5_000_000)).toBeLessThan(LINEAR_BOUND);
  });
});
