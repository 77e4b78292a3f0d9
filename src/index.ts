// aslint as a library: load a rule set once, then lint files or text with it.
import { stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';
import { lintWholeDocument } from './engine/lint.js';
import type { RuleSet } from './engine/ruleset.js';
import type { FileResult, LintResult } from './report/result.js';
import { resultOf } from './runner/scores.js';
import { openSource, openText, SOURCE_EXTENSIONS } from './sources/index.js';
import { InputError, type SourceDocument, type SourceFormat } from './types.js';

export * from './types.js';
export type { RuleSet } from './engine/ruleset.js';
export { loadRuleSet } from './runner/rulesets.js';
export type { ContentSources } from './defaults.js';
export type { FileResult, LintResult, Summary } from './report/result.js';
export { lintConversation } from './engine/lint.js';
export { normalize } from './text/normalize.js';

/** Lints one opened document. */
export async function lintSource(doc: SourceDocument, ruleSet: RuleSet): Promise<FileResult> {
  return { path: doc.path, ...(await lintWholeDocument(doc, ruleSet)) };
}

export async function lintText(text: string, format: SourceFormat, ruleSet: RuleSet, path = '<stdin>'): Promise<FileResult> {
  return lintSource(openText(path, text, format), ruleSet);
}

const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];

/** Files named on the command line: files as they are, folders walked, globs expanded. */
export async function expandPaths(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const found = await glob(pattern, { ignore: IGNORED_DIRS, onlyFiles: true });
      if (found.length === 0) throw new InputError(`no files match "${pattern}"`, undefined, undefined, undefined, 'Check the pattern, or quote it so the shell does not expand it.');
      files.push(...found.sort());
      continue;
    }
    const info = await stat(pattern).catch(() => undefined);
    if (!info) throw new InputError(`no such file or folder: ${pattern}`, undefined, undefined, undefined, 'Check the path.');
    if (info.isDirectory()) {
      const exts = SOURCE_EXTENSIONS.map((e) => e.replace(/^\./, '')).join(',');
      const found = await glob(`**/*.{${exts}}`, { cwd: pattern, ignore: IGNORED_DIRS, onlyFiles: true });
      files.push(...found.sort().map((f) => `${pattern.replace(/\/+$/, '')}/${f}`));
    } else files.push(pattern);
  }
  return [...new Set(files)];
}

export async function lintFiles(paths: readonly string[], ruleSet: RuleSet, format?: SourceFormat): Promise<LintResult> {
  const files: FileResult[] = [];
  for (const path of paths) files.push(await lintSource(await openSource(path, { format }), ruleSet));
  return resultOf(files, ruleSet.rules);
}
