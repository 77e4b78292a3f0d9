// Chat messages as exports give them (a CSV/xlsx row, a JSON object with a role and a text) →
// conversations. Shared by every transcript format but the plain-text one: the role vocabulary
// and the config's role map, skipping media and empty messages (counted), a record that can't be
// read becoming a ReadProblem instead of stopping the file, grouping by conversation id and
// ordering by time or by row.
import { InputError, type Conversation, type ReadProblem, Role, SkippedCounts, SourcePoint, Utterance } from '../core/types.js';
import { isMediaPlaceholder, isMediaType, parseFlag } from './fields.js';
import { parseRole, ROLE_HINT, type RoleMap } from './roles.js';
import type { LineMap } from './positions.js';
import { parseTime } from './time.js';

/** A field's value and where it is in the file (worked out only when a problem needs it; called as a method). */
export interface Located<T = unknown> {
  value: T;
  at: () => SourcePoint;
}

/** The conversation-level fields an export may repeat on every message. */
export const CONVERSATION_FIELDS = ['complete', 'excerpt', 'lang', 'channel'] as const;

/** One message of an export, before it is judged. */
export interface RawMessage {
  /** The record's place (row or line), for problems about the whole record. */
  at: () => SourcePoint;
  conversation?: string;
  role?: Located;
  speaker?: string;
  time?: string;
  type?: string;
  id?: string;
  text?: Located & { locate?: (i: number) => SourcePoint };
  /** Conversation-level fields, when the export repeats them on messages. */
  complete?: unknown;
  excerpt?: unknown;
  lang?: unknown;
  channel?: unknown;
}

export function problemAt(at: SourcePoint, message: string, hint: string): ReadProblem {
  return { message, hint, line: at.line, column: at.column, offset: at.offset };
}

/** A conversation that is only a record that could not be read. */
export function unreadable(problem: ReadProblem): Conversation {
  return { id: null, dialogue: false, units: [], problems: [problem] };
}

const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;

type Judged = { role: Role; text: string; locate: (i: number) => SourcePoint } | { skip: keyof SkippedCounts } | { problem: ReadProblem };

/** What a message is: a turn to lint, one to skip (and why), or a record that can't be read. */
function judge(m: RawMessage, roles: RoleMap): Judged {
  const media = m.type !== undefined && isMediaType(m.type);
  const t = m.text;
  if (t === undefined || t.value === null || t.value === undefined) {
    if (media) return { skip: 'media' };
    return {
      problem: problemAt(
        (t ?? m).at(),
        t ? 'the message text is null' : 'the message has no text',
        'give the text; an image or other non-text message needs a type column or field saying so (type: image)',
      ),
    };
  }
  if (typeof t.value !== 'string' && typeof t.value !== 'number')
    return { problem: problemAt(t.at(), `the message text must be text, not ${kindOf(t.value)}`, 'write the text as a string') };
  const text = String(t.value);
  if (media || isMediaPlaceholder(text)) return { skip: 'media' };
  if (text.trim() === '') return { skip: 'empty' };
  const r = m.role;
  if (r === undefined || r.value === null || r.value === undefined || r.value === '')
    return { problem: problemAt((r ?? m).at(), 'the message has no role', `say who wrote it: ${ROLE_HINT}`) };
  if (typeof r.value !== 'string') return { problem: problemAt(r.at(), `the role must be a name, not ${kindOf(r.value)}`, ROLE_HINT) };
  const role = parseRole(r.value, roles);
  if (!role) return { problem: problemAt(r.at(), `unknown role "${r.value}"`, ROLE_HINT) };
  const locate = t.locate ?? ((): SourcePoint => t.at());
  return { role, text, locate };
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/**
 * One conversation from its messages (already in order). Unreadable messages become problems of
 * the conversation; media and empty messages are counted. `fields` are conversation-level fields
 * of the export, which the messages' own repeated fields fill in where missing.
 */
export function buildConversation(
  id: string,
  messages: readonly RawMessage[],
  roles: RoleMap,
  fields: Partial<Pick<RawMessage, 'complete' | 'excerpt' | 'lang' | 'channel'>> = {},
): Conversation {
  const units: Utterance[] = [];
  const problems: ReadProblem[] = [];
  const skipped: SkippedCounts = { media: 0, empty: 0 };
  const f = { ...fields };
  for (let position = 0; position < messages.length; position++) {
    const m = messages[position]!;
    for (const k of CONVERSATION_FIELDS) if (f[k] === undefined && m[k] !== undefined && m[k] !== null && m[k] !== '') f[k] = m[k];
    const j = judge(m, roles);
    if ('problem' in j) problems.push(j.problem);
    else if ('skip' in j) skipped[j.skip]++;
    else {
      // The turn number is the message's place in the conversation, skipped messages counted, as in the file.
      const index = position;
      const u: Utterance = { id: m.id ?? `${id}#${index}`, conversationId: id, index, role: j.role, text: j.text, locate: j.locate };
      if (m.speaker !== undefined && m.speaker !== '') u.speaker = m.speaker;
      if (m.time !== undefined && m.time !== '') u.time = m.time;
      units.push(u);
    }
  }
  const c: Conversation = { id, dialogue: units.length > 0, units };
  // A dialogue that is not complete is an excerpt (position rules do not judge it).
  if (parseFlag(f.complete) === false || parseFlag(f.excerpt) === true) c.excerpt = true;
  const lang = stringOf(f.lang);
  const channel = stringOf(f.channel);
  if (lang !== undefined) c.lang = lang;
  if (channel !== undefined) c.channel = channel;
  if (problems.length) c.problems = problems;
  if (skipped.media || skipped.empty) c.skipped = skipped;
  return c;
}

/**
 * Flat messages (one per row or line) → conversations, grouped by their conversation id in order
 * of first appearance. Inside a conversation messages are ordered by time when every one of them
 * has a readable date and time, else kept in file order. Messages without an id all go to one
 * conversation named `fallbackId`.
 */
export function groupMessages(messages: readonly RawMessage[], roles: RoleMap, fallbackId: string): Conversation[] {
  const groups = new Map<string, RawMessage[]>();
  for (const m of messages) {
    const id = m.conversation ?? fallbackId;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = []));
    g.push(m);
  }
  const out: Conversation[] = [];
  for (const [id, g] of groups) {
    const times = g.map((m) => (m.time === undefined ? undefined : parseTime(m.time)));
    const ordered = times.every((t) => t?.dated)
      ? g
          .map((m, k) => ({ m, t: times[k]!.ms, k }))
          .sort((a, b) => a.t - b.t || a.k - b.k)
          .map((x) => x.m)
      : g;
    out.push(buildConversation(id, ordered, roles));
  }
  return out;
}

/**
 * An InputError of a record as a ReadProblem conversation, placed at the error's line and column;
 * `lines` (of the whole text) gives the offset of an error on another line than `fallback`.
 */
export function problemOf(err: unknown, fallback: SourcePoint, lines?: LineMap): Conversation {
  if (!(err instanceof InputError)) throw err;
  const { message, hint = '' } = err;
  if (err.line === undefined) return unreadable({ message, hint, line: fallback.line, column: fallback.column, offset: fallback.offset });
  const column = err.column ?? 1;
  const offset = lines ? lines.offsetOf(err.line, column) : err.line === fallback.line ? fallback.offset + column - fallback.column : fallback.offset;
  return unreadable({ message, hint, line: err.line, column, offset });
}
