// The batched report writer (write-batch.ts): to a sink that takes bytes, the text is encoded
// into batches of WRITE_BATCH_BYTES, each whole UTF-8, in order; to a sink of text, strings of at
// least WRITE_BATCH units. What is held goes out at end() and abort().
import { describe, expect, it } from 'vitest';
import type { ReportWriter } from '../../src/runner/result.js';
import type { Sink } from '../../src/report/sink.js';
import { batched, WRITE_BATCH, WRITE_BATCH_BYTES } from '../../src/report/write-batch.js';

/** A writer that writes `pieces` at start() and 'END' at end(). */
const writerOf =
  (pieces: readonly string[]) =>
  async (sink: Sink): Promise<ReportWriter> => ({
    start: () => pieces.forEach((p) => sink(p)),
    part: () => {},
    file: () => {},
    scores: () => {},
    end: () => sink('END'),
    abort: () => {},
  });

/** Pieces of 2- and 3-byte UTF-8 characters, a few MiB in all. */
const pieces = Array.from({ length: 80_000 }, (_, i) => `{"n": ${i}, "text": "七日无理由退货 ¿ok?"},`);

describe('the batched report writer', () => {
  it('encodes the text into batches of bytes, each at most WRITE_BATCH_BYTES and nearly full, whole characters, in order', async () => {
    const batches: Buffer[] = [];
    const texts: string[] = [];
    const sink: Sink = (t) => texts.push(t);
    sink.bytes = (b) => batches.push(Buffer.from(b));
    const writer = await batched(sink, writerOf(pieces));
    writer.start();
    writer.end({} as never);
    expect(texts).toEqual([]);
    const all = pieces.join('') + 'END';
    expect(Buffer.byteLength(all)).toBeGreaterThan(3 * WRITE_BATCH_BYTES);
    expect(batches.map((b) => b.toString('utf8')).join('')).toBe(all);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(WRITE_BATCH_BYTES);
    for (const b of batches.slice(0, -1)) expect(b.length).toBeGreaterThan(WRITE_BATCH_BYTES - 200);
  });

  it('hands a piece too long for a batch to the sink as text, after what it held', async () => {
    const out: string[] = [];
    const sink: Sink = (t) => out.push(`text:${t.length}`);
    sink.bytes = (b) => out.push(`bytes:${b.length}`);
    const long = '退'.repeat(WRITE_BATCH_BYTES / 2);
    const writer = await batched(sink, writerOf(['ab', long, 'cd']));
    writer.start();
    expect(out).toEqual(['bytes:2', `text:${long.length}`]);
    writer.abort();
    expect(out).toEqual(['bytes:2', `text:${long.length}`, 'bytes:2']);
  });

  it('gives a sink of text strings of at least WRITE_BATCH units', async () => {
    const out: string[] = [];
    const writer = await batched((t) => out.push(t), writerOf(pieces));
    writer.start();
    writer.end({} as never);
    expect(out.join('')).toBe(pieces.join('') + 'END');
    for (const t of out.slice(0, -1)) expect(t.length).toBeGreaterThanOrEqual(WRITE_BATCH);
    expect(out.length).toBeGreaterThan(3);
  });
});
