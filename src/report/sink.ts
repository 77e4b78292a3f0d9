// Where a streamed report's text goes. Most of it is strings; a part of a large file that a worker
// rendered comes as UTF-8 bytes (report/render.ts), which a sink that can take bytes (a report
// file) writes as they are, and any other sink is given decoded.
export type Sink = ((text: string) => void) & {
  /** Writes UTF-8 bytes as they are, when the sink can. */
  bytes?: (bytes: Uint8Array) => void;
};

const decoder = new TextDecoder();

/** Hands UTF-8 bytes to a sink: as bytes when it takes them, else as text. */
export function sinkBytes(sink: Sink, bytes: Uint8Array): void {
  if (bytes.length === 0) return;
  if (sink.bytes) sink.bytes(bytes);
  else sink(decoder.decode(bytes));
}

/** Bytes of a rendered part (in chunks) to `add`, without the first item's ',' when `first` (one byte of UTF-8). */
export function addChunks(chunks: readonly Uint8Array[], first: boolean, add: (bytes: Uint8Array) => void): void {
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    add(first ? chunk.subarray(1) : chunk);
    first = false;
  }
}

/** The size of a chunk of Utf8Text. */
const CHUNK = 1 << 18;

/**
 * Text encoded to UTF-8 as it is added, into chunks of their own buffers: a worker's rendered
 * part goes to the runner's thread as these bytes, handed over without a copy (a transfer), and
 * written as they are. Sent as one string, the part was a rope of a few hundred thousand
 * concatenations that the worker flattened and copied and the runner encoded again when writing
 * (measured on a 24 MiB JSONL with 2 workers, --cpu-prof: ~0.8 s per worker in serializing, ~1 s
 * in the runner's thread in writeSync and decoding). In chunks, not one buffer grown by doubling:
 * its slack and copies took the peak RSS of a SARIF report with 2 workers past 300 MiB.
 */
export class Utf8Text {
  private chunks: Uint8Array[] = [];
  /** The chunk being filled (none before the first text, or after bytes()). */
  private buffer: Buffer | undefined;
  private length = 0;

  /** Adds text; returns the bytes it took. */
  add(text: string): number {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.buffer === undefined || this.length + text.length * 3 > this.buffer.length) {
      this.close();
      this.buffer = Buffer.allocUnsafe(Math.max(CHUNK, text.length * 3));
    }
    const n = this.buffer.write(text, this.length);
    this.length += n;
    return n;
  }

  private close(): void {
    if (this.length > 0) this.chunks.push(this.buffer!.subarray(0, this.length));
    this.buffer = undefined;
    this.length = 0;
  }

  /** The bytes added since the last call, in chunks whose buffers can be transferred (none is written again). */
  bytes(): Uint8Array[] {
    this.close();
    const chunks = this.chunks;
    this.chunks = [];
    return chunks;
  }
}
