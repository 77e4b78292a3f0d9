// Shared by the handout tests: the test glossary, and the system's headless Chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import type { Browser } from 'playwright-core';
import { defaultGlossaryFiles } from '../../../src/core/package.js';
import { loadGlossary } from '../../../src/glossary/loader.js';
import type { Glossary } from '../../../src/glossary/model.js';
import { CHROMIUM_ARGS, CHROMIUM_CANDIDATES } from '../../../src/glossary/handout/pdf.js';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..', '..');
export const DATA = join(HERE, 'data');
export const TEST_GLOSSARY_FILES = [join(DATA, 'content.yaml'), join(DATA, 'statutory.yaml')];
/** Screenshots and printed files, for a person to look at (gitignored). */
export const OUTPUT = join(ROOT, 'test-output', 'handout');

export function outputPath(name: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  return join(OUTPUT, name);
}

export const testGlossary = (): Promise<Glossary> => loadGlossary(TEST_GLOSSARY_FILES);

/** The bundled glossary, when there is one yet. */
/** The bundled glossary (it ships with the repository: missing files fail the test). */
export async function defaultGlossary(): Promise<Glossary> {
  const files = defaultGlossaryFiles();
  if (files.length === 0) throw new Error('the bundled glossary has no files');
  return loadGlossary(files);
}

export const CHROMIUM = process.env.ASLINT_CHROMIUM ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));

/** A describe for browser tests: on CI a missing Chromium is a failure (.ci/run installs it); elsewhere they skip, saying why. */
export function browserDescribe(name: string, tests: () => void): void {
  if (CHROMIUM || process.env.CI) describe(name, tests);
  else describe.skip(`${name} (skipped: no Chromium here; apt-get install chromium fonts-noto-cjk, or set ASLINT_CHROMIUM)`, tests);
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM!, headless: true, args: CHROMIUM_ARGS });
}
