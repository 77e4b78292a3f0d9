// aslint as a library: load a rule set once, then lint files or text with it.
import { stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';
import { loadRulePacks } from './config/rules.js';
import { defaultGlossaryFiles, defaultRuleFiles } from './defaults.js';
import { lintDocument } from './engine/lint.js';
import { compileRuleSet, type RuleSet } from './engine/ruleset.js';
import { loadGlossary } from './glossary/loader.js';
import { summarize, type FileResult, type LintResult } from './report/result.js';
import { openSource, openText, SOURCE_EXTENSIONS } from './sources/index.js';
import { InputError, type SourceDocument, type SourceFormat } from './types.js';

export * from './types.js';
export type { RuleSet } from './engine/ruleset.js';
export type { FileResult, LintResult, Summary } from './report/result.js';
export { lintConversation } from './engine/lint.js';
export { normalize } from './text/normalize.js';

export interface RuleSetOptions {
  /** Glossary files added to (or, without defaults, instead of) the bundled ones. */
  glossary?: readonly string[];
  rules?: readonly string[];
  /** Load the bundled glossary and rule packs (default true). */
  defaults?: boolean;
}

export async function loadRuleSet(options: RuleSetOptions = {}): Promise<RuleSet> {
  const defaults = options.defaults ?? true;
  const glossaryFiles = [...(defaults ? defaultGlossaryFiles() : []), ...(options.glossary ?? [])];
  const ruleFiles = [...(defaults ? defaultRuleFiles() : []), ...(options.rules ?? [])];
  const glossary = await loadGlossary(glossaryFiles);
  return compileRuleSet(glossary, loadRulePacks(ruleFiles));
}

/** Lints one opened document. */
export async function lintSource(doc: SourceDocument, ruleSet: RuleSet): Promise<FileResult> {
  const result: FileResult = { path: doc.path, findings: [], units: 0 };
  for await (const { conversation, findings } of lintDocument(doc, ruleSet)) {
    result.units += conversation.units.length;
    result.findings.push(...findings);
  }
  return result;
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
  return { files, summary: summarize(files), rules: ruleSet.rules };
}
