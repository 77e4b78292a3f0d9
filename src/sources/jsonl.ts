// JSONL transcripts: one conversation per line,
//   {"id": "c1", "turns": [{"role": "agent", "text": "…", "speaker": "…", "time": "…"}]}
// (`messages` for `turns`, `content` for `text`), or a canned reply per line: {"id": "r1", "text": "…"}.
//
// Lines are parsed with JSON.parse; where a text sits inside the line is worked out only when
// `locate` is first called (or an error needs a position), by the positional parser.
import { InputError, type Conversation, type Role, type SourcePoint, type Utterance } from '../types.js';
import { decodeJsonString, JsonSyntaxError, parseJson, type JNode } from './json.js';
import type { Line } from './lines.js';
import { OffsetMap, pointOnLine } from './positions.js';
import { parseRole, ROLE_HINT } from './roles.js';

type Path = (string | number)[];

/** The node at a path of keys and indexes (the last of duplicate keys, as JSON.parse keeps). */
function nodeAt(root: JNode, path: Path): JNode | undefined {
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
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;

class LineContext {
  private tree: JNode | undefined;
  constructor(
    readonly file: string,
    readonly line: Line,
  ) {}

  root(): JNode | undefined {
    if (!this.tree) {
      try {
        this.tree = parseJson(this.line.text);
      } catch {
        return undefined;
      }
    }
    return this.tree;
  }

  /** An InputError at the node of `path` (or of the longest existing prefix of it). */
  fail(message: string, path: Path, hint: string, at: 'node' | 'key' = 'node'): never {
    let col = 1;
    const root = this.root();
    if (root) {
      for (let k = path.length; k >= 0; k--) {
        const n = nodeAt(root, path.slice(0, k));
        if (n) {
          col = n.start + 1;
          if (at === 'key' && k === path.length - 1 && n.kind === 'object') {
            const key = path[k];
            const e = [...n.entries].reverse().find((x) => x.key === key);
            if (e) col = e.keyStart + 1;
          }
          break;
        }
      }
    } else {
      col = this.line.text.length - this.line.text.trimStart().length + 1;
    }
    throw new InputError(message, this.file, this.line.line, col, hint);
  }

  /** The offset map (relative to the line) of the string at `path`, whose value is `text`. */
  offsetMap(path: Path, text: string): OffsetMap {
    const root = this.root();
    const n = root && nodeAt(root, path);
    if (!n || n.kind !== 'string') return OffsetMap.constant(0, text.length);
    try {
      const d = decodeJsonString(this.line.text, n.start);
      return d.text === text ? d.map : OffsetMap.constant(n.start, text.length);
    } catch {
      return OffsetMap.constant(n.start, text.length);
    }
  }
}

function optionalString(ctx: LineContext, o: Record<string, unknown>, key: string, path: Path): string | undefined {
  if (!own(o, key)) return undefined;
  const v = o[key];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return ctx.fail(`"${key}" must be a string, not ${kindOf(v)}`, [...path, key], `write "${key}" as a string`);
}

function idOf(ctx: LineContext, o: Record<string, unknown>, path: Path): string | undefined {
  if (!own(o, 'id') || o.id === null) return undefined;
  const v = o.id;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return ctx.fail(`"id" must be a string or a number, not ${kindOf(v)}`, [...path, 'id'], 'give it a short unique id such as "c1"');
}

function textOf(ctx: LineContext, o: Record<string, unknown>, path: Path, what: string): { text: string; key: string } {
  const key = own(o, 'text') ? 'text' : own(o, 'content') ? 'content' : undefined;
  if (!key) return ctx.fail(`the ${what} has no "text"`, path, `add "text": "…" to the ${what}`);
  const v = o[key];
  if (typeof v !== 'string')
    return ctx.fail(`"${key}" of the ${what} must be a string, not ${kindOf(v)}`, [...path, key], 'write the text as one JSON string (line breaks as \\n)');
  return { text: v, key };
}

function tagsOf(ctx: LineContext, o: Record<string, unknown>, path: Path): string[] | undefined {
  if (!own(o, 'tags') || o.tags === null) return undefined;
  const v = o.tags;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((t) => typeof t === 'string')) return v as string[];
  return ctx.fail('"tags" must be a list of strings', [...path, 'tags'], 'write "tags": ["refund", "shipping"]');
}

/** A turn or reply of a JSONL line; its offset map is built on the first `locate`. */
class JsonlUtterance implements Utterance {
  speaker?: string;
  time?: string;
  tags?: string[];
  private map: OffsetMap | undefined;

  constructor(
    private readonly ctx: LineContext,
    readonly id: string,
    readonly conversationId: string | null,
    readonly index: number | null,
    readonly role: Role,
    readonly text: string,
    /** `turns`/`messages`, or null for a reply line. */
    private readonly turnsKey: string | null,
    private readonly textKey: string,
    private readonly turnIndex: number,
  ) {}

