// Where a streamed report's text goes. Most of it is strings; a part of a large file that a worker
// rendered comes as UTF-8 bytes (report/render.ts), which a sink that can take bytes (a report
// file) writes as they are, and any other sink is given decoded.
export type Sink = ((text: string) => void) & {
  /** Writes UTF-8 bytes as they are, when the sink can. */
  bytes?: (bytes: Uint8Array) => void;
};

const decoder = new TextDecoder();

/** Bytes without their first item's ',' (one byte of UTF-8). */
export const withoutComma = (bytes: Uint8Array): Uint8Array => bytes.subarray(1);

/** Hands text or UTF-8 bytes to a sink. */
export function write(sink: Sink, text: string | Uint8Array): void {
  if (typeof text === 'string') sink(text);
  else sinkBytes(sink, text);
}

/** Hands UTF-8 bytes to a sink: as bytes when it takes them, else as text. */
export function sinkBytes(sink: Sink, bytes: Uint8Array): void {
  if (bytes.length === 0) return;
  if (sink.bytes) sink.bytes(bytes);
  else sink(decoder.decode(bytes));
}

/**
 * Text encoded to UTF-8 as it is added, into one growing buffer: a worker's rendered part goes
 * to the runner's thread as these bytes, handed over without a copy (a transfer), and written as
 * they are. Sent as one string, the part was a rope of a few hundred thousand concatenations that
 * the worker flattened and copied and the runner encoded again when writing (measured on a 24 MiB
 * JSONL with 2 workers, --cpu-prof: ~0.8 s per worker in serializing, ~1 s in the runner's thread
 * in writeSync and decoding).
 */
export class Utf8Text {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  add(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const need = this.length + text.length * 3;
    if (need > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length);
  }

  /** The bytes added, in a buffer of their own (so that it can be transferred whole). */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    out.set(this.buffer.subarray(0, this.length));
    return out;
  }
}
