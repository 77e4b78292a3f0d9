import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Spool } from '../../src/report/spool.js';

const folder = mkdtempSync(join(tmpdir(), 'aslint-spool-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const spools = () => readdirSync(folder).filter((n) => n.startsWith('aslint-report-')).length;

describe('a report spool', () => {
  it('gives back what was added, in order, in bounded writes, from memory', () => {
    const before = spools();
    const spool = new Spool(folder);
    // ~250 KB of UTF-8: under the memory limit, over 3 pieces of 64 KiB.
    const parts = Array.from({ length: 5000 }, (_, i) => `{"n": ${i}, "text": "七日无理由退货"},`);
    for (const p of parts) spool.add(p);
    expect(spool.spilled).toBe(false);
    expect(spools()).toBe(before);
    const writes: string[] = [];
    spool.drainTo((t) => writes.push(t));
    expect(writes.join('')).toBe(parts.join(''));
    expect(writes.length).toBeGreaterThan(3);
    expect(Math.max(...writes.map((w) => Buffer.byteLength(w)))).toBeLessThanOrEqual(1 << 16);
    expect(spool.empty).toBe(true);
  });

  it('goes to a temporary file past its memory limit, removed from the folder at once, and gives back the same text (characters across read boundaries whole)', () => {
    const before = spools();
    const spool = new Spool(folder);
    // 3-byte UTF-8 characters with an odd ASCII prefix, so reads of 64 KiB cut through characters.
    const part = 'x' + '售后服务'.repeat(50_000);
    for (let i = 0; i < 30; i++) spool.add(part);
    expect(spool.spilled).toBe(true);
    // A run killed now would leave nothing behind.
    expect(spools()).toBe(before);
    let text = '';
    let largest = 0;
    spool.drainTo((t) => ((text += t), (largest = Math.max(largest, t.length))));
    expect(text).toBe(part.repeat(30));
    expect(largest).toBeLessThanOrEqual(1 << 16);
    expect(spool.spilled).toBe(false);
    // Usable again after a drain.
    spool.add('again');
    const again: string[] = [];
    spool.drainTo((t) => again.push(t));
    expect(again).toEqual(['again']);
  });

  it('keeps text and bytes in the order added, from memory and from its file, to a sink that takes bytes or text', () => {
    for (const size of [100, 60_000]) {
      const before = spools();
      const spool = new Spool(folder);
      const added: string[] = [];
      for (let i = 0; i < size; i++) {
        const text = `,{"n": ${i}, "text": "售后${i}"}`;
        added.push(text);
        spool.add(i % 3 === 0 ? Buffer.from(text) : text);
      }
      expect(spool.spilled).toBe(size === 60_000);
      expect(spools()).toBe(before);
      const bytes: Buffer[] = [];
      const sink = Object.assign((t: string) => bytes.push(Buffer.from(`TEXT(${t})`)), { bytes: (b: Uint8Array) => void bytes.push(Buffer.from(b)) });
      spool.drainTo(sink);
      expect(Buffer.concat(bytes).toString()).toBe(added.join(''));
      spool.add('again');
      const texts: string[] = [];
      spool.drainTo((t) => texts.push(t));
      expect(texts).toEqual(['again']);
      spool.close();
    }
  });

  it('closes its file when the run fails before the report is written', () => {
    const before = spools();
    const spool = new Spool(folder);
    for (let i = 0; i < 30; i++) spool.add('y'.repeat(200_000));
    expect(spool.spilled).toBe(true);
    spool.close();
    expect(spool.spilled).toBe(false);
    expect(spools()).toBe(before);
  });
});
