// Property tests: whatever surrounds a fixable misuse in a JSON or YAML library (quotes,
// backslashes, escapes, astral characters, other replies), --fix changes exactly the misuse, the
// file still parses, and a second pass finds nothing more to fix.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/runner/fix.js';
import { lintDocument } from '../../src/engine/lint.js';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { openText } from '../../src/sources/index.js';
import type { Finding } from '../../src/core/types.js';
import type { SourceFormat } from '../../src/sources/index.js';
import { testRuleSet } from '../helpers.js';

let rules: RuleSet;
beforeAll(async () => {
  rules = await testRuleSet();
});

async function findings(text: string, format: SourceFormat): Promise<Finding[]> {
  const out: Finding[] = [];
  for await (const c of lintDocument(openText('p', text, format), rules)) out.push(...c.findings);
  return out;
}

async function texts(text: string, format: SourceFormat): Promise<string[]> {
  const out: string[] = [];
  for await (const c of openText('p', text, format).conversations) for (const u of c.units) out.push(u.text);
  return out;
}

// Pieces that never make a finding of their own, with characters that need escaping or care.
// (No full-width punctuation such as ，: script detection counts it as Traditional today, which
// would change the suggested script, not the fix's mechanics tested here.)
const filler = fc
  .array(fc.constantFrom('您好', '"', '\\', "'", ' ', '\t', '𠀀', 'é', '。', '#', ':', 'a', '\u2028', '{', '}', '- '), { maxLength: 6 })
  .map((a) => a.join(''));
const reply = fc.tuple(filler, fc.boolean(), filler).map(([a, misuse, b]) => `${a}${misuse ? '无条件退货' : '七日无理由退货'}${b}`);
const library = fc.array(reply, { minLength: 1, maxLength: 4 });

async function roundTrip(text: string, format: SourceFormat, before: string[]) {
  const first = await applyFixes('p', text, format, await findings(text, format));
  const after = await texts(first.output, format);
  expect(after).toEqual(before.map((t) => t.replaceAll('无条件退货', '七日无理由退货')));
  const again = await applyFixes('p', first.output, format, await findings(first.output, format));
  expect(again.output).toBe(first.output);
  return first;
}

describe('--fix round trips (property)', () => {
  it('JSON libraries, written plainly or with \\u escapes', async () => {
    await fc.assert(
      fc.asyncProperty(library, fc.boolean(), async (replies, ascii) => {
        let text = JSON.stringify(
          replies.map((t, i) => ({ id: `r${i}`, text: t })),
          null,
          2,
        );
        if (ascii) text = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        const r = await roundTrip(text, 'replies-json', replies);
        expect(r.skipped.filter((s) => s.finding.ruleId === 'term/seven-day-return')).toEqual([]);
        if (ascii) expect(/[^\x00-\x7f]/.test(r.output)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('YAML libraries in whatever style the yaml package writes them', async () => {
    await fc.assert(
      fc.asyncProperty(
        library,
        fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL'>,
        async (replies, style) => {
          const text = stringify(
            replies.map((t, i) => ({ id: `r${i}`, text: t })),
            { defaultStringType: style, lineWidth: 0 },
          );
          const before = await texts(text, 'replies-yaml');
          expect(before).toEqual(replies);
          // A misuse may be left alone (a span folded or escaped in the file), but never broken.
          const first = await applyFixes('p', text, 'replies-yaml', await findings(text, 'replies-yaml'));
          // Plain text around a misuse is always fixable in every style.
          if (replies.every((r) => /^[您好。a ]*(无条件退货|七日无理由退货)[您好。a ]*$/.test(r))) expect(first.skipped).toEqual([]);
          const after = await texts(first.output, 'replies-yaml');
          const fixedIds = new Set(first.applied.map((f) => f.unit));
          after.forEach((t, i) => {
            const expected = fixedIds.has(`r${i}`) ? replies[i]!.replaceAll('无条件退货', '七日无理由退货') : replies[i];
            // Only replies with every misuse fixed were fixed in full.
            if (fixedIds.has(`r${i}`)) expect(t.replaceAll('无条件退货', '七日无理由退货')).toBe(expected);
            else expect(t).toBe(expected);
          });
          const again = await applyFixes('p', first.output, 'replies-yaml', await findings(first.output, 'replies-yaml'));
          expect(again.applied).toEqual([]);
          expect(again.output).toBe(first.output);
        },
      ),
      { numRuns: 60 },
    );
  });
});
