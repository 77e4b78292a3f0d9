import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The installed package's root folder (where glossary/ and rules/ ship). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** aslint's own package.json. */
export const PACKAGE = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  homepage?: string;
};

/**
 * A link to a file of aslint (docs, schemas): in the repository named by package.json's
 * `homepage`, or, when it names none, the copy installed with the package.
 */
export function projectFileUrl(relativePath: string): string {
  if (PACKAGE.homepage) return `${PACKAGE.homepage.replace(/\/+$/, '')}/blob/main/${relativePath}`;
  const url = pathToFileURL(join(PACKAGE_ROOT, relativePath)).href;
  return relativePath.endsWith('/') && !url.endsWith('/') ? `${url}/` : url;
}

/** Where to read about aslint: the homepage, or the installed README. */
export const PROJECT_URL = PACKAGE.homepage ?? projectFileUrl('README.md');

function yamlFilesIn(folder: string): string[] {
  const dir = join(PACKAGE_ROOT, folder);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export const defaultGlossaryFiles = (): string[] => yamlFilesIn('glossary');
export const defaultRuleFiles = (): string[] => yamlFilesIn('rules');

export interface ContentSources {
  /** Load the bundled glossary and rule packs (default true). */
  defaults?: boolean;
  glossary?: readonly string[];
  rules?: readonly string[];
}

/** The glossary and rule files of a run: the bundled ones (unless turned off), then the given ones. */
export function contentFiles(sources: ContentSources): { glossary: string[]; rules: string[] } {
  const defaults = sources.defaults !== false;
  return {
    glossary: [...new Set([...(defaults ? defaultGlossaryFiles() : []), ...(sources.glossary ?? [])])],
    rules: [...new Set([...(defaults ? defaultRuleFiles() : []), ...(sources.rules ?? [])])],
  };
}
