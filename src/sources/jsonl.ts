// JSONL transcripts: one conversation per line,
//   {"id": "c1", "turns": [{"role": "agent", "text": "…", "speaker": "…", "time": "…"}]}
// (keys by any of the names in fields.ts: `messages` for `turns`, `session_id` for `id`,
// `sender` for `role`, `content` for `text` …), or one message per line, grouped by its
// conversation id ({"session_id": "s1", "sender": "卖家", "content": "…"}), or a canned reply
// per line: {"id": "r1", "text": "…"}. A line that can't be read is a ReadProblem; the others are read.
//
// Lines are parsed with JSON.parse; where a text sits inside the line is worked out only when
// `locate` is first called (or an error needs a position), by indexing the line (JsonIndex).
import { InputError, type Conversation, type SourcePoint, type Utterance } from '../core/types.js';
import type { InputFormat, InputOptions } from './format.js';
import { decodeJsonString, JsonIndex, JsonSyntaxError, parseJson, type JNode } from './json.js';
import type { Line } from './lines.js';
import { OffsetMap, pointOnLine } from './positions.js';
import { buildConversation, CONVERSATION_FIELDS, groupMessages, problemAt, problemOf, unreadable, type Located, type RawMessage } from './messages.js';
import { resolveFields } from './fields.js';
import { foldRoleMap, type RoleMap } from './roles.js';

export type Path = (string | number)[];

/** The node at a path of keys and indexes (the last of duplicate keys, as JSON.parse keeps). */
export function nodeAt(root: JNode, path: Path): JNode | undefined {
  let n: JNode | undefined = root;
  for (const step of path) {
    if (!n) return undefined;
    if (typeof step === 'number') n = n.kind === 'array' ? n.items[step] : undefined;
    else if (n.kind === 'object') {
      let found: JNode | undefined;
      for (const e of n.entries) if (e.key === step) found = e.value;
      n = found;
    } else n = undefined;
  }
  return n;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;

/** Where the values of one JSON record are, for errors and for mapping texts back to the file. */
export interface RecordContext {
  readonly file: string;
  /** An InputError at the node of `path` (or of the longest existing prefix of it). */
  fail(message: string, path: Path, hint: string, at?: 'node' | 'key'): never;
  /** The point of the node at `path` (or of the longest existing prefix of it). */
  point(path: Path): SourcePoint;
  /** Where offset i of the string at `path` (whose value is `text`) is in the file. */
  locator(path: Path, text: string): (i: number) => SourcePoint;
}

class LineContext implements RecordContext {
  /** Where the line's values are (undefined: not indexed yet; null: nested too deep to index). */
  private index: JsonIndex | null | undefined;
  constructor(
    readonly file: string,
    readonly line: Line,
  ) {}

  /** The line's index, built on first need: most records with no finding and no error never need it. */
  private root(): JsonIndex | null {
    if (this.index === undefined) this.index = JsonIndex.of(this.line.text);
    return this.index;
  }

  fail(message: string, path: Path, hint: string, at: 'node' | 'key' = 'node'): never {
    throw new InputError(message, this.file, this.line.line, this.column(path, at), hint);
  }

  point(path: Path): SourcePoint {
    const col = this.column(path, 'node');
    return pointOnLine(this.line.line, this.line.offset, this.line.offset + col - 1);
  }

  locator(path: Path, text: string): (i: number) => SourcePoint {
    let map: OffsetMap | undefined;
    const { line, offset } = this.line;
    return (i) => pointOnLine(line, offset, offset + (map ??= this.offsetMap(path, text)).source(i));
  }

  private column(path: Path, at: 'node' | 'key'): number {
    const root = this.root();
    if (root === null) return this.line.text.length - this.line.text.trimStart().length + 1;
    for (let k = path.length; k >= 0; k--) {
      const n = root.at(path, k);
      if (n === undefined) continue;
      if (at === 'key' && k === path.length - 1 && typeof path[k] === 'string') {
        const key = root.keyStart(n, path[k] as string);
        if (key !== -1) return key + 1;
      }
      return root.start(n) + 1;
    }
    return 1;
  }

  /** The offset map (relative to the line) of the string at `path`, whose value is `text`. */
  offsetMap(path: Path, text: string): OffsetMap {
    const root = this.root();
    const src = this.line.text;
    // A string's value is its start (≥ 0); a container's, where its block is (< 0).
    const n = root === null ? undefined : root.at(path);
    if (n === undefined || n < 0 || src.charCodeAt(n) !== 34) return OffsetMap.constant(0, text.length);
    // Without escapes the text is in the line as it is: no need to decode it again. (A backslash
    // in the text can only come from an escape, so a text without one that the line holds
    // between quotes is that string, verbatim.)
    if (text.indexOf('\\') === -1 && src.charCodeAt(n + 1 + text.length) === 34 && src.startsWith(text, n + 1)) return OffsetMap.linear(n + 1, text.length);
    try {
      const d = decodeJsonString(src, n);
      return d.text === text ? d.map : OffsetMap.constant(n, text.length);
    } catch {
      return OffsetMap.constant(n, text.length);
    }
  }
}

export function optionalString(ctx: RecordContext, o: Record<string, unknown>, key: string, path: Path): string | undefined {
  if (!own(o, key)) return undefined;
  const v = o[key];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return ctx.fail(`"${key}" must be a string, not ${kindOf(v)}`, [...path, key], `write "${key}" as a string`);
}

export function idOf(ctx: RecordContext, o: Record<string, unknown>, path: Path): string | undefined {
  if (!own(o, 'id') || o.id === null) return undefined;
  const v = o.id;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return ctx.fail(`"id" must be a string or a number, not ${kindOf(v)}`, [...path, 'id'], 'give it a short unique id such as "c1"');
}

export function tagsOf(ctx: RecordContext, o: Record<string, unknown>, path: Path): string[] | undefined {
  if (!own(o, 'tags') || o.tags === null) return undefined;
  const v = o.tags;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((t) => typeof t === 'string')) return v as string[];
  return ctx.fail('"tags" must be a list of strings', [...path, 'tags'], 'write "tags": ["refund", "shipping"]');
}

