// The JSON and SARIF reports write findings, scores and results by hand (json.ts, sarif.ts,
// json-text.ts): their bytes must be what JSON.stringify(report, null, 2) writes, whatever a finding holds.
import { describe, expect, it } from 'vitest';
import { json } from '../../src/report/json.js';
import { sarif } from '../../src/report/sarif.js';
import type { Finding } from '../../src/core/types.js';
import type { FileResult } from '../../src/runner/result.js';
import { resultOf } from '../../src/runner/scores.js';
import { CWD, nasty, sampleResult } from './fixture.js';

const options = { color: false, cwd: CWD };

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'terms/x',
    kind: 'term',
    severity: 'warning',
    message: 'm',
    unit: 'r1',
    conversation: null,
    turn: null,
    role: 'agent',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 9,
    text: '无条件退',
    suggestions: [],
    start: 4,
    end: 8,
    offset: 20,
    endOffset: 24,
    utterance: '本店支持无条件退货',
    ...over,
  };
}

describe('the JSON report, byte for byte', () => {
  it('is what JSON.stringify(report, null, 2) writes, for the sample result and its nasty messages', async () => {
    const result = await sampleResult();
    for (const file of result.files) file.findings = file.findings.map(nasty);
    const text = json(result, options);
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });

  it('SARIF: is what JSON.stringify(log, null, 2) writes, with related locations, suggestions and a rule it does not describe', async () => {
    const result = await sampleResult();
    for (const file of result.files) file.findings = file.findings.map(nasty);
    const odd = 'a"b\\c\n\u0001\u2028\ud800 \udfff𠀀';
    result.files[1]!.findings.push(
      finding({
        ruleId: 'elsewhere/unknown',
        unit: 'c1#1',
        conversation: 'c1',
        turn: 1,
        suggestions: ['甲', odd],
        related: [{ unit: 'c1#0', turn: 0, line: 1, column: 2, endLine: 1, endColumn: 4, start: 1, end: 3, text: odd, message: odd }],
      }),
    );
    const text = sarif(result, options);
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    const results = JSON.parse(text).runs[0].results;
    expect(results.some((r: { relatedLocations?: unknown[] }) => r.relatedLocations !== undefined)).toBe(true);
    const unknown = results.find((r: { ruleId: string }) => r.ruleId === 'elsewhere/unknown');
    expect(Object.keys(unknown)).not.toContain('ruleIndex');
    expect(unknown.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: {
          artifactLocation: { uri: 'chats/c1.jsonl', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 2, endLine: 1, endColumn: 4, snippet: { text: odd } },
        },
        logicalLocations: [{ name: 'c1#0' }],
        message: { text: odd },
      },
    ]);
    expect(unknown.properties).toEqual({ unit: 'c1#1', conversation: 'c1', turn: 1, role: 'agent', suggestions: ['甲', odd], fixable: false });
  });

  it('writes every member of a finding and a score: a fix, suggestions, related places, deductions, escapes, lone surrogates, nulls', () => {
    const odd = 'a"b\\c\n\u0001\u2028\ud800 \udfff𠀀';
    const reply: FileResult = {
      path: 'replies.yaml',
      units: 2,
      findings: [
        finding({ suggestions: ['七日无理由退货', odd], fix: { start: 4, end: 8, replacement: '七日无理由退' } }),
        // Its span is behind an escape in the file: no ESLint fix.
        finding({ message: odd, text: odd, fix: { start: 0, end: 1, replacement: 'x' }, endOffset: 22 }),
      ],
    };
    const chat: FileResult = {
      path: 'chats.jsonl',
      units: 4,
      conversations: [
        { id: 'c1', agents: ['小王', odd], turns: 4 },
        { id: 'c2', agents: [], turns: 1 },
      ],
      findings: [
        finding({
          ruleId: 'apology/missing-apology',
          kind: 'require',
          severity: 'error',
          unit: 'c1#1',
          conversation: 'c1',
          turn: 1,
          fix: { start: 0, end: 1, replacement: 'x' },
          score: { deduct: 10 },
          related: [
            { unit: 'c1#0', turn: 0, line: 1, column: 2, endLine: 1, endColumn: 4, start: 1, end: 3, text: '太慢', message: odd },
            { unit: 'c1#0', turn: 0, line: 1, column: 5, endLine: 1, endColumn: 6, start: 4, end: 5, text: '了', message: 'two' },
          ],
        }),
        finding({ unit: 'c1#3', conversation: 'c1', turn: 3, related: [], score: { fatal: true, deduct: 5 } }),
      ],
    };
    const text = json(resultOf([reply, chat], []), options);
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
    const [first, second] = JSON.parse(text).files[0].findings;
    expect(first).toEqual({
      ruleId: 'terms/x',
      kind: 'term',
      severity: 'warning',
      message: 'm',
      unit: 'r1',
      conversation: null,
      turn: null,
      role: 'agent',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      text: '无条件退',
      suggestions: ['七日无理由退货', odd],
      fix: { range: [20, 24], text: '七日无理由退' },
    });
    expect(second.message).toBe(odd);
    expect(second.fix).toBeUndefined();
    expect(Object.keys(second)).not.toContain('fix');
    const [apology, plain] = JSON.parse(text).files[1].findings;
    // A transcript is never rewritten: no fix.
    expect(Object.keys(apology)).not.toContain('fix');
    expect(apology.related).toEqual([
      { unit: 'c1#0', turn: 0, line: 1, column: 2, endLine: 1, endColumn: 4, text: '太慢', message: odd },
      { unit: 'c1#0', turn: 0, line: 1, column: 5, endLine: 1, endColumn: 6, text: '了', message: 'two' },
    ]);
    expect(plain.related).toEqual([]);
    expect(JSON.parse(text).scores.conversations).toEqual([
      {
        path: 'chats.jsonl',
        conversation: 'c1',
        agents: ['小王', odd],
        score: 0,
        fatal: ['terms/x'],
        deductions: [
          { ruleId: 'apology/missing-apology', points: 10 },
          { ruleId: 'terms/x', points: 5 },
        ],
      },
      { path: 'chats.jsonl', conversation: 'c2', agents: [], score: 100, fatal: [], deductions: [] },
    ]);
  });
});
