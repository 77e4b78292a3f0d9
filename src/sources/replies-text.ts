// A reply library as plain text: each non-blank line is a reply (id `L<line>`, leading and
// trailing whitespace not part of it); lines starting with `#` are comments.
import type { Conversation } from '../types.js';
import type { Line } from './lines.js';
import { OffsetMap, pointOnLine } from './positions.js';

export async function* textReplies(lines: AsyncIterable<Line[]>): AsyncGenerator<Conversation> {
  for await (const batch of lines) {
    for (const l of batch) {
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
