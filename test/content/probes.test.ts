// Probes (test/content/probes/*.yaml): everyday variants of each family of wording, written by us.
// Every probe not marked `known-miss` must be recognised by its rule with the bundled content, every
// known miss must still be missed (so the mark stays honest), no near miss may be taken, and no
// probe may be written into the packs or the glossary (a probe copied into a pack proves nothing).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { loadProbes, runProbes } from '../../bench/probes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const families = loadProbes(join(import.meta.dirname, 'probes'));

/** Normalized (Simplified, half-width, lower case) text without spaces and punctuation. */
const bare = (text: string): string => lib.normalize(text).norm.replace(/[\s\p{P}\p{S}]/gu, '');

let results: Awaited<ReturnType<typeof runProbes>>;
beforeAll(async () => {
  results = await runProbes(lib, await lib.loadRuleSet(), families);
});

describe('probes', () => {
  it('every family has at least 10 probes and some near misses', () => {
    for (const f of families) {
      expect(f.probes.length, f.family).toBeGreaterThanOrEqual(10);
      expect(f.nearMisses.length, f.family).toBeGreaterThanOrEqual(5);
    }
  });

  for (const f of families) {
    it(`${f.family}: probes recognised, known misses missed, near misses left alone`, () => {
      const r = results.find((x: { family: string }) => x.family === f.family)!;
      expect(r.missed.filter((p: { knownMiss?: string }) => !p.knownMiss).map((p: { text: string }) => p.text)).toEqual([]);
      expect(r.caught.filter((p: { knownMiss?: string }) => p.knownMiss).map((p: { text: string }) => p.text)).toEqual([]);
      expect(r.wronglyTaken).toEqual([]);
    });
  }

  it('no probe or near miss is written in the packs or the glossary', () => {
    const content = ['rules', 'glossary']
      .flatMap((dir) => readdirSync(join(ROOT, dir)).map((f) => readFileSync(join(ROOT, dir, f), 'utf8')))
      .map(bare)
      .join('\n');
    const copied = families.flatMap((f) => [...f.probes.map((p) => p.text), ...f.nearMisses]).filter((t) => content.includes(bare(t)));
    expect(copied).toEqual([]);
  });
});
