// What a command line says about a run, in the runner's terms: the config it chooses, the
// glossary and rule files it adds, and (for `aslint lint`) the whole RunOptions. Every command
// translates its options here, once, so that `lint`, `test`, `rules`, `handout` and `glossary`
// load the same configuration and the same content for the same flags.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigResolver, type ConfigOptions, type ResolvedConfig } from '../config/discovery.js';
import type { ContentSources } from '../core/package.js';
import { glossaryPaths } from '../glossary/files.js';
import type { Glossary } from '../glossary/model.js';
import { InputError } from '../core/types.js';
import type { SourceFormat } from '../sources/index.js';
import type { RunOptions } from './run.js';
import { runContentFiles } from './rulesets.js';

/** The config a command line chooses: -c FILE, --no-config (false), or the one found from the working folder. */
export interface ConfigChoice {
  config?: string | false;
}

/** The content a command line adds: --glossary, --rules and --no-defaults (false). */
export type ContentChoice = ContentSources;

export function configOptionsOf(choice: ConfigChoice): ConfigOptions {
  return { config: typeof choice.config === 'string' ? choice.config : undefined, useConfig: choice.config !== false };
}

/** The config of the working folder: what applies to stdin and to commands that lint no file. */
export function workingConfig(choice: ConfigChoice): ResolvedConfig {
  return new ConfigResolver(configOptionsOf(choice)).forFile('<stdin>');
}

/** The content of the working folder's config with the command line's added, as sources to load (bundled files already listed). */
export function workingContent(choice: ConfigChoice & ContentChoice): ContentSources {
  return { ...runContentFiles(workingConfig(choice), choice), defaults: false };
}

/** The glossary files of a command that uses only the glossary: the bundled and the config's, as `aslint lint` has them, then --glossary (files or folders). */
export function workingGlossaryFiles(choice: ConfigChoice & { glossary?: readonly string[]; defaults?: boolean }): string[] {
  return runContentFiles(workingConfig(choice), { defaults: choice.defaults, glossary: glossaryPaths(choice.glossary ?? []) }).glossary;
}

/** The glossary of such a command (see workingGlossaryFiles). */
export async function loadWorkingGlossary(choice: ConfigChoice & { glossary?: readonly string[]; defaults?: boolean }): Promise<Glossary> {
  const files = workingGlossaryFiles(choice);
  if (files.length === 0) throw new InputError('no glossary files', undefined, undefined, undefined, 'Pass --glossary <file>, or drop --no-defaults.');
  const { loadGlossary } = await import('../glossary/loader.js');
  return loadGlossary(files);
}

/** The cache file in a --cache-location folder (the default name, as ESLint does with its own). */
export const CACHE_FILE_NAME = '.aslintcache';

/** --cache-location names a file, or a folder (one that exists, or a path ending in a separator). */
export function cacheFileOf(location: string): string {
  const isFolder = /[\\/]$/.test(location) || statSync(location, { throwIfNoEntry: false })?.isDirectory() === true;
  return isFolder ? join(location, CACHE_FILE_NAME) : location;
}

/** --concurrency: a whole number of threads, or auto. */
export function parseConcurrency(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError(
      `--concurrency takes a whole number of threads or auto, not "${value}"`,
      undefined,
      undefined,
      undefined,
      'Use --concurrency auto (one thread per core) or a number such as 2.',
    );
  }
  return n;
}

/** `aslint lint`'s options, as commander parses them. */
export interface LintCliOptions extends ConfigChoice {
  outputFile?: string;
  glossary?: string[];
  rules?: string[];
  defaults: boolean;
  inputFormat?: SourceFormat;
  ignore: boolean;
  ignorePattern: string[];
  fix?: boolean;
  fixDryRun?: boolean;
  reportUnusedDisableDirectives?: boolean;
  cache?: boolean;
  cacheLocation: string;
  baseline?: string;
  writeBaseline?: string;
  dismissed?: string;
  concurrency?: string;
}

/** The run `aslint lint` makes of its options (callbacks, and what its report format needs, apart). */
export function toRunOptions(options: LintCliOptions): RunOptions {
  if (options.fix && options.fixDryRun)
    throw new InputError(
      '--fix and --fix-dry-run exclude each other',
      undefined,
      undefined,
      undefined,
      'Use --fix-dry-run to see the changes, --fix to make them.',
    );
  return {
    ...configOptionsOf(options),
    ignore: options.ignore,
    ignorePatterns: options.ignorePattern,
    glossary: options.glossary,
    rules: options.rules,
    format: options.inputFormat,
    defaults: options.defaults,
    fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : undefined,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    cacheFile: options.cache ? cacheFileOf(options.cacheLocation) : undefined,
    baseline: options.baseline,
    writeBaseline: options.writeBaseline,
    dismissed: options.dismissed,
    concurrency: parseConcurrency(options.concurrency),
  };
}
