// Compiles a rule pack written inline in a test, through the same loader (and schema) as a file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRulePacks } from '../../src/packs/loader.js';
import { compileRuleSet, type RuleSet } from '../../src/engine/ruleset.js';
import { lintConversation } from '../../src/engine/lint.js';
import type { Conversation } from '../../src/core/types.js';

export function packFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'aslint-pack-')), 'pack.yaml');
  writeFileSync(file, yaml);
  return file;
}

export async function packRuleSet(yaml: string): Promise<RuleSet> {
  return compileRuleSet({ terms: [], files: [] }, loadRulePacks([packFile(yaml)]));
}

/** [ruleId, turn, column, endColumn, text] of each finding. */
export function spans(conversation: Conversation, rules: RuleSet): [string, number | null, number, number, string][] {
  return lintConversation(conversation, rules).map((f) => [f.ruleId, f.turn, f.column, f.endColumn, f.text]);
}
