import type { Reporter } from '../runner/result.js';

/** An output format: its reporter, imported only when used, and what the run must keep for it. */
export interface OutputFormat {
  reporter: () => Promise<Reporter>;
  /** It describes the run's rules (their docs, help texts): the run keeps every rule, not only those that found something. */
  describesRules?: boolean;
  /** It shows whole conversations: the run keeps their turns. */
  transcripts?: boolean;
  /** It is read by people: a --fix-dry-run diff goes to stdout with it (a machine-readable report keeps stdout to itself). */
  forPeople?: boolean;
}

/** Output formats by name. */
export const FORMATS: Record<string, OutputFormat> = {
  stylish: { reporter: async () => (await import('./stylish.js')).stylish, forPeople: true },
  json: { reporter: async () => (await import('./json.js')).json },
  sarif: { reporter: async () => (await import('./sarif.js')).sarif, describesRules: true },
  junit: { reporter: async () => (await import('./junit.js')).junit },
  checkstyle: { reporter: async () => (await import('./checkstyle.js')).checkstyle },
  github: { reporter: async () => (await import('./github.js')).github },
  rdjson: { reporter: async () => (await import('./rdjson.js')).rdjson },
  html: { reporter: async () => (await import('./html.js')).html, describesRules: true, transcripts: true },
  csv: { reporter: async () => (await import('./csv.js')).csv },
  unix: { reporter: async () => (await import('./unix.js')).unix, forPeople: true },
  compact: { reporter: async () => (await import('./compact.js')).compact, forPeople: true },
  jsonl: { reporter: async () => (await import('./jsonl.js')).jsonl },
};
