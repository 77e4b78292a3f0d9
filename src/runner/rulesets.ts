// Loading a rule set: the glossary and rule packs are read, parsed and validated against their
// schemas only when one of them changed. The validated content and its compiled patterns (the
// automaton's tables, phrases, guards, regex sources) are kept on disk under a key made of
// aslint's version and every content file's path and bytes, so a warm run skips YAML parsing,
// schema validation and compiling (measured on the bundled content: ~430 ms to load and validate,
// ~130 ms to compile the patterns; restoring them from the cache ~10 ms). Worker threads are sent
// the same content, never the YAML. A damaged or unwritable cache only costs the time, never the result.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentFiles, PACKAGE, type ContentSources } from '../core/package.js';
import { compileRuleSet, type RuleSet } from '../engine/ruleset.js';
import type { StoredPatterns } from '../match/patterns.js';
import type { ResolvedConfig } from '../config/discovery.js';
import type { LoadedRule } from '../packs/loader.js';
import type { Glossary } from '../glossary/model.js';
import { InputError } from '../core/types.js';

/** What the content files say, validated, and its compiled patterns: all a rule set is made from (and all a worker needs). */
export interface RuleSetContent {
  glossary: Glossary;
  rules: LoadedRule[];
  patterns: StoredPatterns;
}

/**
 * Bumped when the shape of RuleSetContent, how content files are read or how patterns compile
 * changes (2: decoded like inputs, GB18030 included; 3: compiled patterns kept; 4: regexes gated
 * by groups whose alternatives are not plain literals).
 */
const CACHE_FORMAT = 4;

function cacheDir(): string {
  return process.env.ASLINT_CACHE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'aslint');
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(err)})`,
      file,
      undefined,
      undefined,
      'Check the path of the glossary or rule pack.',
    );
  }
}

/** The cache key of a set of content files: aslint's version and each file's path and bytes. */
export function contentKey(files: { glossary: readonly string[]; rules: readonly string[] }): string {
  const h = createHash('sha256').update(`${PACKAGE.version}\0${CACHE_FORMAT}`);
  for (const [kind, list] of [
    ['glossary', files.glossary],
    ['rules', files.rules],
  ] as const) {
    for (const f of list) h.update(`\0${kind}\0${f}\0`).update(readBytes(f));
  }
  return h.digest('hex');
}

/** The glossary and rule files under a config: bundled (unless the config or the command line turns them off), the config's, then the command line's. */
export function runContentFiles(config: ResolvedConfig, extra: ContentSources): { glossary: string[]; rules: string[] } {
  return contentFiles({
    defaults: extra.defaults !== false && config.defaults,
    glossary: [...config.glossary, ...(extra.glossary ?? [])],
    rules: [...config.rules, ...(extra.rules ?? [])],
  });
}

/** The validated content of the glossary and rule files: from the cache, or loaded and then cached. */
export async function loadContent(sources: ContentSources = {}): Promise<RuleSetContent> {
  const files = contentFiles(sources);
  const file = join(cacheDir(), `ruleset-${contentKey(files)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RuleSetContent;
  } catch {
    // not cached yet (or damaged): load and validate
  }
  const [{ loadGlossary }, { loadRulePacks }] = await Promise.all([import('../glossary/loader.js'), import('../packs/loader.js')]);
  const glossary = await loadGlossary(files.glossary);
  const rules = loadRulePacks(files.rules);
  const content: RuleSetContent = { glossary, rules, patterns: (await compileRuleSet(glossary, rules)).stored() };
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(content));
    renameSync(tmp, file);
  } catch {
    // a read-only install only loses the cache
  }
  return content;
}

/** Compiles the bundled glossary and rule packs (unless `defaults: false`) and the given files. */
export async function loadRuleSet(sources: ContentSources = {}): Promise<RuleSet> {
  const { glossary, rules, patterns } = await loadContent(sources);
  return compileRuleSet(glossary, rules, patterns);
}
