// Plain-text transcripts:
//   客服-小王：您好，请问有什么可以帮您？
//   顾客：我的快递三天了还没到
//   Agent (Amy): Sorry about that.
// A line starting with a role name (the aliases of roles.ts; optional speaker as `-name` or
// `(name)`) and a colon (full-width or ASCII) starts a turn; a line without one continues the
// previous turn (joined with "\n"); a blank line ends the conversation. Conversation ids are
// `L<line of its first turn>`.
import { InputError, type Conversation, type Role, type SourcePoint, type Utterance } from '../types.js';
import type { Line } from './lines.js';
import { MapBuilder } from './positions.js';
import { parseRole, roleNames } from './roles.js';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let prefixRe: RegExp | undefined;
/** The role prefix of a line: [whole prefix, name, speaker-after-dash, speaker-in-parens]. */
export function rolePrefix(line: string): { role: Role; speaker?: string; length: number } | undefined {
  prefixRe ??= new RegExp(
    `^[ \\t\\u3000]*(${roleNames().map(escapeRe).join('|')})` +
      `(?:[ \\t]*[-－—–·][ \\t]*([^:：()（）\\n]{1,40}?)|[ \\t]*[(（]([^)）\\n]{0,40})[)）])?[ \\t]*[:：][ \\t\\u3000]*`,
    'i',
  );
  const m = prefixRe.exec(line);
  if (!m) return undefined;
  const role = parseRole(m[1]!);
  if (!role) return undefined;
  const speaker = (m[2] ?? m[3])?.trim();
  return speaker ? { role, speaker, length: m[0].length } : { role, length: m[0].length };
}

/** Does this text look like a transcript (for detecting the format of a .txt file)? */
export function looksLikeTranscript(text: string): boolean {
  let content = 0;
  let prefixed = 0;
  let first: boolean | undefined;
  for (const line of text.split('\n', 200)) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const p = rolePrefix(line) !== undefined;
    first ??= p;
    content++;
    if (p) prefixed++;
    if (content >= 50) break;
  }
  return first === true && prefixed * 3 >= content;
}

interface TurnLine {
  line: number;
  offset: number;
}

class TurnBuilder {
  readonly b: MapBuilder;
  readonly lines: TurnLine[] = [];
  lastEnd: number;
  constructor(
    readonly role: Role,
    readonly speaker: string | undefined,
    line: Line,
    prefix: number,
  ) {
    this.b = new MapBuilder(line.offset + prefix);
    this.b.verbatim(line.text.slice(prefix), line.offset + prefix);
    this.lines.push({ line: line.line, offset: line.offset });
    this.lastEnd = line.offset + line.text.length;
  }

  continue(line: Line): void {
    this.b.escape('\n', this.lastEnd, 0);
    this.b.verbatim(line.text, line.offset);
    this.lines.push({ line: line.line, offset: line.offset });
    this.lastEnd = line.offset + line.text.length;
  }

  build(convId: string, index: number): Utterance {
    const { text, map } = this.b.finish(this.lastEnd);
    const lines = this.lines;
    const locate = (i: number): SourcePoint => {
      const off = map.source(i);
      let k = lines.length - 1;
      while (k > 0 && lines[k]!.offset > off) k--;
      const l = lines[k]!;
      return { line: l.line, column: off - l.offset + 1, offset: off };
    };
    const u: Utterance = { id: `${convId}#${index}`, conversationId: convId, index, role: this.role, text, locate };
    if (this.speaker !== undefined) u.speaker = this.speaker;
    return u;
  }
}

export async function* textConversations(file: string, lines: AsyncIterable<Line[]>): AsyncGenerator<Conversation> {
  let convId: string | undefined;
  let units: Utterance[] = [];
  let turn: TurnBuilder | undefined;
  const endTurn = (): void => {
    if (turn && convId) units.push(turn.build(convId, units.length));
    turn = undefined;
  };
  const endConversation = (): Conversation | undefined => {
    endTurn();
    const c = convId && units.length ? { id: convId, dialogue: true, units } : undefined;
    convId = undefined;
    units = [];
    return c;
  };
  for await (const batch of lines) {
    for (const line of batch) {
      if (line.text.trim() === '') {
        const c = endConversation();
        if (c) yield c;
        continue;
      }
      const p = rolePrefix(line.text);
      if (p) {
        endTurn();
        convId ??= `L${line.line}`;
        turn = new TurnBuilder(p.role, p.speaker, line, p.length);
      } else if (turn) {
        turn.continue(line);
      } else {
        throw new InputError(
          'a transcript line without a role, and no turn before it to continue',
          file,
          line.line,
          line.text.length - line.text.trimStart().length + 1,
          'start each turn with a role and a colon, such as 客服：, 顾客：, Agent: or Customer: (or lint the file as a reply library)',
        );
      }
    }
  }
  const c = endConversation();
  if (c) yield c;
}
