// Plain-text transcripts:
//   客服-小王：您好，请问有什么可以帮您？
//   2024-06-01 10:00:01 顾客：我的快递三天了还没到
//   [10:01] Agent (Amy): Sorry about that.
//   小美（客服）：给您添麻烦了
// A line starting with a role name (the aliases of roles.ts and the config's role map; a speaker
// as `-name`, `(name)`, glued to a Chinese role `客服小美`, or before the role `小美（客服）`;
// optionally after a time) and a colon (full-width or ASCII) starts a turn; a line without one continues the
// previous turn (joined with "\n"); a blank line ends the conversation. Conversation ids are
// `L<line of its first turn>`.
import type { Conversation, Role, SkippedCounts, SourcePoint, Utterance } from '../core/types.js';
import { isMediaPlaceholder } from './fields.js';
import type { InputFormat, InputOptions } from './format.js';
import type { Line } from './lines.js';
import { problemAt, unreadable } from './messages.js';
import { MapBuilder, OffsetMap } from './positions.js';
import { foldRoleMap, parseRole, roleNames, type RoleMap } from './roles.js';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An optional time before the role: `2024-06-01 10:00:01 `, `[10:00] `, `【10:00:01】`. */
const TIME = String.raw`(?:[\[【(（]?(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}:\d{2}(?::\d{2})?)(?:[\]】)）][ \t]*|[ \t]+))?`;
const OPEN = '[(（\\[【]';
const CLOSE = '[)）\\]】]';

/** Reads the role prefix of transcript lines, for one role map. */
class PrefixReader {
  /** time? role (-name | (name) | name glued to a Chinese role)? : */
  private readonly roleFirst: RegExp;
  /** time? name (role) : */
  private readonly nameFirst: RegExp;

  constructor(private readonly roles: RoleMap) {
    const names = `(${roleNames(roles).map(escapeRe).join('|')})`;
    this.roleFirst = new RegExp(
      `^[ \\t\\u3000]*${TIME}${names}(?:[ \\t]*[-－—–·][ \\t]*([^:：()（）\\n]{1,40}?)|[ \\t]*${OPEN}([^)）\\]】\\n]{0,40})${CLOSE}|([^:：()（）\\s\\[\\]【】]{1,20}?))?[ \\t]*[:：][ \\t\\u3000]*`,
      'i',
    );
    this.nameFirst = new RegExp(`^[ \\t\\u3000]*${TIME}([^:：()（）\\[\\]【】\\n]{1,30}?)[ \\t]*${OPEN}${names}${CLOSE}[ \\t]*[:：][ \\t\\u3000]*`, 'i');
  }

  /**
   * The lines of the text looksLikeTranscript read last (by line index; undefined where it did not
   * read one) and their prefixes: a .txt file is read twice, to tell its format and then its turns.
   */
  private sniffedLines: (string | undefined)[] = [];
  private sniffedPrefixes: (RolePrefix | undefined)[] = [];

  remember(lines: (string | undefined)[], prefixes: (RolePrefix | undefined)[]): void {
    this.sniffedLines = lines;
    this.sniffedPrefixes = prefixes;
  }

  /**
   * The role prefix of line `index` (0-based) of a text: what the last sniff found when it read
   * that very line (a prefix depends on the line's text alone; comparing texts measured cheaper
   * than hashing them into a map, which cost more than the regexes), else read().
   */
  readLine(line: string, index: number): RolePrefix | undefined {
    return this.sniffedLines[index] === line ? this.sniffedPrefixes[index] : this.read(line);
  }

  /** The role prefix of a line, or undefined. */
  read(line: string): RolePrefix | undefined {
    // Every prefix ends with a colon: a line without one (a continued turn) skips both regexes.
    if (line.indexOf(':') === -1 && line.indexOf('：') === -1) return undefined;
    const roles = this.roles;
    let m = this.roleFirst.exec(line);
    if (m) {
      const role = parseRole(m[2]!, roles);
      // A name glued to the role only after a Chinese role name (客服小美), never `Customers:`.
      if (role && !(m[5] !== undefined && /[A-Za-z]$/.test(m[2]!))) return prefix(role, m[1], (m[3] ?? m[4] ?? m[5])?.trim(), m[0].length);
    }
    m = this.nameFirst.exec(line);
    if (m) {
      const role = parseRole(m[3]!, roles);
      if (role) return prefix(role, m[1], m[2]!.trim(), m[0].length);
    }
    return undefined;
  }
}