  locate(i: number): SourcePoint {
    if (!this.map) {
      const path: Path = this.turnsKey === null ? [this.textKey] : [this.turnsKey, this.turnIndex, this.textKey];
      this.map = this.ctx.offsetMap(path, this.text);
    }
    const { line, offset } = this.ctx.line;
    return pointOnLine(line, offset, offset + this.map.source(i));
  }
}

/** The conversation on one JSONL line. */
export function conversationOfLine(file: string, line: Line): Conversation {
  const ctx = new LineContext(file, line);
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (err) {
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
    throw new InputError(message, file, line.line, col, hint);
  }
  if (!isObject(value)) ctx.fail(`each line must be a JSON object, not ${kindOf(value)}`, [], 'write {"id": …, "turns": […]} on each line');
  const o = value as Record<string, unknown>;
  const turnsKey = o.turns !== undefined ? 'turns' : o.messages !== undefined ? 'messages' : undefined;
  const id = idOf(ctx, o, []);
  if (!turnsKey) {
    if (o.text === undefined && o.content === undefined)
      ctx.fail('the line has neither "turns" nor "text"', [], 'write a conversation {"id": …, "turns": [{"role": …, "text": …}]} or a reply {"id": …, "text": …}');
    const { text, key } = textOf(ctx, o, [], 'reply');
    const u = new JsonlUtterance(ctx, id ?? `line${line.line}`, null, null, 'agent', text, null, key, 0);
    const tags = tagsOf(ctx, o, []);
    if (tags) u.tags = tags;
    return { id: null, dialogue: false, units: [u] };
  }
  const turns = o[turnsKey];
  if (!Array.isArray(turns))
    ctx.fail(`"${turnsKey}" must be a list of turns, not ${kindOf(turns)}`, [turnsKey], `write "${turnsKey}": [{"role": "agent", "text": "…"}]`);
  const convId = id ?? `line${line.line}`;
  const list = turns as unknown[];
  const units: Utterance[] = new Array(list.length);
  for (let index = 0; index < list.length; index++) {
    const turn = list[index];
    if (!isObject(turn)) ctx.fail(`a turn must be an object, not ${kindOf(turn)}`, [turnsKey, index], 'write each turn as {"role": "agent", "text": "…"}');
    const t = turn as Record<string, unknown>;
    const roleKey = t.role !== undefined ? 'role' : t.from !== undefined ? 'from' : undefined;
    if (!roleKey) ctx.fail('the turn has no "role"', [turnsKey, index], `add "role": "agent" or "customer"; ${ROLE_HINT}`);
    const roleName = t[roleKey!];
    if (typeof roleName !== 'string') ctx.fail(`"role" must be a string, not ${kindOf(roleName)}`, [turnsKey, index, roleKey!], ROLE_HINT);
    const role: Role | undefined = parseRole(roleName as string);
    if (!role) ctx.fail(`unknown role "${roleName as string}"`, [turnsKey, index, roleKey!], ROLE_HINT);
    let text: string;
    let key: string;
    if (typeof t.text === 'string') {
      text = t.text;
      key = 'text';
    } else ({ text, key } = textOf(ctx, t, [turnsKey, index], 'turn'));
    const turnId = t.id === undefined ? undefined : idOf(ctx, t, [turnsKey, index]);
    const u = new JsonlUtterance(ctx, turnId ?? `${convId}#${index}`, convId, index, role!, text, turnsKey, key, index);
    if (t.speaker !== undefined) {
      const speaker = optionalString(ctx, t, 'speaker', [turnsKey, index]);
      if (speaker !== undefined) u.speaker = speaker;
    }
    if (t.time !== undefined) {
      const time = optionalString(ctx, t, 'time', [turnsKey, index]);
      if (time !== undefined) u.time = time;
    }
    if (t.tags !== undefined) {
      const tags = tagsOf(ctx, t, [turnsKey, index]);
      if (tags) u.tags = tags;
    }
    units[index] = u;
  }
  const conversation: Conversation = { id: convId, dialogue: true, units };
  // Conversation-level fields the rule language reads (docs/formats.md: scope, position windows).
  if (o.complete === false || o.excerpt === true) conversation.excerpt = true;
  const lang = optionalString(ctx, o, 'lang', []);
  if (lang !== undefined) conversation.lang = lang;
  const channel = optionalString(ctx, o, 'channel', []);
  if (channel !== undefined) conversation.channel = channel;
  return conversation;
}

export async function* jsonlConversations(file: string, lines: AsyncIterable<Line[]>): AsyncGenerator<Conversation> {
  for await (const batch of lines) {
    for (const line of batch) {
      if (isBlank(line.text)) continue;
      yield conversationOfLine(file, line);
    }
  }
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}
