// The files a command line names: files as they are, folders walked, globs expanded.
import { readdir, realpathSync, type Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../core/types.js';
import { SOURCE_EXTENSIONS } from '../sources/index.js';

const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];

/** Files named on the command line: files as they are, folders walked, globs expanded. */
export async function expandPaths(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const found = await glob(pattern, { ignore: IGNORED_DIRS, onlyFiles: true });
      if (found.length === 0)
        throw new InputError(`no files match "${pattern}"`, undefined, undefined, undefined, 'Check the pattern, or quote it so the shell does not expand it.');
      files.push(...found.sort());
      continue;
    }
    const info = await stat(pattern).catch(() => undefined);
    if (!info) throw new InputError(`no such file or folder: ${pattern}`, undefined, undefined, undefined, 'Check the path.');
    if (info.isDirectory()) {
      const exts = SOURCE_EXTENSIONS.map((e) => e.replace(/^\./, '')).join(',');
      // The walker skips folders it cannot read without a word: note them, and fail on them.
      const unreadable: { path: string; code: string }[] = [];
      const readdirNoting = ((path: string, options: unknown, callback: (err: NodeJS.ErrnoException | null, entries: Dirent[]) => void) =>
        readdir(path, options as { withFileTypes: true }, (err, entries) => {
          if (err && err.code !== 'ENOENT' && err.code !== 'ENOTDIR') unreadable.push({ path, code: err.code ?? err.message });
          callback(err, entries);
        })) as unknown as typeof readdir;
      const found = await glob(`**/*.{${exts}}`, { cwd: pattern, ignore: IGNORED_DIRS, onlyFiles: true, fs: { readdir: readdirNoting } });
      const first = unreadable[0];
      if (first) {
        throw new InputError(
          `cannot read the folder (${first.code})${unreadable.length > 1 ? `, nor ${unreadable.length - 1} other folder${unreadable.length > 2 ? 's' : ''} in it` : ''}`,
          first.path.replace(/\/+$/, ''),
          undefined,
          undefined,
          'Give aslint read permission on it, or leave it out (an `ignores` entry in aslint.config.yaml).',
        );
      }
      files.push(...found.sort().map((f) => `${pattern.replace(/\/+$/, '')}/${f}`));
    } else files.push(pattern);
  }
  return uniqueFiles(files);
}

/**
 * Each real file once, under the first name it was found by: a symbolic link loop (a link to its
 * own folder) otherwise lints one file under many names.
 */
async function uniqueFiles(files: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  // One realpath(3) call a file, synchronously: awaiting one thread-pool round trip per file
  // cost more than the calls on folders of thousands of small files.
  const realpathOf = (f: string): string => {
    try {
      return realpathSync.native(f);
    } catch {
      return f;
    }
  };
  for (const f of files) {
    const real = realpathOf(f);
    if (seen.has(real)) continue;
    seen.add(real);
    out.push(f);
  }
  return out;
}
