// Scores are of what was found, not of what a display option lists: --quiet hides warnings from
// the report but must not give an agent back the points a warning cost.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-quiet-'));
  writeFileSync(
    join(dir, 'rules.yaml'),
    [
      'pack: q',
      'rules:',
      '  - id: dont-know',
      '    kind: forbidden',
      '    severity: warning',
      '    phrases: [不知道]',
      '    score: { deduct: 5 }',
      '  - id: blame',
      '    kind: forbidden',
      '    severity: error',
      '    phrases: [这不归我管]',
      '    score: { deduct: 20 }',
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'chats.jsonl'),
    [
      '{"id":"a","turns":[{"role":"customer","text":"在吗"},{"role":"agent","speaker":"小王","text":"我不知道，这不归我管"}]}',
      '{"id":"b","turns":[{"role":"customer","text":"在吗"},{"role":"agent","speaker":"小李","text":"我不知道"}]}',
    ].join('\n') + '\n',
  );
});

const lint = (...extra: string[]) =>
  runCli(['lint', '--no-defaults', '--no-config', '--rules', join(dir, 'rules.yaml'), '--format', 'json', ...extra, join(dir, 'chats.jsonl')], dir);

describe('scores and --quiet', () => {
  it('--quiet drops warnings from the findings but leaves every score and agent count as it was', async () => {
    const all = await lint();
    expect(all.stderr).toBe('');
    const quiet = await lint('--quiet');
    const full = JSON.parse(all.stdout);
    const errorsOnly = JSON.parse(quiet.stdout);
    expect(full.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['q/dont-know', 'q/blame', 'q/dont-know']);
    expect(errorsOnly.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['q/blame']);
    expect(full.scores.conversations.map((c: { conversation: string; score: number }) => [c.conversation, c.score])).toEqual([
      ['a', 75],
      ['b', 95],
    ]);
    expect(errorsOnly.scores).toEqual(full.scores);
    expect(errorsOnly.scores.agents.find((a: { agent: string }) => a.agent === '小李')).toMatchObject({ averageScore: 95, warnings: 1 });
  });

  it('stylish shows the same scores with --quiet', async () => {
    const quiet = await runCli(
      ['lint', '--no-defaults', '--no-config', '--rules', join(dir, 'rules.yaml'), '--no-color', '--quiet', join(dir, 'chats.jsonl')],
      dir,
    );
    expect(quiet.stdout).toContain('  conversation a · 小王 · score 75/100\n');
    expect(quiet.stdout).toMatch(/\n {2}小李 +1 +95\.0 +0 +0 +1 +0\n/);
  });
});
