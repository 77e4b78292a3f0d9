// Which files a lint run reads, as ESLint decides it: a file named on the command line is linted
// (unless a config ignores it, which is said); a file found by walking a folder or expanding a
// glob is linted only when it is a transcript or a reply library — named by a config's `files`
// patterns, or read as one — and never when it is a file of the project's tooling (aslint's own
// config, baseline and cache, package.json, lock files). So `aslint lint .` in an ordinary
// repository lints its chats and reply libraries and nothing else.
import { stat } from 'node:fs/promises';
import { basename, dirname, normalize, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { CONFIG_FILE_NAMES } from '../config/config-schema.js';
import { ConfigResolver, isIgnored, isNamedByFiles, type ConfigOptions } from '../config/discovery.js';
import { expandPaths } from './expand-paths.js';
import { detectFormat, inputFormat, openSource, openText, readTextFile, type SourceFormat } from '../sources/index.js';
import { InputError, type Conversation } from '../core/types.js';
import { hasHan } from '../text/script.js';
import type { ReadSource } from './read.js';

/** Files of a project's tooling that a folder walk never takes for inputs. */
const TOOLING_FILES: ReadonlySet<string> = new Set([
  ...CONFIG_FILE_NAMES,
  '.aslintcache',
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'yarn.lock',
  'bun.lock',
  'deno.json',
  'deno.lock',
  'composer.json',
  'composer.lock',
]);

/** TypeScript's and JavaScript's project files: JSON with comments, never a library. */
const PROJECT_CONFIG = /^[jt]sconfig(\..+)?\.json$/;

/** The message ESLint gives for a named file that an ignore pattern matches. */
export const IGNORED_FILE_WARNING = 'File ignored because of a matching ignore pattern. Use --no-ignore to override.';

export interface InputOptions extends ConfigOptions {
  /** Files aslint itself reads or writes in this run (baseline, cache, report): never inputs. */
  ownFiles?: readonly string[];
  /** false: a pattern that matches no file is not an error (--no-error-on-unmatched-pattern). */
  errorOnUnmatchedPattern?: boolean;
}

export interface Inputs {
  /** The files to lint, each once, in command-line order. */
  files: string[];
  /**
   * Those of `files` found by walking a folder or expanding a glob, not named by a config's
   * `files`: they are linted only when they read as a transcript or a reply library. The runner
   * judges them on the text it reads to lint them (isLintableSource), so each is opened once.
   */
  candidates: Set<string>;
  /** Files named on the command line that a config ignores (each deserves a warning). */
  ignored: string[];
}

/**
 * Whether a file found in a folder is a transcript or a reply library. A file that cannot be read
 * or parsed is taken, so that the run reports what is wrong with it (a broken library must not pass
 * CI by being skipped); a file that parses into something else (a workflow, a tsconfig, a manifest)
 * is not.
 */
export async function isLintable(path: string): Promise<boolean> {
  let doc;
  try {
    doc = await openSource(path);
  } catch {
    return true; // undecodable: the run says why
  }
  return lintableAs(
    doc.format,
    () => doc.conversations,
    async () => (await readTextFile(path, doc.encoding).catch(() => ({ text: undefined }))).text,
  );
}

/**
 * isLintable for a walked file the runner has already read whole (runner/read.ts): judged on that
 * text and the format told from it, so the file is opened and its format told once. Large and
 * binary files are judged by isLintable.
 */
export async function isLintableSource(source: ReadSource): Promise<boolean> {
  if (source.kind !== 'whole') return isLintable(source.path);
  const { path } = source;
  const { text } = source.decoded;
  let format: SourceFormat;
  try {
    format = source.detected ? source.format : detectFormat(path, text);
  } catch {
    return true; // the run says why
  }
  // A binary format cannot be read from text (an .xlsx named otherwise): the run says why.
  if (inputFormat(format).binary) return true;
  return lintableAs(
    format,
    () => openText(path, text, format).conversations,
    async () => text,
  );
}

/** Judged by the format: a table by its first conversation (opened only then), a library by its text. */
async function lintableAs(
  format: SourceFormat,
  conversations: () => AsyncIterable<Conversation>,
  readText: () => Promise<string | undefined>,
): Promise<boolean> {
  switch (format) {
    case 'jsonl': // by its extension, or its first line holds turns or messages
    case 'json': // a chat export, told from a library by its content
    case 'text': // its lines carry role prefixes
      return true;
    case 'csv':
    case 'tsv':
    case 'xlsx': {
      // A table is a chat export when its first conversation reads (its columns name the text and
      // the role, in a way the reader knows); a term base or a price list does not.
      try {
        for await (const c of conversations()) return c.units.length > 0;
        return false;
      } catch {
        return false;
      }
    }
    case 'replies-text': {
      const text = await readText();
      return text === undefined || looksLikeReplyText(text);
    }
    default: {
      const text = await readText();
      if (text === undefined) return true;
      let data: unknown;
      try {
        // Aliases bounded: a bomb is the reader's to report, not this peek's to expand.
        data = format === 'replies-json' ? JSON.parse(text) : (await import('yaml')).parse(text, { maxAliasCount: 100 });
      } catch {
        return true; // a syntax error: the run reports it with its position
      }
      return looksLikeLibrary(data);
    }
  }
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isReply = (v: unknown) => typeof v === 'string' || (isMap(v) && 'text' in v);

/**
 * The shapes the reply readers take (sources/replies.ts): a `replies:` key; a list with replies in
 * it (strings or maps with `text`); a map of id → reply, either all replies (`id: text`) or with
 * `{text: …}` entries for most. Loose where the shape is plain, so that a library with one broken
 * reply is still a library and the run reports the broken reply; a map of strings with anything
 * else in it (a locale file, a manifest) is not one.
 */
export function looksLikeLibrary(data: unknown): boolean {
  if (isMap(data) && 'replies' in data) return true;
  if (Array.isArray(data)) return data.some(isReply);
  if (!isMap(data)) return false;
  const entries = Object.values(data);
  const replies = entries.filter(isReply).length;
  const withText = entries.filter((e) => isMap(e) && 'text' in e).length;
  return entries.length > 0 && (replies === entries.length || (withText > 0 && replies * 2 > entries.length));
}

/**
 * Any text is a valid one-reply-per-line library, so a walk asks for more: most lines hold Chinese
 * (a requirements.txt, a LICENSE.txt or a robots.txt do not). An English library in a .txt file
 * is named with the config's `files`.
 */
function looksLikeReplyText(text: string): boolean {
  const lines = text
    .split('\n', 200)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const han = lines.filter(hasHan).length;
  return lines.length > 0 && han * 2 > lines.length;
}

/** The files of a run: named files as they are, walked and globbed files when they are inputs. */
export async function selectInputs(patterns: readonly string[], options: InputOptions = {}): Promise<Inputs> {
  const configs = new ConfigResolver(options);
  const own = new Set((options.ownFiles ?? []).map((f) => resolve(f)));
  const files: string[] = [];
  const candidates = new Set<string>();
  const ignored: string[] = [];
  const seen = new Set<string>();
  /**
   * resolve(f) for a file path whose last part is the file's name, its folder resolved once for
   * all its files (resolve() per file measured ~100 ms on a walk of 5,000 files, busy machine).
   */
  const folders = new Map<string, string>();
  const absolute = (f: string, name: string): string => {
    if (name === '' || name === '.' || name === '..' || /[\\/]$/.test(f)) return resolve(f);
    const folder = dirname(f);
    let resolved = folders.get(folder);
    if (resolved === undefined) folders.set(folder, (resolved = resolve(folder)));
    return resolved.endsWith(sep) ? resolved + name : resolved + sep + name;
  };
  /**
   * Adds a file once. `key`: its absolute path, which tells the same file named by two patterns;
   * undefined when no other pattern can name it (the walk's files are each one real file already).
   */
  const add = (f: string, candidate: boolean, key: string | undefined) => {
    if (key === undefined || !seen.has(key)) {
      if (key !== undefined) seen.add(key);
      files.push(f);
      if (candidate) candidates.add(f);
    }
  };
  // One pattern and no files of aslint's own: no file's absolute path is needed (making and
  // hashing 5,000 of them cost ~8 ms, measured).
  const keyed = patterns.length > 1 || own.size > 0;
  for (const pattern of patterns) {
    const info = isDynamicPattern(pattern) ? undefined : await stat(pattern).catch(() => undefined);
    if (info?.isFile()) {
      if (isIgnored(configs.forFile(pattern), pattern)) ignored.push(pattern);
      else add(pattern, false, resolve(pattern));
      continue;
    }
    let found: string[];
    try {
      found = await expandPaths([pattern]);
    } catch (e) {
      if (options.errorOnUnmatchedPattern === false && e instanceof InputError) continue;
      throw e;
    }
    for (const f of found) {
      const name = basename(f);
      const key = keyed ? absolute(f, name) : undefined;
      if ((key !== undefined && own.has(key)) || TOOLING_FILES.has(name) || PROJECT_CONFIG.test(name)) continue;
      const config = configs.forFile(f);
      if (isIgnored(config, f)) continue;
      // `lint .` reports replies/a.yaml, not ./replies/a.yaml. A path with no segment that is
      // empty or starts with a dot is normal already (normalize() on 5,000 walked files cost
      // ~12 ms in a fresh process, measured).
      add(f.charCodeAt(0) === 0x2e || f.includes('/.') || f.includes('//') ? normalize(f) : f, !isNamedByFiles(config, f), key);
    }
  }
  return { files, candidates, ignored };
}
