// JSON chat exports, one document: an array of conversations ([{"id": …, "messages": [...]}]),
// or an array of flat messages grouped by their conversation id ([{"session_id": …, "sender": …,
// "content": …}]), or either under a top-level key ({"conversations": [...]}, {"data": [...]}).
// The same field names as JSONL and CSV (fields.ts). Parsed with the positional JSON parser, so
// every text maps to its place; an item that can't be read is a ReadProblem, the others are read.
import { InputError, type Conversation, type SourcePoint } from '../core/types.js';
import { resolveFields } from './fields.js';
import type { InputFormat, InputOptions } from './format.js';
import { decodeJsonString, JsonSyntaxError, parseJson, type JNode } from './json.js';
import { nodeAt, readJsonRecord, type Path, type RecordContext } from './jsonl.js';
import { groupMessages, problemOf, type RawMessage } from './messages.js';
import { LineMap, OffsetMap } from './positions.js';
import { foldRoleMap } from './roles.js';

/** Top-level keys an export puts its list under. */
const LIST_KEYS = ['conversations', 'sessions', 'chats', 'dialogs', 'dialogues', 'messages', 'records', 'data', 'items', '会话', '会话列表', '消息'];

/** Positions of one item of the document. */
class NodeContext implements RecordContext {
  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly lines: LineMap,
    private readonly node: JNode,
  ) {}

  private nearest(path: Path): JNode {
    for (let k = path.length; k >= 0; k--) {
      const n = nodeAt(this.node, path.slice(0, k));
      if (n) return n;
    }
    return this.node;
  }

  fail(message: string, path: Path, hint: string): never {
    const p = this.point(path);
    throw new InputError(message, this.file, p.line, p.column, hint);
  }

  point(path: Path): SourcePoint {
    return this.lines.point(this.nearest(path).start);
  }

  locator(path: Path, value: string): (i: number) => SourcePoint {
    const n = nodeAt(this.node, path);
    let map: OffsetMap | undefined;
    const mapOf = (): OffsetMap => {
      if (!n || n.kind !== 'string') return OffsetMap.constant(this.node.start, value.length);
      const d = decodeJsonString(this.text, n.start);
      return d.text === value ? d.map : OffsetMap.constant(n.start, value.length);
    };
    return (i) => this.lines.point((map ??= mapOf()).source(i));
  }
}

/** The plain value of a node (what JSON.parse would give). */
function plain(n: JNode): unknown {
  switch (n.kind) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const e of n.entries) o[e.key] = plain(e.value);
      return o;
    }
    case 'array':
      return n.items.map(plain);
    default:
      return n.value;
  }
}

/** The list of conversations or messages in a document. */
function listOf(root: JNode): JNode | undefined {
  if (root.kind === 'array') return root;
  if (root.kind !== 'object') return undefined;
  for (const k of LIST_KEYS) {
    const e = root.entries.find((x) => x.key === k);
    if (e && e.value.kind === 'array') return e.value;
  }
  return undefined;
}

async function* readJsonChats(path: string, text: string, options: InputOptions): AsyncGenerator<Conversation> {
  const lines = new LineMap(text);
  if (text.trim() === '') return;
  let root: JNode;
  try {
    root = parseJson(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    const p = lines.point(err.offset);
    throw new InputError(`JSON syntax error: ${err.message}`, path, p.line, p.column, err.hint);
  }
  const list = listOf(root);
  if (!list || list.kind !== 'array') {
    const p = lines.point(root.start);
    throw new InputError(
      'expected a list of conversations or of messages',
      path,
      p.line,
      p.column,
      `write [{"id": …, "messages": […]}] or [{"session_id": …, "role": …, "text": …}], or put the list under "conversations"`,
    );
  }
  const roles = foldRoleMap(options.roles);
  const messages: RawMessage[] = [];
  let firstMessage: SourcePoint | undefined;
  for (const item of list.items) {
    const ctx = new NodeContext(path, text, lines, item);
    const at = lines.point(item.start);
    try {
      const r = readJsonRecord(ctx, plain(item), options, roles, `L${at.line}`, false);
      if ('message' in r) {
        firstMessage ??= at;
        messages.push(r.message);
      } else yield 'conversation' in r ? r.conversation : r.reply;
    } catch (err) {
      yield problemOf(err, at, lines);
    }
  }
  if (messages.length) yield* groupMessages(messages, roles, `L${firstMessage!.line}`);
}

/** The keys of the first object in the text, read without parsing it whole. */
function firstKeys(head: string): string[] {
  const start = head.indexOf('{', head.indexOf('[') === -1 ? 0 : head.indexOf('['));
  if (start === -1) return [];
  const keys: string[] = [];
  const re = /"((?:[^"\\]|\\.){1,60})"\s*:/g;
  re.lastIndex = start;
  for (let m = re.exec(head); m && m.index < start + 4000; m = re.exec(head)) keys.push(m[1]!);
  return keys;
}

/** A JSON document whose first object is a conversation (it has a message list) or a message (a role and a text). */
export function looksLikeChatJson(head: string): boolean {
  const t = head.replace(/^\ufeff/, '').trimStart();
  if (!t.startsWith('[') && !t.startsWith('{')) return false;
  const wrapper = /^\{\s*"((?:[^"\\]|\\.){1,60})"\s*:\s*\[/.exec(t);
  if (wrapper && LIST_KEYS.includes(wrapper[1]!) && wrapper[1] !== 'messages') return true;
  const keys = firstKeys(t);
  const f = resolveFields(keys, {});
  if (f.role !== undefined && f.text !== undefined) return true;
  return t.startsWith('[') && keys.some((k) => ['turns', 'messages', 'msgs', 'dialog', 'dialogue'].includes(k));
}

export const jsonChatsFormat: InputFormat<'json'> = {
  name: 'json',
  summary: 'JSON chat export: an array of conversations, or of messages grouped by a conversation id',
  extensions: ['.json'],
  sniff: looksLikeChatJson,
  sniffUnknownName: looksLikeChatJson,
  read: (input, options) =>
    (async function* () {
      yield* readJsonChats(input.path, await input.text(), options);
    })(),
};
