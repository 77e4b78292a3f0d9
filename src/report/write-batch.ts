// A streamed report goes out in large writes. The writers hand their text over in small pieces
// (a file's head, a finding, a score); written one by one, each was a system call: on 5,000 small
// files the json report spent 326 ms in `writeString` and 48 ms in `writeSync` for 22 MB of
// report (~40,000 writes). Gathered into 1 MiB of UTF-8 (64 Ki code units of text for stdout), the same
// report is 22 writes (~350). The batch is small and bounded, so the report still streams in flat memory.
// A part of a large file or of stdin is written when it is done, batch full or not: as a streaming
// filter (`aslint lint - --format jsonl`, the map step of docs/scale.md) a conversation's findings
// must come out before the next conversation comes in; a part of a large file is megabytes anyway.
import type { ReportWriter } from '../runner/result.js';
import type { Sink } from './sink.js';

/** UTF-16 code units gathered before a write of text (each is at least one byte of UTF-8). */
export const WRITE_BATCH = 1 << 16;

/**
 * Bytes gathered before a write to a sink that takes bytes (a report file). Each piece is encoded
 * into the batch's buffer as it comes, so no rope of thousands of pieces is flattened and encoded
 * at the write. Measured on 5,000 small files, --format json -o FILE (26,461 findings, 22.8 MB),
 * against 64 Ki-unit strings: ~30-40 ms less CPU (writeSync and writeString), 22 writes, not ~300.
 */
export const WRITE_BATCH_BYTES = 1 << 20;

/** A sink that gathers what it is given, and its flush() that hands what it holds on. */
type Gathering = { inner: Sink; flush: () => void };

/** Text gathered into strings of WRITE_BATCH units (stdout, which is given text). */
function gatherText(sink: Sink): Gathering {
  let held = '';
  const flush = () => {
    if (held === '') return;
    const text = held;
    held = '';
    sink(text);
  };
  const inner: Sink = (text) => {
    held += text;
    if (held.length >= WRITE_BATCH) flush();
  };
  return { inner, flush };
}

/** Text encoded into buffers of WRITE_BATCH_BYTES, a new one each write (a sink may keep the bytes it is given). */
function gatherBytes(sink: Sink, bytes: (bytes: Uint8Array) => void): Gathering {
  let buffer = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    const full = buffer.subarray(0, used);
    buffer = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
    used = 0;
    bytes(full);
  };
  const inner: Sink = (text) => {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (used + text.length * 3 > buffer.length) {
      flush();
      if (text.length * 3 > buffer.length) return sink(text);
    }
    used += buffer.write(text, used);
  };
  return { inner, flush };
}

/**
 * The report writer `make` builds, its text written to `sink` in batches (of WRITE_BATCH_BYTES
 * when the sink takes bytes, else of at least WRITE_BATCH code units), and at the end of each
 * part of a large file (or of stdin); what is held goes out at end(), and at abort() (a run that
 * fails keeps what it wrote).
 */
export async function batched(sink: Sink, make: (sink: Sink) => Promise<ReportWriter>): Promise<ReportWriter> {
  const { inner, flush } = sink.bytes ? gatherBytes(sink, sink.bytes) : gatherText(sink);
  // Bytes (a part a worker rendered: megabytes) go out as they are, after what is held.
  if (sink.bytes)
    inner.bytes = (bytes) => {
      flush();
      sink.bytes!(bytes);
    };
  const writer = await make(inner);
  return {
    start: () => writer.start(),
    ...(writer.rules ? { rules: (rules) => writer.rules!(rules) } : {}),
    part: (path, findings, conversations) => {
      writer.part(path, findings, conversations);
      flush();
    },
    file: (result, parts) => {
      writer.file(result, parts);
      if (parts) flush();
    },
    scores: (scores) => writer.scores(scores),
    ...(writer.renderSpec ? { renderSpec: () => writer.renderSpec!() } : {}),
    ...(writer.rendered
      ? {
          rendered: (batch) => {
            writer.rendered!(batch);
            flush();
          },
        }
      : {}),
    end: (result) => {
      writer.end(result);
      flush();
    },
    abort: () => {
      try {
        flush();
      } catch {
        // The run failed already (abort follows a failure, or a complete end): its error is the one to report.
      } finally {
        writer.abort();
      }
    },
  };
}
