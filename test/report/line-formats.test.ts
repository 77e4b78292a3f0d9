// ESLint's one-line formats (unix, compact) and the ESLint-style counts and fixes of the json format.
import { beforeAll, describe, expect, it } from 'vitest';
import { compact } from '../../src/report/compact.js';
import { json } from '../../src/report/json.js';
import type { LintResult } from '../../src/runner/result.js';
import { unix } from '../../src/report/unix.js';
import { CWD, nasty, sampleResult } from './fixture.js';

const opts = { color: false, cwd: CWD };
let result: LintResult;
beforeAll(async () => {
  result = await sampleResult();
});

describe('unix', () => {
  it('prints path:line:column: message [Severity/rule] per finding and the count', () => {
    expect(unix(result, opts)).toBe(
      [
        'replies/退货, 换货.yaml:1:5: “无条件退货”应为“七日无理由退货”：无理由不等于无条件 [Warning/term/seven-day-return]',
        'replies/退货, 换货.yaml:1:1: 不要推诿。 [Error/test/blame-shifting]',
        'replies/退货, 换货.yaml:1:7: 不要推诿。 [Error/test/blame-shifting]',
        'chats/c1.jsonl:2:1: 这一轮缺少应有的表达。 [Warning/test/greeting]',
        'chats/c1.jsonl:2:1: 顾客说“太慢了”后，客服 2 轮内没有致歉。 [Error/test/missing-apology]',
        'chats/c1.jsonl:2:3: 不要推诿。 [Error/test/blame-shifting]',
        '',
        '6 problems',
        '',
      ].join('\n'),
    );
  });
  it('prints nothing when there is nothing to report, and one problem in the singular', () => {
    expect(unix({ ...result, files: [] }, opts)).toBe('');
    const one = { ...result, files: [{ ...result.files[0]!, findings: [{ ...result.files[0]!.findings[0]!, severity: 'info' as const }] }] };
    expect(unix(one, opts)).toBe(
      'replies/退货, 换货.yaml:1:5: “无条件退货”应为“七日无理由退货”：无理由不等于无条件 [Info/term/seven-day-return]\n\n1 problem\n',
    );
  });
  it('keeps one finding on one line and escapes control characters', () => {
    const out = unix({ ...result, files: [{ ...result.files[0]!, findings: [nasty(result.files[0]!.findings[0]!)] }] }, opts);
    expect(out.split('\n')[0]).toBe('replies/退货, 换货.yaml:1:5: 100% <sure> & "quoted" \'x\': a, b next line\ttab \\x07bell [Warning/term/seven-day-return]');
    expect(out.split('\n')).toHaveLength(4);
  });
});

describe('compact', () => {
  it('prints path: line L, col C, Severity - message (rule) per finding and the count', () => {
    const lines = compact(result, opts).split('\n');
    expect(lines[0]).toBe('replies/退货, 换货.yaml: line 1, col 5, Warning - “无条件退货”应为“七日无理由退货”：无理由不等于无条件 (term/seven-day-return)');
    expect(lines[5]).toBe('chats/c1.jsonl: line 2, col 3, Error - 不要推诿。 (test/blame-shifting)');
    expect(lines.slice(6)).toEqual(['', '6 problems', '']);
  });
});

describe('json', () => {
  it('carries ESLint’s counts per file and each finding’s fix as a range of the file and its text', () => {
    const doc = JSON.parse(json(result, opts));
    const counts = doc.files.map((f: Record<string, unknown>) => [
      f.path,
      f.errorCount,
      f.warningCount,
      f.infoCount,
      f.fixableErrorCount,
      f.fixableWarningCount,
    ]);
    expect(counts).toEqual([
      ['replies/退货, 换货.yaml', 2, 1, 0, 0, 1],
      ['chats/c1.jsonl', 2, 1, 0, 0, 0],
      ['replies/clean.yaml', 0, 0, 0, 0, 0],
    ]);
    const [misuse, blame] = doc.files[0].findings;
    expect(misuse.fix).toEqual({ range: [4, 9], text: '七日无理由退货' });
    expect('fix' in blame).toBe(false);
  });
  it('counts a fixable error as a fixable error, and gives no fix where the span is escaped in the file', () => {
    const f = result.files[0]!.findings[0]!;
    const asError = { ...f, severity: 'error' as const };
    // The same finding behind a JSON escape: 7 characters of file for 5 of text.
    const escaped = { ...f, offset: 40, endOffset: 47 };
    const doc = JSON.parse(json({ ...result, files: [{ ...result.files[0]!, findings: [asError, escaped] }] }, opts));
    expect([doc.files[0].fixableErrorCount, doc.files[0].fixableWarningCount]).toEqual([1, 1]);
    expect(doc.files[0].findings[1].fix).toBeUndefined();
  });
  it('claims no fix in a transcript: --fix rewrites reply libraries only', () => {
    const f = result.files[0]!.findings[0]!;
    const transcript = { path: 'chats/c.jsonl', findings: [f], units: 1, conversations: [] };
    const doc = JSON.parse(json({ ...result, files: [transcript] }, opts));
    expect([doc.files[0].warningCount, doc.files[0].fixableWarningCount, 'fix' in doc.files[0].findings[0]]).toEqual([1, 0, false]);
  });
});
