import type { Reporter, ReportWriter } from '../runner/result.js';
import { batched } from './write-batch.js';
import type { Sink } from './sink.js';

/** An output format: its reporter, imported only when used, and what the run must keep for it. */
export interface OutputFormat {
  reporter: () => Promise<Reporter>;
  /** It describes the run's rules (their docs, help texts): the run keeps every rule, not only those that found something. */
  describesRules?: boolean;
  /** It shows whole conversations: the run keeps their turns. */
  transcripts?: boolean;
  /** It is read by people: a --fix-dry-run diff goes to stdout with it (a machine-readable report keeps stdout to itself). */
  forPeople?: boolean;
  /** It can be written as the results arrive (the same bytes as its reporter), in flat memory but for html's capped detail. */
  writer?: (sink: Sink, cwd: string) => Promise<ReportWriter>;
}

/** Output formats by name. */
export const FORMATS: Record<string, OutputFormat> = {
  stylish: { reporter: async () => (await import('./stylish.js')).stylish, forPeople: true },
  json: {
    reporter: async () => (await import('./json.js')).json,
    writer: async (sink) => new (await import('./json.js')).JsonWriter(sink),
  },
  sarif: {
    reporter: async () => (await import('./sarif.js')).sarif,
    describesRules: true,
    writer: async (sink, cwd) => new (await import('./sarif.js')).SarifWriter(sink, cwd),
  },
  junit: { reporter: async () => (await import('./junit.js')).junit },
  checkstyle: { reporter: async () => (await import('./checkstyle.js')).checkstyle },
  github: { reporter: async () => (await import('./github.js')).github },
  rdjson: { reporter: async () => (await import('./rdjson.js')).rdjson },
  html: {
    reporter: async () => (await import('./html.js')).html,
    describesRules: true,
    transcripts: true,
    writer: async (sink, cwd) => new (await import('./html.js')).HtmlWriter(sink, { color: false, cwd }),
  },
  csv: { reporter: async () => (await import('./csv.js')).csv },
  unix: { reporter: async () => (await import('./unix.js')).unix, forPeople: true },
  compact: { reporter: async () => (await import('./compact.js')).compact, forPeople: true },
  jsonl: {
    reporter: async () => (await import('./jsonl.js')).jsonl,
    writer: async (sink) => new (await import('./jsonl.js')).JsonlWriter(sink),
  },
};

/**
 * The writer of a format that streams (json, jsonl, sarif, html), its text written in batches
 * (write-batch.ts), or undefined. A sink with `bytes` is given the UTF-8 that workers rendered as it is.
 */
export async function streamWriterOf(format: string, sink: Sink, cwd: string): Promise<ReportWriter | undefined> {
  const make = FORMATS[format]?.writer;
  return make && batched(sink, (s) => make(s, cwd));
}
