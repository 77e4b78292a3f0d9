import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's root folder (where glossary/ and rules/ ship). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function yamlFilesIn(folder: string): string[] {
  const dir = join(PACKAGE_ROOT, folder);
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export const defaultGlossaryFiles = (): string[] => yamlFilesIn('glossary');
export const defaultRuleFiles = (): string[] => yamlFilesIn('rules');
