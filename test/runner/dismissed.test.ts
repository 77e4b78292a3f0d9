// Dismissals keyed on content and counted like a baseline; a broken file is a clear error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintConversation } from '../../src/engine/lint.js';
import { applyDismissals, loadDismissals, occurrences, type Dismissal } from '../../src/runner/dismissed.js';
import type { FileResult } from '../../src/runner/result.js';
import { dialogue, runCli } from '../helpers.js';
import { ruleSet } from '../report/fixture.js';

let files: () => FileResult[];
beforeAll(async () => {
  const rules = await ruleSet();
  // The same reply twice in one conversation, and once in another.
  const a = dialogue('a', [
    ['customer', '在吗'],
    ['agent', '您好，这不归我管'],
    ['customer', '？'],
    ['agent', '您好，这不归我管'],
  ]);
  const b = dialogue('b', [
    ['customer', '在吗'],
    ['agent', '您好，这不归我管'],
  ]);
  files = () => [{ path: 'chats.jsonl', units: 6, findings: [...lintConversation(a, rules), ...lintConversation(b, rules)] }];
});

const dismissal = (conversation: string, occurrence: number): Dismissal => ({
  ruleId: 'test/blame-shifting',
  conversation,
  unitText: '您好，这不归我管',
  text: '这不归我管',
  occurrence,
  reason: 'r',
});
const blames = (fs: FileResult[]) => fs[0]!.findings.filter((f) => f.ruleId === 'test/blame-shifting').map((f) => `${f.conversation}#${f.turn}`);

describe('dismissals', () => {
  it('count each finding with the same rule, conversation, turn text and span text in order', () => {
    const fs = files();
    expect([...occurrences(fs)].filter(([f]) => f.ruleId === 'test/blame-shifting').map(([f, n]) => `${f.conversation}#${f.turn}:${n}`)).toEqual([
      'a#1:0',
      'a#3:1',
      'b#1:0',
    ]);
  });

  it('leave out as many findings of a key as were dismissed, and say which dismissals matched', () => {
    const fs = files();
    expect(blames(fs)).toEqual(['a#1', 'a#3', 'b#1']);
    const applied = applyDismissals(fs, [dismissal('a', 0), dismissal('c', 0)]);
    expect(blames(fs)).toEqual(['a#3', 'b#1']);
    expect(applied).toEqual([dismissal('a', 0)]);
    const both = files();
    applyDismissals(both, [dismissal('a', 1), dismissal('a', 0)]);
    expect(blames(both)).toEqual(['b#1']);
    // Another turn text is another finding, though the rule and span are the same.
    const other = files();
    applyDismissals(other, [{ ...dismissal('b', 0), unitText: '您好，这不归我管。' }]);
    expect(blames(other)).toEqual(['a#1', 'a#3', 'b#1']);
  });

  it('a broken file is an error at its line and column that says what to do, and no run starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-dismissed-'));
    const bad = join(dir, 'dismissed.json');
    writeFileSync(join(dir, 'chats.jsonl'), '{"id":"a","turns":[{"role":"agent","text":"您好"}]}\n');
    writeFileSync(
      bad,
      '{\n  "version": 1,\n  "dismissed": [\n    {"ruleId": "x", "conversation": null, "unitText": "t", "text": "t", "occurrence": -1, "reason": ""}\n  ]\n}\n',
    );
    expect(() => loadDismissals(bad)).toThrowError('dismissals dismissed[0].occurrence: must be >= 0');
    const r = await runCli(['lint', '--no-defaults', '--no-config', '--dismissed', bad, join(dir, 'chats.jsonl')], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `aslint: ${bad}:4:87: dismissals dismissed[0].occurrence: must be >= 0\n  Export the file again from the HTML report (the “export dismissals” button), or fix it by hand.\n`,
    );
    writeFileSync(bad, '{"version": 1, "dismissed": [}');
    const syntax = await runCli(['lint', '--no-defaults', '--no-config', '--dismissed', bad, join(dir, 'chats.jsonl')], dir);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(new RegExp(`^aslint: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: YAML syntax error: .*\n  Export the file again`));
  });
});
