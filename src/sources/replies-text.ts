// A reply library as plain text: each non-blank line is a reply (id `L<line>`, leading and
// trailing whitespace not part of it); lines starting with `#` are comments.
import type { Conversation, Finding } from '../core/types.js';
import { commentDirectives, commentLines, lineEnd, type Parsed } from './directives.js';
import type { InputFormat } from './format.js';
import type { Line } from './lines.js';
import { LineMap, OffsetMap, pointOnLine } from './positions.js';
import { problemAt, unreadable } from './messages.js';

export async function* textReplies(lines: AsyncIterable<Line[]>): AsyncGenerator<Conversation> {
  for await (const batch of lines) {
    for (const l of batch) {
      if (l.invalid) {
        yield unreadable(problemAt({ line: l.line, column: l.invalid.column, offset: l.offset + l.invalid.column - 1 }, l.invalid.message, l.invalid.hint));
        continue;
      }
      const text = l.text.trim();
      if (text === '' || text.startsWith('#')) continue;
      const lead = l.text.length - l.text.trimStart().length;
      const map = OffsetMap.linear(l.offset + lead, text.length);
      yield {
        id: null,
        dialogue: false,
        units: [
          {
            id: `L${l.line}`,
            conversationId: null,
            index: null,
            role: 'agent',
            text,
            locate: (i) => pointOnLine(l.line, l.offset, map.source(i)),
          },
        ],
      };
    }
  }
}

// Inline disables: `# aslint-disable…` comment lines.
function textDirectives(text: string): Parsed {
  const lines = new LineMap(text);
  const starts = lines.starts;
  const comments = commentLines(text, starts, () => false);
  return commentDirectives(text, starts, comments, (line) => [starts[line]!, lineEnd(text, starts, line)]);
}

// --fix: the replacement as it is, on one line.
function textReplacement(text: string, start: number, raw: string, finding: Finding): string | { reason: string } {
  const rep = finding.fix!.replacement;
  if (raw !== finding.text) return { reason: 'the span in the file does not read as the flagged text' };
  if (/[\n\r]/.test(rep)) return { reason: 'the replacement has a line break' };
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() === '' && rep.trimStart().startsWith('#')) return { reason: 'the replacement would turn the line into a comment' };
  return rep;
}

export const repliesTextFormat: InputFormat<'replies-text'> = {
  name: 'replies-text',
  summary: 'canned-reply library as text: one reply per line, # comments',
  extensions: ['.txt'],
  read: (input) => textReplies(input.lines()),
  library: {
    directives: textDirectives,
    fixer: (text) => (site) => textReplacement(text, site.start, site.raw, site.finding),
  },
};
