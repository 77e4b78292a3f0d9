// Canned-reply libraries (YAML or JSON): the shape they may take, on a tree of positioned nodes
// that both readers build. A library is a list of replies, a map of id → reply, or either under
// a top-level `replies:` key. A reply is `{id, text, tags?}`, or a plain string (its id is the
// map key, or `L<line>` in a list). Each reply is an agent utterance without a conversation.
import { InputError, type Conversation, type Utterance } from '../core/types.js';
import { problemOf } from './messages.js';
import type { LineMap, OffsetMap } from './positions.js';

export interface RNode {
  kind: 'map' | 'seq' | 'scalar';
  /** Offset of the node in the decoded file text. */
  start: number;
  entries?: { key: unknown; keyStart: number; value: RNode | null }[];
  items?: (RNode | null)[];
  /** A scalar's value. */
  value?: unknown;
  /** A string scalar's text with its offset map. */
  decode?: () => { text: string; map: OffsetMap };
}

function typeName(n: RNode | null): string {
  if (!n || n.value === null) return n?.kind === 'scalar' || !n ? 'empty' : n.kind;
  if (n.kind === 'map') return 'a map';
  if (n.kind === 'seq') return 'a list';
  return typeof n.value === 'string' ? 'a string' : `${typeof n.value} ${JSON.stringify(n.value)}`;
}

export function* repliesOf(root: RNode | null, file: string, lines: LineMap, lang: 'YAML' | 'JSON'): Generator<Conversation> {
  const fail = (message: string, at: number, hint: string): never => {
    const p = lines.point(at);
    throw new InputError(message, file, p.line, p.column, hint);
  };
  if (!root || (root.kind === 'scalar' && root.value === null)) return;
  const quote = lang === 'YAML' ? 'quote it' : 'write it in double quotes';
  let top: RNode = root;
  if (root.kind === 'map') {
    const wrapper = [...(root.entries ?? [])].reverse().find((e) => e.key === 'replies');
    const v = wrapper?.value;
    if (v && (v.kind === 'seq' || (v.kind === 'map' && !(v.entries ?? []).some((e) => e.key === 'text')))) top = v;
  }
  if (top.kind === 'scalar')
    fail(
      'expected a list or a map of replies',
      top.start,
      lang === 'YAML' ? 'write `- id: …\n    text: …` items, or `id: text` pairs' : 'write [{"id": …, "text": …}] or {"id": "text"}',
    );
  const seen = new Map<string, number>();
  const reply = (node: RNode | null, at: number, key: string | undefined): Conversation => {
    let id = key;
    let textNode: RNode | null | undefined;
    let tags: string[] | undefined;
    if (node && node.kind === 'scalar' && typeof node.value === 'string') textNode = node;
    else if (node && node.kind === 'map') {
      for (const e of node.entries ?? []) {
        if (e.key === 'id') {
          const v = e.value;
          if (!v || v.kind !== 'scalar' || (typeof v.value !== 'string' && typeof v.value !== 'number'))
            fail(`the reply id must be a string, not ${typeName(v)}`, v?.start ?? e.keyStart, 'give every reply a short unique id such as greeting-1');
          id = String(v!.value);
        } else if (e.key === 'text') textNode = e.value;
        else if (e.key === 'tags') {
          const v = e.value;
          if (v === null || (v.kind === 'scalar' && v.value === null)) tags = [];
          else if (v.kind === 'scalar' && typeof v.value === 'string') tags = [v.value];
          else if (v.kind === 'seq') {
            tags = (v.items ?? []).map((t) => {
              if (!t || t.kind !== 'scalar' || (typeof t.value !== 'string' && typeof t.value !== 'number'))
                fail(`a tag must be a string, not ${typeName(t)}`, t?.start ?? v.start, 'write tags as a list of words: [refund, shipping]');
              return String(t!.value);
            });
          } else fail(`tags must be a list of strings, not ${typeName(v)}`, v.start, 'write tags as a list of words: [refund, shipping]');
        }
      }
      if (textNode === undefined) fail('the reply has no text', node.start, 'add a `text` field with the reply');
      if (!textNode || textNode.kind !== 'scalar' || typeof textNode.value !== 'string') {
        const what = typeName(textNode ?? null);
        fail(
          what === 'empty' ? 'the reply text is empty' : `the reply text must be a string, not ${what}`,
          textNode?.start ?? node.start,
          what === 'empty' ? 'write the reply after `text`' : `${quote} if it is meant as text`,
        );
      }
    } else {
      fail(
        `a reply must be a string or a map with id and text, not ${typeName(node)}`,
        node?.start ?? at,
        node && node.kind === 'scalar' && node.value !== null ? `${quote} if it is meant as text` : 'write the reply text',
      );
    }
    const t = textNode!;
    if (id === undefined) id = `L${lines.point(t.start).line}`;
    const prev = seen.get(id);
    if (prev !== undefined) fail(`duplicate reply id "${id}" (first used on line ${lines.point(prev).line})`, node?.start ?? at, 'give every reply its own id');
    seen.set(id, node?.start ?? at);
    const { text, map } = t.decode!();
    const u: Utterance = {
      id,
      conversationId: null,
      index: null,
      role: 'agent',
      text,
      locate: (i) => lines.point(map.source(i)),
    };
    if (tags) u.tags = tags;
    return { id: null, dialogue: false, units: [u] };
  };
  // A reply that can't be read is a ReadProblem; the replies after it are still read.
  const attempt = (read: () => Conversation, at: number): Conversation => {
    try {
      return read();
    } catch (err) {
      return problemOf(err, lines.point(at), lines);
    }
  };
  if (top.kind === 'seq') {
    for (const item of top.items ?? []) yield attempt(() => reply(item, top.start, undefined), item?.start ?? top.start);
  } else {
    for (const e of top.entries ?? []) {
      yield attempt(() => {
        if (typeof e.key !== 'string' && typeof e.key !== 'number') fail('a reply id (map key) must be a string', e.keyStart, 'write `id: text` pairs');
        return reply(e.value, e.keyStart, String(e.key));
      }, e.keyStart);
    }
  }
}