/** Keys that hold a conversation's list of messages. */
const TURNS_KEYS = [
  'turns',
  'messages',
  'msgs',
  'dialog',
  'dialogue',
  'chat',
  'records',
  'history',
  'conversation',
  '消息',
  '对话',
  '對話',
  '聊天记录',
  '聊天記錄',
  '消息列表',
];

/** A JSON record: a conversation, one message of one (to be grouped), or a canned reply. */
export type JsonRecord = { conversation: Conversation } | { message: RawMessage } | { reply: Conversation };

function scalarString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/**
 * A field of a JSON record: the key `key` of the object at `base`. Its place is worked out only
 * when a problem asks for it (that indexes the line); a class, not a closure per field, and its
 * path made only then, as messages are read by the hundred thousand.
 */
class JsonField implements Located {
  locate?: (i: number) => SourcePoint;
  constructor(
    readonly value: unknown,
    private readonly ctx: RecordContext,
    private readonly base: Path,
    private readonly key: string,
  ) {}

  at(): SourcePoint {
    return this.ctx.point([...this.base, this.key]);
  }
}

/**
 * A message object of a JSON record (a turn, or a flat message), read as a RawMessage: every field
 * a property from the start (one shape for all), its place (`at`) a method rather than a closure.
 */
class JsonMessage implements RawMessage {
  conversation?: string = undefined;
  role?: JsonField = undefined;
  speaker?: string = undefined;
  time?: string = undefined;
  type?: string = undefined;
  id?: string = undefined;
  text?: JsonField = undefined;
  complete?: unknown = undefined;
  excerpt?: unknown = undefined;
  lang?: unknown = undefined;
  channel?: unknown = undefined;
  constructor(
    private readonly ctx: RecordContext,
    private readonly path: Path,
  ) {}

  at(): SourcePoint {
    return this.ctx.point(this.path);
  }
}

/** The value of field `k` of `t` as a string (numbers written out), or undefined. */
function stringField(t: Record<string, unknown>, k: string | undefined): string | undefined {
  return k === undefined ? undefined : scalarString(t[k]);
}

