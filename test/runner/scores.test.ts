import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/runner/result.js';
import { scoreConversation, scoreFiles, summarizeAgents } from '../../src/runner/scores.js';
import type { Finding } from '../../src/core/types.js';
import { runCli } from '../helpers.js';

function finding(
  ruleId: string,
  conversation: string | null,
  speaker: string | undefined,
  score?: Finding['score'],
  severity: Finding['severity'] = 'warning',
): Finding {
  return {
    ruleId,
    kind: 'forbidden',
    severity,
    message: '',
    unit: 'u',
    conversation,
    turn: conversation ? 1 : null,
    role: 'agent',
    speaker,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    text: 'x',
    suggestions: [],
    start: 0,
    end: 1,
    offset: 0,
    endOffset: 1,
    utterance: 'x',
    score,
  };
}

describe('conversation scores', () => {
  it('deduct each broken rule once, at its largest deduction', () => {
    const s = scoreConversation(
      'f',
      0,
      'c1',
      ['a'],
      [
        finding('p/late', 'c1', 'a', { deduct: 10 }),
        finding('p/late', 'c1', 'a', { deduct: 10 }),
        finding('p/rude', 'c1', 'a', { deduct: 5 }),
        finding('p/free', 'c1', 'a'),
      ],
    );
    expect(s).toEqual({
      path: 'f',
      fileIndex: 0,
      conversation: 'c1',
      agents: ['a'],
      score: 85,
      fatal: [],
      deductions: [
        { ruleId: 'p/late', points: 10 },
        { ruleId: 'p/rude', points: 5 },
      ],
      findings: 4,
    });
  });
  it('list the rules in the order first met, a rule at its largest deduction wherever it comes, each fatal rule once', () => {
    const s = scoreConversation(
      'f',
      0,
      'c1',
      ['a'],
      [
        finding('p/free', 'c1', 'a', { deduct: 0 }),
        finding('p/rude', 'c1', 'a'),
        finding('p/late', 'c1', 'a', { deduct: 2 }),
        finding('p/provoke', 'c1', 'a', { fatal: true, deduct: 1 }),
        finding('p/rude', 'c1', 'a', { deduct: 7.5 }),
        finding('p/late', 'c1', 'a', { deduct: 1 }),
        finding('p/threat', 'c1', 'a', { fatal: true }),
        finding('p/provoke', 'c1', 'a', { fatal: true, deduct: 3 }),
      ],
    );
    expect(s.deductions).toEqual([
      { ruleId: 'p/rude', points: 7.5 },
      { ruleId: 'p/late', points: 2 },
      { ruleId: 'p/provoke', points: 3 },
    ]);
    expect(s.fatal).toEqual(['p/provoke', 'p/threat']);
    expect(s.score).toBe(0);
    expect(s.findings).toBe(8);
  });
  it('fail the whole conversation on a fatal rule, and never go below 0', () => {
    expect(scoreConversation('f', 0, 'c1', [], [finding('p/provoke', 'c1', 'a', { fatal: true })]).score).toBe(0);
    expect(scoreConversation('f', 0, 'c1', [], [finding('p/a', 'c1', 'a', { deduct: 70 }), finding('p/b', 'c1', 'a', { deduct: 70 })]).score).toBe(0);
  });
  it('score every dialogue, with findings or not, and no reply', () => {
    const file: FileResult = {
      path: 'f',
      units: 6,
      findings: [finding('p/late', 'c1', 'amy', { deduct: 10 }), finding('p/late', null, undefined, { deduct: 10 })],
      conversations: [
        { id: 'c1', agents: ['amy'], turns: 3 },
        { id: 'c2', agents: ['amy', 'bo'], turns: 3 },
      ],
    };
    const scores = scoreFiles([file]);
    expect(scores.map((s) => [s.conversation, s.score])).toEqual([
      ['c1', 90],
      ['c2', 100],
    ]);
    expect(summarizeAgents([file], scores)).toEqual([
      { agent: 'amy', conversations: 2, averageScore: 95, fatalConversations: 0, errors: 0, warnings: 1, infos: 0 },
      { agent: 'bo', conversations: 1, averageScore: 100, fatalConversations: 0, errors: 0, warnings: 0, infos: 0 },
    ]);
  });
});

describe('scores in a run', () => {
  const args = [
    'lint',
    'test/cli/data/chats.jsonl',
    '--format',
    'json',
    '--no-defaults',
    '--no-config',
    '--glossary',
    'test/data/glossary.yaml',
    '--rules',
    'test/data/rules.yaml',
  ];
  it('are computed on the findings as linted: --quiet hides warnings, not their deductions', async () => {
    const all = JSON.parse((await runCli(args)).stdout);
    const quiet = JSON.parse((await runCli([...args, '--quiet'])).stdout);
    // The warning that --quiet hides still counts in the score and in the agent's warnings.
    expect(all.summary.warnings).toBe(1);
    expect(quiet.summary.warnings).toBe(0);
    expect(quiet.files[0].findings.map((f: { severity: string }) => f.severity)).toEqual(['error', 'error']);
    expect(quiet.scores).toEqual(all.scores);
    expect(quiet.scores.agents[0]).toEqual({ agent: '小王', conversations: 1, averageScore: 0, fatalConversations: 1, errors: 2, warnings: 1, infos: 0 });
  });
});
