// An unreadable record's finding is placed by its offset too: line, column and offset agree
// (they came out as offset 0 or one off for errors past the first line; found by the fuzz test).
import { describe, expect, it } from 'vitest';
import { LineMap, openText } from '../../src/sources/index.js';
import type { ReadProblem, SourceFormat } from '../../src/core/types.js';

async function problems(format: SourceFormat, text: string): Promise<(ReadProblem & { at: string })[]> {
  const out: (ReadProblem & { at: string })[] = [];
  const lines = new LineMap(text);
  for await (const c of openText(`x.${format}`, text, format).conversations) {
    for (const p of c.problems ?? []) {
      const q = lines.point(p.offset);
      out.push({ ...p, at: `${q.line}:${q.column}` });
    }
  }
  return out;
}

describe('unreadable records', () => {
  it.each([
    ['replies-yaml', '\n- ', '2:3'],
    ['replies-yaml', '- ', '1:3'],
    ['replies-yaml', '- id: a\n  text: 好\n- id: b\n', '3:3'],
    ['json', '\n\\ud83d', '2:1'],
    ['replies-json', '[{"id": "a", "text": "好"},\n {"id": "b"}]', '2:2'],
    ['csv', '\n ', '2:1'],
  ] as [SourceFormat, string, string][])('%s %j: the offset is at the line and column', async (format, text, at) => {
    const [p, ...rest] = await problems(format, text);
    expect(rest).toEqual([]);
    expect([`${p!.line}:${p!.column}`, p!.at]).toEqual([at, at]);
  });
});
