// Glossary files named on a command line: each path a YAML file, or a folder of them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/types.js';

/** The glossary files of these paths: a file as it is, a folder's .yaml/.yml files in name order. */
export function glossaryPaths(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new InputError('cannot read glossary: no such file or folder', p, undefined, undefined, 'Check the --glossary path.');
    }
    if (!isDir) return [p];
    return readdirSync(p)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(p, f));
  });
}
