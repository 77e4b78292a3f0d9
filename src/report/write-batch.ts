// A streamed report goes out in large writes. The writers hand their text over in small pieces
// (a file's head, a finding, a score); written one by one, each was a system call: on 5,000 small
// files the json report spent 326 ms in `writeString` and 48 ms in `writeSync` for 22 MB of
// report (~40,000 writes). Held until 64 Ki code units (≥ 64 KiB of UTF-8) have gathered, the same
// report is ~350 writes. The batch is small and bounded, so the report still streams in flat memory.
// A part of a large file or of stdin is written when it is done, batch full or not: as a streaming
// filter (`aslint lint - --format jsonl`, the map step of docs/scale.md) a conversation's findings
// must come out before the next conversation comes in; a part of a large file is megabytes anyway.
import type { ReportWriter } from '../runner/result.js';
import type { Sink } from './sink.js';

/** UTF-16 code units gathered before a write (each is at least one byte of UTF-8). */
export const WRITE_BATCH = 1 << 16;

/**
 * The report writer `make` builds, its text written to `sink` in batches of at least WRITE_BATCH
 * code units, and at the end of each part of a large file (or of stdin); what is held goes out at
 * end(), and at abort() (a run that fails keeps what it wrote).
 */
export async function batched(sink: Sink, make: (sink: Sink) => Promise<ReportWriter>): Promise<ReportWriter> {
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
  // Bytes (a part a worker rendered: megabytes) go out as they are, after the text held.
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
