// One lint run over files, as the CLI does it: each file gets the configuration found for it
// (severities, overrides, ignores), its inline disables, --fix, the cache and the baseline.
// Transcripts stream through the engine in flat memory; canned-reply libraries (small, and the
// only files that --fix or inline disables touch) are read whole.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { contentFiles, PACKAGE } from '../defaults.js';
import { ConfigResolver, formatFor, isIgnored, overridesFor, ruleSourcesKey, severityFor, type ConfigOptions, type ResolvedConfig } from '../config/discovery.js';
import type { FileResult, LintResult } from '../report/result.js';
import { resultOf } from './scores.js';
import { FIXABLE_FORMATS, openSource, openText, readTextFile } from '../sources/index.js';
import type { Finding, SourceFormat } from '../types.js';
import { lintWholeDocument } from '../engine/lint.js';
import { loadRuleSet, type RuleSet } from '../engine/ruleset.js';
import type { CompiledRule } from '../checks/kind.js';

export interface RunOptions extends ConfigOptions {
  /** Added to what the config loads (command-line --glossary / --rules). */
  glossary?: readonly string[];
  rules?: readonly string[];
  /** false: no bundled glossary and rule packs, whatever the config says (--no-defaults). */
  defaults?: boolean;
  /** Input format for every file (default: by name and content). */
  format?: SourceFormat;
  /** Make fixes: 'write' writes them, 'dry-run' only diffs them. */
  fix?: 'write' | 'dry-run';
  reportUnusedDisableDirectives?: boolean;
  /** A cache file: unchanged files under an unchanged configuration are not linted again. */
  cacheFile?: string;
  /** Report only findings not in this baseline file. */
  baseline?: string;
  /** Record the findings (before any --baseline filter) in this file. */
  writeBaseline?: string;
  /** Where report paths are relative to (default process.cwd()). */
  cwd?: string;
  /**
   * Whether result.rules must list the rules even when the cache answered for every file (and no
   * rule set was compiled): SARIF describes them; other formats do not need them. Default true.
   */
  describeRules?: boolean;
  /** Keep every conversation's turns in the result (the HTML report shows them). */
  transcripts?: boolean;
  /** A file of findings that reviewers dismissed in the HTML report: they are left out. */
  dismissed?: string;
  /** Called as each file is done (a progress bar). */
  onFile?: (file: FileResult) => void;
}

export interface FixedFile {
  path: string;
  /** Unified diff of the change. */
  diff: string;
  applied: number;
  written: boolean;
}

export interface UnfixedFinding {
  path: string;
  finding: Finding;
  /** Why --fix left it as it is. */
  reason: string;
}

export interface RunOutput {
  result: LintResult;
  fixed: FixedFile[];
  /** Fixable findings of reply libraries that --fix could not fix safely. */
  unfixed: UnfixedFinding[];
  /** Files skipped because a config ignores them. */
  ignored: string[];
}


/** Loads and compiles the rule set of each distinct set of glossary and rule files once. */
export class RuleSetPool {
  private readonly sets = new Map<string, Promise<{ ruleSet: RuleSet; files: string[] }>>();

  constructor(private readonly extra: { glossary?: readonly string[]; rules?: readonly string[]; defaults?: boolean } = {}) {}

  files(config: ResolvedConfig): { glossary: string[]; rules: string[] } {
    return contentFiles({
      defaults: this.extra.defaults !== false && config.defaults,
      glossary: [...config.glossary, ...(this.extra.glossary ?? [])],
      rules: [...config.rules, ...(this.extra.rules ?? [])],
    });
  }

  has(key: string): boolean {
    return this.sets.has(key);
  }

  get(config: ResolvedConfig): Promise<{ ruleSet: RuleSet; files: string[] }> {
    const key = ruleSourcesKey(config);
    let entry = this.sets.get(key);
    if (!entry) {
      const files = this.files(config);
      entry = (async () => ({ ruleSet: await loadRuleSet({ ...files, defaults: false }), files: [...files.glossary, ...files.rules] }))();
      this.sets.set(key, entry);
    }
    return entry;
  }
}

/** Applies configured severities: `off` drops a finding, others replace its severity. */
export function applySeverities(findings: readonly Finding[], config: ResolvedConfig, path: string): Finding[] {
  const overrides = overridesFor(config, path);
  const out: Finding[] = [];
  for (const f of findings) {
    const s = severityFor(config, f.ruleId, path, f.severity, overrides);
    if (s === 'off') continue;
    out.push(s === f.severity ? f : { ...f, severity: s });
  }
  return out;
}

