// The shared model of aslint: what sources produce, what checks consume and what reporters print.

/** A JSON Schema object, as ajv and editors read it. */
export type JsonSchema = { [key: string]: unknown };

export type Role = 'agent' | 'customer' | 'system';
export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
/** The count of each severity in a summary (`errors`, `warnings`, `infos`). */
export const SEVERITY_PLURALS: Readonly<Record<Severity, 'errors' | 'warnings' | 'infos'>> = { error: 'errors', warning: 'warnings', info: 'infos' };

/** A place in a source file. line/column are 1-based; column counts UTF-16 code units. */
export interface SourcePoint {
  line: number;
  column: number;
  /** UTF-16 offset into the decoded file text (BOM removed). */
  offset: number;
}

/** One turn of a conversation or one canned reply. */
export interface Utterance {
  /** The unit id: a reply id, or `<conversation>#<turn>` for a turn without an id of its own. */
  id: string;
  conversationId: string | null;
  /** 0-based turn index inside its conversation; null for a canned reply. */
  index: number | null;
  role: Role;
  speaker?: string;
  time?: string;
  tags?: string[];
  text: string;
  /**
   * Where text offset `i` (0..text.length, UTF-16) sits in the source file. Offsets inside an
   * escape sequence of the source map to the start of that escape; `text.length` maps to the
   * end of the last character.
   */
  locate(i: number): SourcePoint;
}

/** A conversation (a dialogue) or a lone canned reply, which has no conversation. */
export interface Conversation {
  id: string | null;
  /** true for a dialogue between roles: conversation checks (require, position) apply. */
  dialogue: boolean;
  units: Utterance[];
  /** `complete: false` or `excerpt: true` in the input: a part of a dialogue, not judged by position rules. */
  excerpt?: boolean;
  /** The language the input gives (`zh`, `zh-Hans`, `zh-Hant`, `en`); else it is told from the text. */
  lang?: string;
  /** The channel the input gives (`chat`, `email`, `social`, …). */
  channel?: string;
  /** Records of the source that could not be read (each becomes an aslint/unreadable-record finding). */
  problems?: ReadProblem[];
  /** Messages left out on purpose: images, stickers and other non-text messages, and empty ones. */
  skipped?: SkippedCounts;
}

/** A record of an input file that could not be read: where, what is wrong, what to do. */
export interface ReadProblem {
  message: string;
  hint: string;
  line: number;
  column: number;
  /** UTF-16 offset in the decoded file (0 for formats that are not text, such as xlsx). */
  offset: number;
}

/** Messages a reader left out, by why. */
export interface SkippedCounts {
  /** Images, stickers, files and other messages without text. */
  media: number;
  /** Messages whose text is empty or only spaces. */
  empty: number;
}

/** What a run tells the linter about its input (from the config). */
export interface LintOptions {
  /** Every dialogue is an excerpt: position rules judge none. */
  excerpts?: boolean;
  /** The channel of conversations that name none (default `chat`). */
  channel?: string;
}

/** What scores need of a dialogue besides its findings. */
export interface ConversationInfo {
  id: string;
  /** The speakers of its agent turns ('' for turns that name none). */
  agents: string[];
  turns: number;
  /** Every turn, for a report that shows the conversation whole (kept only when asked: it costs memory). */
  transcript?: TranscriptTurn[];
}

/** One turn of a conversation as a report shows it. */
export interface TranscriptTurn {
  unit: string;
  role: Role;
  speaker?: string;
  time?: string;
  text: string;
}

/** A text edit in the units of an utterance's own text. */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

export interface Finding {
  ruleId: string;
  kind: string;
  severity: Severity;
  message: string;
  unit: string;
  conversation: string | null;
  turn: number | null;
  role: Role;
  /** Who said the utterance, when the transcript names them (for per-agent summaries). */
  speaker?: string;
  /** When the utterance was said, as the transcript gives it. */
  time?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The original text of the span. */
  text: string;
  suggestions: string[];
  /** Offsets of the span in the utterance's text. */
  start: number;
  end: number;
  /** Offsets of the span in the decoded source file. */
  offset: number;
  endOffset: number;
  /** Present when the finding can be fixed safely: one suggestion that replaces the span. */
  fix?: TextEdit;
  score?: RuleScore;
  /** The whole utterance, for code frames. */
  utterance: string;
  /** Other places that explain the finding: the customer turn and words that demanded an apology. */
  related?: RelatedLocation[];
}

/** A place in the same file that explains a finding (SARIF relatedLocations). */
export interface RelatedLocation {
  unit: string;
  turn: number | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets in the unit's text. */
  start: number;
  end: number;
  text: string;
  message: string;
}

export interface RuleScore {
  deduct?: number;
  fatal?: boolean;
}

/** An error in user input (a file, a config, a command line): exit 2, no stack trace. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** `file:line:column: message` then the hint, as a user reads it. */
  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}:${this.column ?? 1}` : ''}: ` : '';
    return `${where}${this.message}${this.hint ? `\n  ${this.hint}` : ''}`;
  }
}
