// What one input format is: one module per format (jsonl.ts, json-chats.ts, csv.ts, xlsx.ts,
// text.ts, replies-yaml.ts, replies-json.ts, replies-text.ts), each exporting one InputFormat,
// and registry.ts listing them. Detection, --input-format / --stdin-format, --fix and inline
// disables all go through the registry, so a new format is one module and one registry line.
import type { Conversation, Finding, Role } from '../core/types.js';
import type { Parsed } from './directives.js';
import type { Line } from './lines.js';
import type { SourceFormat } from './registry.js';

/** Where a reader reads from: a file on disk, or text already in memory (stdin). */
export interface SourceInput {
  path: string;
  /** The decoded text as lines, streamed; a line with bytes the encoding cannot decode carries `invalid`. */
  lines(): AsyncIterable<Line[]>;
  /** The whole decoded text (BOM removed). */
  text(): Promise<string>;
  /** The raw bytes, for binary formats (xlsx). */
  bytes(): Promise<Uint8Array>;
}

/** The fields of a chat message that exports name in many ways (see fields.ts). */
export type MessageField = 'conversation' | 'role' | 'speaker' | 'time' | 'text' | 'id' | 'type' | 'complete' | 'excerpt' | 'lang' | 'channel';

/** The `input` section of the config: how this team's exports name their columns and roles. */
export interface InputOptions {
  /** Field → the column (or JSON key) that holds it, when the export's own name is not recognised. */
  columns?: Partial<Record<MessageField, string>>;
  /** Role names of the export → the role they stand for (`小二: agent`, `机器人: system`). */
  roles?: Record<string, Role>;
}

/** A fixable finding's span in the file's text, with the text that is there now. */
export interface FixSite {
  start: number;
  end: number;
  raw: string;
  finding: Finding;
}

/** What a canned-reply library format adds: inline disables and safe fixes. */
export interface LibraryFormat {
  /** The inline-disable directives of a file and the ranges they cover. */
  directives(text: string): Parsed;
  /** For one file's text: how a fix's replacement must be written at a site, or why it can't be. */
  fixer(text: string): (site: FixSite) => string | { reason: string };
}

/** An input file opened: its conversations, read as they are iterated. */
export interface SourceDocument {
  path: string;
  format: SourceFormat;
  conversations: AsyncIterable<Conversation>;
}

/** One input format; `N` is its name, so that the registry's names make the `SourceFormat` type. */
export interface InputFormat<N extends string = string> {
  name: N;
  /** One line for --help and docs. */
  summary: string;
  /** File name endings (lower case, with the dot) this format is tried for. */
  extensions: readonly string[];
  /** Read from bytes, not from decoded text (it can't come from --stdin-format as text). */
  binary?: boolean;
  /**
   * Whether the start of a file (decoded text) is in this format, where formats share an
   * extension (.json, .txt). Without it, the format takes every file with one of its extensions
   * that no format listed before it in the registry claimed.
   */
  sniff?(head: string): boolean;
  /** Whether a file whose name has none of the known extensions is in this format, from its start. */
  sniffUnknownName?(head: string): boolean;
  read(input: SourceInput, options: InputOptions): AsyncIterable<Conversation>;
  library?: LibraryFormat;
}