/** Lints a reply library's text: findings after severities and inline disables. */
async function lintLibraryText(path: string, text: string, format: SourceFormat, ruleSet: RuleSet, config: ResolvedConfig, options: RunOptions) {
  const { findings, units } = await lintWholeDocument(openText(path, text, format), ruleSet, config.lint);
  const configured = applySeverities(findings, config, path);
  // Most files have no inline disable: they skip parsing for them.
  if (!text.includes('aslint-disable')) return { findings: configured, units };
  const { applyDirectives } = await import('../engine/suppress.js');
  const suppressed = applyDirectives(configured, text, format, { reportUnused: options.reportUnusedDisableDirectives });
  // Directive warnings may themselves be configured (`aslint/*: off`).
  return { findings: applySeverities(suppressed.findings, config, path), units };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const MAX_FIX_PASSES = 10;

/** Canned-reply libraries: read whole, with inline disables, and the only files --fix rewrites. */
const LIBRARY_FORMATS = FIXABLE_FORMATS;

/** Lints files as the CLI does. `stdin` is linted as a file named `path` (default `<stdin>` in the working folder). */
export async function runFiles(paths: readonly string[], options: RunOptions = {}, stdin?: { text: string; format: SourceFormat; path?: string }): Promise<RunOutput> {
  const configs = new ConfigResolver(options);
  // Read first: a broken file costs no run.
  const dismissals = options.dismissed ? (await import('../report/dismissed.js')).loadDismissals(options.dismissed) : undefined;
  const pool = new RuleSetPool(options);
  // What only some runs need is loaded only by them.
  const cache = options.cacheFile ? await (await import('./cache.js')).ResultCache.open(options.cacheFile, PACKAGE.version) : undefined;
  const fixer = options.fix ? await import('./fix.js') : undefined;
  const files: FileResult[] = [];
  const fixed: FixedFile[] = [];
  const unfixed: UnfixedFinding[] = [];
  const ignored: string[] = [];
  const used = new Map<string, ResolvedConfig>();

  for (const path of paths) {
    let cacheKey: string | undefined;
    const config = configs.forFile(path);
    if (isIgnored(config, path)) {
      ignored.push(path);
      continue;
    }
    used.set(ruleSourcesKey(config), config);
    const doc = await openSource(path, { format: options.format ?? formatFor(config, path), input: config.input });
    if (cache && !options.fix) {
      // A hit needs no rule set at all: the glossary is not even loaded.
      const { glossary, rules: packs } = pool.files(config);
      cacheKey = cache.key([JSON.stringify(config), JSON.stringify(options.reportUnusedDisableDirectives ?? false), doc.format], [...glossary, ...packs], await hashFile(path));
      const hit = cache.get(path, cacheKey);
      if (hit) {
        files.push({ ...hit, path });
        options.onFile?.(files[files.length - 1]!);
        continue;
      }
    }
    const { ruleSet } = await pool.get(config);

    let result: FileResult;
    if (LIBRARY_FORMATS.has(doc.format)) {
      const decoded = await readTextFile(path, doc.encoding);
      let text = decoded.text;
      let linted = await lintLibraryText(path, text, doc.format, ruleSet, config, options);
      let applied = 0;
      if (fixer) {
        for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
          const outcome = await fixer.applyFixes(path, text, doc.format, linted.findings);
          if (outcome.applied.length === 0) {
            unfixed.push(...outcome.skipped.map(({ finding, reason }) => ({ path, finding, reason })));
            break;
          }
          applied += outcome.applied.length;
          text = outcome.output;
          linted = await lintLibraryText(path, text, doc.format, ruleSet, config, options);
        }
        if (text !== decoded.text) {
          const diff = fixer.unifiedDiff(path, decoded.text, text);
          if (options.fix === 'write') await fixer.writeFixedFile(path, text, decoded.encoding, decoded.bom);
          fixed.push({ path, diff, applied, written: options.fix === 'write' });
        }
      }
      // As ESLint: with --fix or --fix-dry-run the report shows what remains after the fixes.
      result = { path, findings: linted.findings, units: linted.units };
    } else {
      const { findings, units, conversations, skipped } = await lintWholeDocument(doc, ruleSet, { ...config.lint, transcripts: options.transcripts });
      result = { path, findings: applySeverities(findings, config, path), units, conversations, skipped };
    }
    if (cache && cacheKey !== undefined) cache.set(path, cacheKey, result);
    files.push(result);
    options.onFile?.(result);
  }

  if (stdin) {
    const stdinPath = stdin.path ?? '<stdin>';
    const config = configs.forFile(stdinPath);
    used.set(ruleSourcesKey(config), config);
    const { ruleSet } = await pool.get(config);
    const linted = LIBRARY_FORMATS.has(stdin.format)
      ? await lintLibraryText(stdinPath, stdin.text, stdin.format, ruleSet, config, options)
      : await lintWholeDocument(openText(stdinPath, stdin.text, stdin.format, config.input), ruleSet, { ...config.lint, transcripts: options.transcripts }).then((r) => ({ ...r, findings: applySeverities(r.findings, config, stdinPath) }));
    files.push({ path: stdinPath, ...linted });
  }

  if (cache) await cache.save();
  let baseline: import('./baseline.js').Baseline | undefined;
  if (options.writeBaseline) {
    baseline = (await import('./baseline.js')).Baseline.fromFiles(files, options.writeBaseline);
    await baseline.save();
  }
  if (options.baseline) baseline = await (await import('./baseline.js')).Baseline.load(options.baseline);
  if (baseline) for (const f of files) f.findings = baseline.filter(f.path, f.findings);
  const dismissed = dismissals && (await import('../report/dismissed.js')).applyDismissals(files, dismissals);
  // The rules of the run, for formats that describe them (compiled now if the cache answered for every file).
  const rules = new Map<string, CompiledRule>();
  for (const [key, config] of used) {
    if (options.describeRules === false && !pool.has(key)) continue;
    for (const r of (await pool.get(config)).ruleSet.rules) if (!rules.has(r.id)) rules.set(r.id, r);
  }
  const run = {
    date: new Date().toISOString(),
    version: PACKAGE.version,
    inputs: [...paths, ...(stdin ? ['<stdin>'] : [])],
    config: [...new Set([...used.values()].flatMap((c) => c.sources))],
    content: [...new Set([...used.values()].flatMap((c) => Object.values(pool.files(c)).flat()))],
  };
  // Scores once, here, on the findings as linted (and reviewed): display filters (--quiet) come after.
  return { result: { ...resultOf(files, [...rules.values()]), run, ...(dismissed ? { dismissed } : {}) }, fixed, unfixed, ignored };
}
