// The HTML report of a real run plus a file whose path, speaker and turns are markup, shared
// by the markup tests (html.test.ts) and the browser tests (html.e2e.test.ts).
import { join } from 'node:path';
import { expect } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import { runFiles } from '../../src/runner/run.js';
import { html } from '../../src/report/html.js';
import type { FileResult, LintResult } from '../../src/runner/result.js';
import { resultOf } from '../../src/runner/scores.js';
import { ROOT } from '../glossary/handout/helpers.js';
import { dialogue, TEST_RUN_OPTIONS } from '../helpers.js';
import { ruleSet } from './fixture.js';

export const CHATS = join(ROOT, 'test/cli/data/chats.jsonl');
export const REPLIES = join(ROOT, 'test/cli/data/replies.yaml');
/** A file whose path, speaker and turns are markup, to see that all of it is escaped. */
export const EVIL_PATH = 'chats/<i>evil</i> & co.jsonl';

/** The result and its HTML report. */
export async function htmlReport(): Promise<{ result: LintResult; out: string }> {
  const run = await runFiles([CHATS, REPLIES], { ...TEST_RUN_OPTIONS, cwd: ROOT, transcripts: true });
  // The require check reports the complaint that the missing apology answers.
  expect(run.result.files[0]!.findings.find((f) => f.ruleId === 'test/missing-apology')!.related).toMatchObject([
    { unit: 's1#0', start: 2, end: 11, text: '太慢了，"怎么回事' },
  ]);
  const evil = dialogue('x"1', [
    ['customer', '快递太慢了'],
    ['agent', '<script>alert("x")</script><b>这不归我管</b>'],
  ]);
  evil.units[1]!.speaker = '<img src=x onerror=alert(1)>';
  const evilFile: FileResult = {
    path: EVIL_PATH,
    findings: lintConversation(evil, await ruleSet()),
    units: 2,
    conversations: [
      {
        id: 'x"1',
        agents: ['<img src=x onerror=alert(1)>'],
        turns: 2,
        transcript: evil.units.map((u) => ({ unit: u.id, role: u.role, text: u.text, ...(u.speaker ? { speaker: u.speaker } : {}), time: '<i>10:00</i>' })),
      },
    ],
  };
  const files = [...run.result.files, evilFile];
  const result: LintResult = {
    ...resultOf(files, run.result.rules),
    run: {
      date: '2026-11-29T17:20:05.123Z',
      version: '9.9.9',
      inputs: [CHATS, REPLIES, EVIL_PATH],
      config: ['aslint:chat', join(ROOT, 'aslint.config.yaml')],
      content: [join(ROOT, 'rules/apology.yaml'), join(ROOT, 'rules/forbidden.yaml'), join(ROOT, 'test/data/rules.yaml')],
    },
  };
  return { result, out: html(result, { color: false, cwd: ROOT }) };
}
