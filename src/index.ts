// aslint as a library: load a rule set once, then lint files or text with it.
import { lintWholeDocument } from './engine/lint.js';
import type { RuleSet } from './engine/ruleset.js';
import type { FileResult, LintResult } from './runner/result.js';
import { resultOf } from './runner/scores.js';
import { openSource, openText } from './sources/index.js';
import type { SourceDocument, SourceFormat } from './sources/index.js';

export * from './core/types.js';
export type { SourceDocument, SourceFormat } from './sources/index.js';
export type { RuleSet } from './engine/ruleset.js';
export { loadRuleSet } from './runner/rulesets.js';
export { expandPaths } from './runner/expand-paths.js';
export type { ContentSources } from './core/package.js';
export type { FileResult, LintResult, Summary } from './runner/result.js';
export { lintConversation } from './engine/lint.js';
export { normalize } from './text/normalize.js';

/** Lints one opened document. */
export async function lintSource(doc: SourceDocument, ruleSet: RuleSet): Promise<FileResult> {
  return { path: doc.path, ...(await lintWholeDocument(doc, ruleSet)) };
}

export async function lintText(text: string, format: SourceFormat, ruleSet: RuleSet, path = '<stdin>'): Promise<FileResult> {
  return lintSource(openText(path, text, format), ruleSet);
}

export async function lintFiles(paths: readonly string[], ruleSet: RuleSet, format?: SourceFormat): Promise<LintResult> {
  const files: FileResult[] = [];
  for (const path of paths) files.push(await lintSource(await openSource(path, { format }), ruleSet));
  return resultOf(files, ruleSet.rules);
}
