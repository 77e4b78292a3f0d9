import type { Reporter } from '../runner/result.js';

/** Output formats by name, imported only when used. */
export const FORMATS: Record<string, () => Promise<Reporter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  checkstyle: async () => (await import('./checkstyle.js')).checkstyle,
  github: async () => (await import('./github.js')).github,
  rdjson: async () => (await import('./rdjson.js')).rdjson,
  html: async () => (await import('./html.js')).html,
  csv: async () => (await import('./csv.js')).csv,
  unix: async () => (await import('./unix.js')).unix,
  compact: async () => (await import('./compact.js')).compact,
  jsonl: async () => (await import('./jsonl.js')).jsonl,
};