/** A message object (a turn, or a flat message) → a RawMessage, its fields found by their names. */
export function messageOf(ctx: RecordContext, t: Record<string, unknown>, path: Path, options: InputOptions): RawMessage {
  const f = resolveFields(Object.keys(t), options);
  const m = new JsonMessage(ctx, path);
  if (f.text !== undefined) {
    const text = new JsonField(t[f.text], ctx, path, f.text);
    if (typeof text.value === 'string') text.locate = ctx.locator([...path, f.text], text.value);
    m.text = text;
  }
  if (f.role !== undefined) m.role = new JsonField(t[f.role], ctx, path, f.role);
  m.speaker = stringField(t, f.speaker);
  m.time = stringField(t, f.time);
  m.type = stringField(t, f.type);
  const id = own(t, 'id') ? scalarString(t.id) : undefined;
  m.id = id !== undefined ? id : stringField(t, f.id);
  m.conversation = stringField(t, f.conversation);
  if (f.complete !== undefined) m.complete = t[f.complete];
  if (f.excerpt !== undefined) m.excerpt = t[f.excerpt];
  if (f.lang !== undefined) m.lang = t[f.lang];
  if (f.channel !== undefined) m.channel = t[f.channel];
  return m;
}

/**
 * One JSON value of a transcript file. `replies`: a value with a text and no role is a canned
 * reply (JSONL), not a message without a role. Throws InputError when the value's shape is wrong.
 */
export function readJsonRecord(ctx: RecordContext, value: unknown, options: InputOptions, roles: RoleMap, fallbackId: string, replies: boolean): JsonRecord {
  if (!isObject(value))
    ctx.fail(
      `expected a JSON object (a conversation or a message), not ${kindOf(value)}`,
      [],
      'write {"id": …, "turns": [{"role": …, "text": …}]} or {"session_id": …, "role": …, "text": …}',
    );
  const o = value as Record<string, unknown>;
  const turnsKey = TURNS_KEYS.find((k) => own(o, k) && Array.isArray(o[k])) ?? TURNS_KEYS.find((k) => own(o, k) && k !== 'conversation');
  if (turnsKey !== undefined) {
    const turns = o[turnsKey];
    if (!Array.isArray(turns))
      ctx.fail(`"${turnsKey}" must be a list of turns, not ${kindOf(turns)}`, [turnsKey], `write "${turnsKey}": [{"role": "agent", "text": "…"}]`);
    const f = resolveFields(
      Object.keys(o).filter((k) => k !== turnsKey),
      options,
    );
    const idKey = own(o, 'id') ? 'id' : f.conversation;
    let id: string | undefined;
    if (idKey !== undefined && o[idKey] !== null && o[idKey] !== undefined) {
      id = scalarString(o[idKey]);
      if (id === undefined) ctx.fail(`"${idKey}" must be a string or a number, not ${kindOf(o[idKey])}`, [idKey], 'give it a short unique id such as "c1"');
    }
    const convId = id ?? fallbackId;
    const messages = (turns as unknown[]).map((t, k) => {
      if (!isObject(t)) ctx.fail(`a turn must be an object, not ${kindOf(t)}`, [turnsKey, k], 'write each turn as {"role": "agent", "text": "…"}');
      const m = messageOf(ctx, t as Record<string, unknown>, [turnsKey, k], options);
      if (m.id === undefined) m.id = `${convId}#${k}`;
      return m;
    });
    const fields: Partial<Pick<RawMessage, 'complete' | 'excerpt' | 'lang' | 'channel'>> = {};
    for (const k of CONVERSATION_FIELDS) if (f[k] !== undefined) fields[k] = o[f[k]!];
    return { conversation: buildConversation(convId, messages, roles, fields) };
  }
  const m = messageOf(ctx, o, [], options);
  if (replies && m.role === undefined && m.conversation === undefined) {
    if (m.text === undefined)
      ctx.fail(
        'the line has neither "turns" nor "text"',
        [],
        'write a conversation {"id": …, "turns": [{"role": …, "text": …}]} or a reply {"id": …, "text": …}',
      );
    const t = m.text!;
    if (typeof t.value !== 'string')
      ctx.fail(
        `the reply text must be a string, not ${kindOf(t.value)}`,
        [Object.keys(o).find((k) => o[k] === t.value) ?? 'text'],
        'write the text as one JSON string (line breaks as \\n)',
      );
    const u: Utterance = { id: m.id ?? fallbackId, conversationId: null, index: null, role: 'agent', text: t.value as string, locate: t.locate! };
    const tags = tagsOf(ctx, o, []);
    if (tags) u.tags = tags;
    return { reply: { id: null, dialogue: false, units: [u] } };
  }
  return { message: m };
}

