// The per-code-point folding table behind normalize(): full-width → half-width, Latin lower
// case, Traditional → Simplified. Built once from opencc-js's own character dictionaries, which
// map one character to one character, so offsets can be mapped back exactly.
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function parseCharDict(dict: string, into: Map<number, number>): void {
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to) continue;
    const fromCps = [...from];
    const toCps = [...to];
    if (fromCps.length !== 1 || toCps.length !== 1) continue;
    const f = from.codePointAt(0)!;
    if (!into.has(f)) into.set(f, to.codePointAt(0)!);
  }
}

function foldOnce(cp: number, variants: Map<number, number>, t2s: Map<number, number>, standard: Set<number>): number {
  if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
  else if (cp === 0x3000) cp = 0x20;
  // Phones type ’ for the apostrophe: can’t must match can't.
  else if (cp === 0x2019) cp = 0x27;
  // The regional variant tables also map some standard Simplified characters to old forms
  // (么 → 幺, 台 → 臺): a character that is already Simplified keeps its form.
  const variant = standard.has(cp) ? undefined : variants.get(cp);
  if (variant !== undefined) cp = variant;
  const simplified = t2s.get(cp);
  if (simplified !== undefined) cp = simplified;
  if (cp < 0x3000) {
    const lower = String.fromCodePoint(cp).toLowerCase();
    const lowerCp = lower.codePointAt(0)!;
    if (lower.length === String.fromCodePoint(lowerCp).length) cp = lowerCp;
  }
  return cp;
}

export interface FoldTable {
  /** For each BMP code unit: the folded code point, or 0 when it stays as it is. */
  bmp: Uint32Array;
  /** Folded astral characters (rare: a few CJK extension characters). */
  astral: Map<number, number>;
  /** 1 for BMP characters that are written only in Simplified (the targets of the folding). */
  simplifiedOnly: Uint8Array;
}

let table: FoldTable | undefined;

// Building the table takes ~150 ms (measured on the bundled content); it depends only on
// opencc-js's dictionaries, so it is kept in a binary cache file next to the rule-set cache,
// named by opencc-js's version, and read back in about a millisecond.
function cacheFile(): string {
  // opencc-js exports no package.json: read it beside its core module (dist/esm-lib/core.js).
  const core = createRequire(import.meta.url).resolve('opencc-js/core');
  const { version } = JSON.parse(readFileSync(join(dirname(core), '..', '..', 'package.json'), 'utf8')) as { version: string };
  const dir = process.env.ASLINT_CACHE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'aslint');
  return join(dir, `fold-table-opencc-${version}-v1.bin`);
}

/** Layout: bmp (0x10000 × u32), simplifiedOnly (0x10000 × u8), then astral pairs (u32, u32). */
function readCachedTable(file: string): FoldTable | undefined {
  try {
    const buf = readFileSync(file);
    const fixed = 0x10000 * 5;
    if (buf.length < fixed || (buf.length - fixed) % 8 !== 0) return undefined;
    const copy = new Uint8Array(buf.length);
    copy.set(buf);
    const bmp = new Uint32Array(copy.buffer, 0, 0x10000);
    const simplifiedOnly = new Uint8Array(copy.buffer, 0x10000 * 4, 0x10000);
    const pairs = new Uint32Array(copy.buffer, fixed, (buf.length - fixed) / 4);
    const astral = new Map<number, number>();
    for (let i = 0; i < pairs.length; i += 2) astral.set(pairs[i]!, pairs[i + 1]!);
    return { bmp, astral, simplifiedOnly };
  } catch {
    return undefined;
  }
}

function writeCachedTable(file: string, t: FoldTable): void {
  try {
    const pairs = new Uint32Array([...t.astral].flat());
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(
      tmp,
      Buffer.concat([Buffer.from(t.bmp.buffer, t.bmp.byteOffset, t.bmp.byteLength), Buffer.from(t.simplifiedOnly), Buffer.from(pairs.buffer)]),
    );
    renameSync(tmp, file);
  } catch {
    // a read-only install only loses the cache
  }
}

export function foldTable(): FoldTable {
  if (table) return table;
  const file = cacheFile();
  table = readCachedTable(file);
  if (table) return table;
  table = buildFoldTable();
  writeCachedTable(file, table);
  return table;
}

function buildFoldTable(): FoldTable {
  const variants = new Map<number, number>();
  parseCharDict(TWVariantsRev, variants);
  parseCharDict(HKVariantsRev, variants);
  const t2s = new Map<number, number>();
  parseCharDict(TSCharacters, t2s);

  // Fold to a fixed point so that normalize(normalize(x)) === normalize(x).
  const simplified = new Set(t2s.values());
  const fold = (cp: number): number => {
    for (let i = 0; i < 4; i++) {
      const next = foldOnce(cp, variants, t2s, simplified);
      if (next === cp) return cp;
      cp = next;
    }
    return cp;
  };
  const bmp = new Uint32Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const folded = fold(cp);
    if (folded !== cp) bmp[cp] = folded;
  }
  const astral = new Map<number, number>();
  for (const cp of [...variants.keys(), ...t2s.keys()]) {
    if (cp < 0x10000) continue;
    const folded = fold(cp);
    if (folded !== cp) astral.set(cp, folded);
  }
  const simplifiedOnly = new Uint8Array(0x10000);
  for (const target of t2s.values()) {
    if (target < 0x10000 && bmp[target] === 0 && !t2s.has(target)) simplifiedOnly[target] = 1;
  }
  return { bmp, astral, simplifiedOnly };
}
