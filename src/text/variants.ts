// Regional vocabulary differs by phrase, not by character (软件 / 軟體, 联系 / 聯絡), so every
// phrase of the glossary and the rule packs is expanded at load time into its mainland, Taiwan
// and Hong Kong forms with OpenCC's phrase converters; the text itself is never rewritten.
// Building the converters costs about 0.3 s, so the forms are kept in a cache file and a run
// whose phrases are all cached never loads OpenCC's phrase tables.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText } from './normalize.js';
import { openccConverters, type Convert } from './opencc.js';

/** A phrase as written on the mainland, in Taiwan and in Hong Kong. */
export interface RegionalForms {
  cn: string;
  tw: string;
  hk: string;
}

interface Converters {
  toTaiwan: Convert;
  toHongKong: Convert;
  toMainland: Convert;
}

const CACHE_VERSION = 'opencc-js-1.4:v1';
let converters: Converters | undefined;

async function loadConverters(): Promise<Converters> {
  if (converters) return converters;
  const convert = await openccConverters();
  const twToCn = convert('twp', 'cn');
  const hkToCn = convert('hk', 'cn');
  converters = { toTaiwan: convert('cn', 'twp'), toHongKong: convert('cn', 'hk'), toMainland: (text) => hkToCn(twToCn(text)) };
  return converters;
}

function cacheFile(): string {
  const dir = process.env.ASLINT_CACHE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'aslint');
  return join(dir, 'regional-forms.json');
}

function readCache(file: string): Record<string, [string, string, string]> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; forms?: Record<string, [string, string, string]> };
    return data.version === CACHE_VERSION && data.forms ? data.forms : {};
  } catch {
    return {};
  }
}

function writeCache(file: string, forms: Record<string, [string, string, string]>): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: CACHE_VERSION, forms }));
    renameSync(tmp, file);
  } catch {
    // A read-only install only loses the cache, never the result.
  }
}

/** The regional forms of every phrase, from the cache or from OpenCC. */
export async function regionalForms(phrases: Iterable<string>): Promise<Map<string, RegionalForms>> {
  const file = cacheFile();
  const cached = readCache(file);
  const result = new Map<string, RegionalForms>();
  let added = false;
  for (const phrase of phrases) {
    if (result.has(phrase)) continue;
    let entry = cached[phrase];
    if (!entry) {
      const c = await loadConverters();
      const cn = c.toMainland(phrase);
      entry = [cn, c.toTaiwan(cn), c.toHongKong(cn)];
      cached[phrase] = entry;
      added = true;
    }
    result.set(phrase, { cn: entry[0], tw: entry[1], hk: entry[2] });
  }
  if (added) writeCache(file, cached);
  return result;
}

/** The distinct normalized strings a phrase can appear as in text of any region. */
export function matchForms(phrase: string, forms: RegionalForms): string[] {
  return [...new Set([phrase, forms.cn, forms.tw, forms.hk].map(normalizeText))].filter((s) => s.length > 0);
}