/**
 * The prefix reader of a role map, built once per map rather than looked up by
 * JSON.stringify(roles) on every line: with the colon check and role names in a Map, the 47,492
 * lines of 5,000 small transcripts take 11.5 ms instead of 28 (measured; read twice per file,
 * sniffing and reading). Maps are the config's, folded: the same object per run when the config
 * has none (foldRoleMap's shared empty map), equal ones found by their content.
 */
function prefixReader(roles: RoleMap): PrefixReader {
  let reader = readersByMap.get(roles);
  if (!reader) {
    const key = JSON.stringify(roles);
    reader = readersByKey.get(key) ?? new PrefixReader(roles);
    readersByKey.set(key, reader);
    readersByMap.set(roles, reader);
  }
  return reader;
}

const readersByMap = new WeakMap<RoleMap, PrefixReader>();
const readersByKey = new Map<string, PrefixReader>();

export interface RolePrefix {
  role: Role;
  speaker?: string;
  time?: string;
  /** Length of the prefix (time, role, name, colon and the spaces after it). */
  length: number;
}

/**
 * The role prefix of a transcript line: `客服：`, `客服-小王：`, `客服小美：`, `Agent (Anna):`,
 * `小美（客服）：`, each optionally after a time (`2024-06-01 10:00:01 `, `[10:00] `).
 */
export function rolePrefix(line: string, roles: RoleMap = foldRoleMap(undefined)): RolePrefix | undefined {
  return prefixReader(roles).read(line);
}

function prefix(role: Role, time: string | undefined, speaker: string | undefined, length: number): RolePrefix {
  const p: RolePrefix = { role, length };
  if (speaker) p.speaker = speaker;
  if (time) p.time = time;
  return p;
}

/** Does this text look like a transcript (for detecting the format of a .txt file)? */
export function looksLikeTranscript(text: string, roles: RoleMap = foldRoleMap(undefined)): boolean {
  const reader = prefixReader(roles);
  let content = 0;
  let prefixed = 0;
  let first: boolean | undefined;
  const read: (string | undefined)[] = [];
  const prefixes: (RolePrefix | undefined)[] = [];
  // The first 200 lines, as text.split('\n', 200) gives them, one at a time: telling the format
  // of 5,000 small transcripts took 48-49 ms (fresh process, least of 8) with split and a for-of
  // loop, 43-45 ms so (warm: 18-19 → 16-17 ms).
  for (let start = 0, index = 0; index < 200 && start <= text.length; index++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const t = line.trim();
    if (t === '' || t.charCodeAt(0) === 0x23 /* # */) {
      read[index] = undefined;
      prefixes[index] = undefined;
      continue;
    }
    const prefix = reader.read(line);
    read[index] = line;
    prefixes[index] = prefix;
    const p = prefix !== undefined;
    // A text whose first line has no role prefix is no transcript, whatever follows.
    if (first === undefined && !p) break;
    first ??= p;
    content++;
    if (p) prefixed++;
    if (content >= 50) break;
  }
  reader.remember(read, prefixes);
  return first === true && prefixed * 3 >= content;
}

interface TurnLine {
  line: number;
  offset: number;
}

class TurnBuilder {
  /** The text after the prefix on the turn's first line, and where it starts. */
  private readonly first: string;
  private readonly start: number;
  /** The turn's first line. */
  private readonly firstLine: TurnLine;
  /** Built only when a line continues the turn: most turns are one line, their map one run. */
  private b: MapBuilder | undefined;
  /** The turn's lines, made only when a line continues it. */
  private lines: TurnLine[] | undefined;
  lastEnd: number;
  constructor(
    readonly role: Role,
    readonly speaker: string | undefined,
    readonly time: string | undefined,
    line: Line,
    prefix: number,
  ) {
    this.first = line.text.slice(prefix);
    this.start = line.offset + prefix;
    this.firstLine = { line: line.line, offset: line.offset };
    this.lastEnd = line.offset + line.text.length;
  }

