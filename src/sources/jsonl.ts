// JSONL transcripts: one conversation per line,
//   {"id": "c1", "turns": [{"role": "agent", "text": "…", "speaker": "…", "time": "…"}]}
// (`messages` for `turns`, `content` for `text`), or a canned reply per line: {"id": "r1", "text": "…"}.
//
// Lines are parsed with JSON.parse; where a text sits inside the line is worked out only when
// `locate` is first called (or an error needs a position), by the positional parser.
import { InputError, type Conversation, type Role, type Utterance } from '../types.js';
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

  /** locate() for the string at `path`, built on first use. */
  locator(path: Path, text: string): (i: number) => { line: number; column: number; offset: number } {
    let map: OffsetMap | undefined;
    const { line, offset } = this.line;
    return (i: number) => {
      if (!map) {
        const root = this.root();
        const n = root && nodeAt(root, path);
        map = OffsetMap.constant(0, text.length);
        if (n && n.kind === 'string') {
          try {
            const d = decodeJsonString(this.line.text, n.start);
            map = d.text === text ? d.map : OffsetMap.constant(n.start, text.length);
          } catch {
            map = OffsetMap.constant(n.start, text.length);
          }
        }
      }
      return pointOnLine(line, offset, offset + map.source(i));
    };
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
  if (!key) return ctx.fail(`${what} has no "text"`, path, `add "text": "…" to the ${what}`);
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
  const turnsKey = own(o, 'turns') ? 'turns' : own(o, 'messages') ? 'messages' : undefined;
  const id = idOf(ctx, o, []);
  if (!turnsKey) {
    if (!own(o, 'text') && !own(o, 'content'))
      ctx.fail('the line has neither "turns" nor "text"', [], 'write a conversation {"id": …, "turns": [{"role": …, "text": …}]} or a reply {"id": …, "text": …}');
    const { text, key } = textOf(ctx, o, [], 'reply');
    const u: Utterance = {
      id: id ?? `line${line.line}`,
      conversationId: null,
      index: null,
      role: 'agent',
      text,
      locate: ctx.locator([key], text),
    };
    const tags = tagsOf(ctx, o, []);
    if (tags) u.tags = tags;
    return { id: null, dialogue: false, units: [u] };
  }
  const turns = o[turnsKey];
  if (!Array.isArray(turns))
    ctx.fail(`"${turnsKey}" must be a list of turns, not ${kindOf(turns)}`, [turnsKey], `write "${turnsKey}": [{"role": "agent", "text": "…"}]`);
  const convId = id ?? `line${line.line}`;
  const units: Utterance[] = [];
  (turns as unknown[]).forEach((turn, index) => {
    const path: Path = [turnsKey, index];
    if (!isObject(turn)) ctx.fail(`a turn must be an object, not ${kindOf(turn)}`, path, 'write each turn as {"role": "agent", "text": "…"}');
    const t = turn as Record<string, unknown>;
    const roleKey = own(t, 'role') ? 'role' : own(t, 'from') ? 'from' : undefined;
    if (!roleKey) ctx.fail('the turn has no "role"', path, `add "role": "agent" or "customer"; ${ROLE_HINT}`);
    const roleName = t[roleKey!];
    if (typeof roleName !== 'string') ctx.fail(`"role" must be a string, not ${kindOf(roleName)}`, [...path, roleKey!], ROLE_HINT);
    const role: Role | undefined = parseRole(roleName as string);
    if (!role) ctx.fail(`unknown role "${roleName as string}"`, [...path, roleKey!], ROLE_HINT);
    const { text, key } = textOf(ctx, t, path, 'turn');
    const turnId = idOf(ctx, t, path);
    const u: Utterance = {
      id: turnId ?? `${convId}#${index}`,
      conversationId: convId,
      index,
      role: role!,
      text,
      locate: ctx.locator([...path, key], text),
    };
    const speaker = optionalString(ctx, t, 'speaker', path);
    if (speaker !== undefined) u.speaker = speaker;
    const time = optionalString(ctx, t, 'time', path);
    if (time !== undefined) u.time = time;
    const tags = tagsOf(ctx, t, path);
    if (tags) u.tags = tags;
    units.push(u);
  });
  return { id: convId, dialogue: true, units };
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
