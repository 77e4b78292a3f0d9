import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DATA } from '../helpers.js';

/** A fresh temporary folder with the given files (name → text or bytes). */
export function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aslint-hostile-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

/** A rule pack with one forbidden rule whose only pattern is `regex`. */
export function packWithRegex(regex: string): string {
  return `pack: evil\nrules:\n  - id: r\n    kind: forbidden\n    severity: error\n    regex: [${JSON.stringify(regex)}]\n`;
}

/** CLI options for the small test glossary and rule pack, no config file: quick to load. */
export const SMALL_CONTENT = ['--no-config', '--no-defaults', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml')];
