// A lint result with real findings from the test rule set, for the report format tests.
import { lintConversation } from '../../src/engine/lint.js';
import type { RuleSet } from '../../src/engine/ruleset.js';
import type { FileResult, LintResult } from '../../src/runner/result.js';
import { resultOf } from '../../src/runner/scores.js';
import type { Conversation, Finding } from '../../src/core/types.js';
import { dialogue, reply, testRuleSet } from '../helpers.js';

export const CWD = '/work/project';

let cached: RuleSet | undefined;
export async function ruleSet(): Promise<RuleSet> {
  cached ??= await testRuleSet();
  return cached;
}

function fileOf(path: string, conversations: Conversation[], rules: RuleSet): FileResult {
  return {
    path,
    findings: conversations.flatMap((c) => lintConversation(c, rules)),
    units: conversations.reduce((n, c) => n + c.units.length, 0),
  };
}

/**
 * Three files: canned replies with a fixable term misuse, two forbidden phrases and an astral
 * character before a finding (so UTF-16 and code-point columns differ); a conversation; a clean file.
 */
export async function sampleResult(): Promise<LintResult> {
  const rules = await ruleSet();
  const files = [
    fileOf('replies/退货, 换货.yaml', [reply('return-1', '本店支持无条件退货。'), reply('blame-1', '这不归我管，你去问别的部门')], rules),
    fileOf(
      'chats/c1.jsonl',
      [
        dialogue('c1', [
          ['customer', '快递太慢了'],
          ['agent', '𠀀这不归我管'],
        ]),
      ],
      rules,
    ),
    fileOf('replies/clean.yaml', [reply('ok-1', '您好，已为您处理。')], rules),
  ];
  return resultOf(files, rules.rules);
}

/** A finding whose message has every character the formats must escape. */
export function nasty(f: Finding): Finding {
  return { ...f, message: '100% <sure> & "quoted" \'x\': a, b\r\nnext line\ttab \u0007bell', text: f.text };
}