/** The problem of a line that is not valid JSON, at the place the positional parser names. */
function syntaxProblem(file: string, line: Line, err: unknown): InputError {
  let col = 1;
  let message = `invalid JSON: ${(err as Error).message}`;
  let hint = 'each line must be one complete JSON object';
  try {
    parseJson(line.text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      col = e.offset + 1;
      message = `invalid JSON: ${e.message}`;
      hint = `${e.hint}; each line must be one complete JSON object`;
    }
  }
  return new InputError(message, file, line.line, col, hint);
}

/** The record on one JSONL line (throws InputError when it can't be read). */
export function recordOfLine(file: string, line: Line, options: InputOptions = {}, roles: RoleMap = foldRoleMap(options.roles)): JsonRecord {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (err) {
    throw syntaxProblem(file, line, err);
  }
  return readJsonRecord(new LineContext(file, line), value, options, roles, `line${line.line}`, true);
}

/**
 * Reads a JSONL file line by line: what jsonlConversations does per line, in a method rather than
 * in the generator's loop. V8 then optimizes the per-line work as an ordinary function; in the
 * generator it was optimized on stack replacement, as one large function with the loop, and thrown
 * away at the next batch's `next()` (a call made before its feedback existed: "insufficient type
 * feedback for call") and compiled again: ~90 ms of compile jobs on a 4 MiB export (measured with
 * --trace-opt --trace-deopt).
 */
class JsonlReader {
  private readonly roles: RoleMap;
  /** Messages one per line, grouped once the whole file is read (a conversation's lines need not be adjacent). */
  private readonly messages: RawMessage[] = [];
  private firstMessageLine = 0;
  constructor(
    private readonly file: string,
    private readonly options: InputOptions,
  ) {
    this.roles = foldRoleMap(options.roles);
  }

  /** The conversation, reply or problem of a line; undefined for a blank line or a message kept for grouping. */
  read(line: Line): Conversation | undefined {
    if (line.invalid)
      return unreadable(
        problemAt({ line: line.line, column: line.invalid.column, offset: line.offset + line.invalid.column - 1 }, line.invalid.message, line.invalid.hint),
      );
    if (isBlank(line.text)) return undefined;
    let record: JsonRecord;
    try {
      record = recordOfLine(this.file, line, this.options, this.roles);
    } catch (err) {
      return problemOf(err, { line: line.line, column: 1, offset: line.offset });
    }
    if ('message' in record) {
      this.firstMessageLine ||= line.line;
      this.messages.push(record.message);
      return undefined;
    }
    return 'conversation' in record ? record.conversation : record.reply;
  }

  /** The conversations of the messages one per line. */
  grouped(): Conversation[] {
    return this.messages.length ? groupMessages(this.messages, this.roles, `line${this.firstMessageLine}`) : [];
  }
}

export async function* jsonlConversations(file: string, lines: AsyncIterable<Line[]>, options: InputOptions = {}): AsyncGenerator<Conversation> {
  const reader = new JsonlReader(file, options);
  for await (const batch of lines)
    for (const line of batch) {
      const c = reader.read(line);
      if (c !== undefined) yield c;
    }
  yield* reader.grouped();
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

/** Whether a JSON-ish text is JSON Lines rather than one JSON document. */
export function looksLikeJsonl(text: string): boolean {
  const lines = text
    .replace(/^\ufeff/, '')
    .split('\n', 50)
    .filter((l) => l.trim() !== '');
  const first = lines[0];
  if (!first) return false;
  let v: unknown;
  try {
    v = JSON.parse(first);
  } catch {
    return false;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  if (lines.length > 1) return lines[1]!.trimStart().startsWith('{');
  return TURNS_KEYS.some((k) => k in v) || resolveFields(Object.keys(v), {}).role !== undefined;
}

export const jsonlFormat: InputFormat<'jsonl'> = {
  name: 'jsonl',
  summary: 'JSON Lines: a conversation, a message or a canned reply per line',
  extensions: ['.jsonl', '.ndjson', '.json'],
  sniff: looksLikeJsonl,
  sniffUnknownName: looksLikeJsonl,
  read: (input, options) => jsonlConversations(input.path, input.lines(), options),
};
