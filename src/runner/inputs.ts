// Which files a lint run reads, as ESLint decides it: a file named on the command line is linted
// (unless a config ignores it, which is said); a file found by walking a folder or expanding a
// glob is linted only when it is a transcript or a reply library — named by a config's `files`
// patterns, or read as one — and never when it is a file of the project's tooling (aslint's own
// config, baseline and cache, package.json, lock files). So `aslint lint .` in an ordinary
// repository lints its chats and reply libraries and nothing else.
import { stat } from 'node:fs/promises';
import { basename, normalize, resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { CONFIG_FILE_NAMES } from '../config/config-schema.js';
import { ConfigResolver, isIgnored, isNamedByFiles, type ConfigOptions } from '../config/discovery.js';
import { expandPaths } from '../index.js';
import { openSource, readTextFile, type SourceEncoding } from '../sources/index.js';
import { InputError } from '../types.js';

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
  /** Files named on the command line that a config ignores (each deserves a warning). */
  ignored: string[];
}

/** Whether a file found in a folder reads as a transcript or a reply library. */
export async function isLintable(path: string): Promise<boolean> {
  let doc;
  try {
    doc = await openSource(path);
  } catch {
    return false; // undecodable, or a name and content of no known format
  }
  switch (doc.format) {
    case 'jsonl': // by its extension, or its first line holds turns or messages
    case 'text': // its lines carry role prefixes
      return true;
    case 'replies-text':
      return await looksLikeReplyText(path, doc.encoding);
    default: {
      // A YAML or JSON file is a library when every entry reads as a reply, and it has at least one
      // (the readers check the shape; a workflow, a tsconfig or a locale map does not pass).
      let units = 0;
      try {
        for await (const c of doc.conversations) units += c.units.length;
      } catch {
        return false;
      }
      return units > 0;
    }
  }
}

/**
 * Any text is a valid one-reply-per-line library, so a walk asks for more: most lines hold Chinese
 * (a requirements.txt, a LICENSE.txt or a robots.txt do not). An English library in a .txt file
 * is named with the config's `files`.
 */
async function looksLikeReplyText(path: string, encoding: SourceEncoding): Promise<boolean> {
  const { text } = await readTextFile(path, encoding);
  const lines = text.split('\n', 200).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const han = lines.filter((l) => /\p{Script=Han}/u.test(l)).length;
  return lines.length > 0 && han * 2 > lines.length;
}

/** The files of a run: named files as they are, walked and globbed files when they are inputs. */
export async function selectInputs(patterns: readonly string[], options: InputOptions = {}): Promise<Inputs> {
  const configs = new ConfigResolver(options);
  const own = new Set((options.ownFiles ?? []).map((f) => resolve(f)));
  const files: string[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  for (const pattern of patterns) {
    const info = isDynamicPattern(pattern) ? undefined : await stat(pattern).catch(() => undefined);
    if (info?.isFile()) {
      if (isIgnored(configs.forFile(pattern), pattern)) ignored.push(pattern);
      else add(pattern);
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
      if (own.has(resolve(f)) || TOOLING_FILES.has(basename(f))) continue;
      const config = configs.forFile(f);
      if (isIgnored(config, f)) continue;
      // `lint .` reports replies/a.yaml, not ./replies/a.yaml.
      if (isNamedByFiles(config, f) || (await isLintable(f))) add(normalize(f));
    }
  }
  return { files, ignored };
}