  continue(line: Line): void {
    if (!this.b) {
      this.b = new MapBuilder(this.start);
      this.b.verbatim(this.first, this.start);
      this.lines = [this.firstLine];
    }
    this.b.escape('\n', this.lastEnd, 0);
    this.b.verbatim(line.text, line.offset);
    this.lines!.push({ line: line.line, offset: line.offset });
    this.lastEnd = line.offset + line.text.length;
  }

  build(convId: string, index: number): Utterance {
    let text: string;
    let locate: (i: number) => SourcePoint;
    if (this.b) {
      const built = this.b.finish(this.lastEnd);
      const { map } = built;
      const lines = this.lines!;
      text = built.text;
      locate = (i) => {
        const off = map.source(i);
        let k = lines.length - 1;
        while (k > 0 && lines[k]!.offset > off) k--;
        const l = lines[k]!;
        return { line: l.line, column: off - l.offset + 1, offset: off };
      };
    } else {
      // One line (most turns): no list of lines to search.
      const map = OffsetMap.linear(this.start, this.first.length);
      const { line, offset } = this.firstLine;
      text = this.first;
      locate = (i) => {
        const off = map.source(i);
        return { line, column: off - offset + 1, offset: off };
      };
    }
    const u: Utterance = { id: `${convId}#${index}`, conversationId: convId, index, role: this.role, text, locate };
    if (this.speaker !== undefined) u.speaker = this.speaker;
    if (this.time !== undefined) u.time = this.time;
    return u;
  }
}

export async function* textConversations(file: string, lines: AsyncIterable<Line[]>, options: InputOptions = {}): AsyncGenerator<Conversation> {
  const reader = prefixReader(foldRoleMap(options.roles));
  let convId: string | undefined;
  let units: Utterance[] = [];
  let turns = 0;
  let skipped: SkippedCounts = { media: 0, empty: 0 };
  let turn: TurnBuilder | undefined;
  const endTurn = (): void => {
    if (turn && convId) {
      // Turn numbers count skipped turns (an image, an empty message), as the other readers do.
      const u = turn.build(convId, turns++);
      if (u.text.trim() === '') skipped.empty++;
      else if (isMediaPlaceholder(u.text)) skipped.media++;
      else units.push(u);
    }
    turn = undefined;
  };
  const endConversation = (): Conversation | undefined => {
    endTurn();
    let c: Conversation | undefined;
    if (convId && turns > 0) {
      c = { id: convId, dialogue: units.length > 0, units };
      if (skipped.media || skipped.empty) c.skipped = skipped;
    }
    convId = undefined;
    units = [];
    turns = 0;
    skipped = { media: 0, empty: 0 };
    return c;
  };
  for await (const batch of lines) {
    for (const line of batch) {
      if (line.invalid) {
        yield unreadable(
          problemAt({ line: line.line, column: line.invalid.column, offset: line.offset + line.invalid.column - 1 }, line.invalid.message, line.invalid.hint),
        );
        continue;
      }
      if (line.text.trim() === '') {
        const c = endConversation();
        if (c) yield c;
        continue;
      }
      const p = reader.readLine(line.text, line.line - 1);
      if (p) {
        endTurn();
        convId ??= `L${line.line}`;
        turn = new TurnBuilder(p.role, p.speaker, p.time, line, p.length);
      } else if (turn) {
        turn.continue(line);
      } else {
        const column = line.text.length - line.text.trimStart().length + 1;
        yield unreadable(
          problemAt(
            { line: line.line, column, offset: line.offset + column - 1 },
            'a transcript line without a role, and no turn before it to continue',
            'start each turn with a role and a colon, such as 客服：, 顾客：, Agent: or Customer: (map other names in the config: input: { roles: { 名称: agent } }), or lint the file as a reply library',
          ),
        );
      }
    }
  }
  const c = endConversation();
  if (c) yield c;
}

export const textFormat: InputFormat<'text'> = {
  name: 'text',
  summary: 'text transcript: `客服：…` / `Customer: …` lines, optionally after a time, a blank line between conversations',
  extensions: ['.txt'],
  sniff: (head) => looksLikeTranscript(head),
  sniffUnknownName: (head) => looksLikeTranscript(head),
  read: (input, options) => textConversations(input.path, input.lines(), options),
};
