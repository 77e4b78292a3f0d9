// Every demo fixture linted as written, in Simplified, in Taiwan and Hong Kong Traditional, and with full-width
// Latin gives the same rule ids on the same turns: the defaults are script-blind.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/core';
import * as preset from 'opencc-js/preset';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintText, loadRuleSet, type RuleSet } from '../../src/index.js';
import { openSource } from '../../src/sources/index.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'demo');
const build = OpenCC.ConverterBuilder(preset);
const WRITINGS: Record<string, (text: string) => string> = {
  'mainland Simplified': build({ from: 'twp', to: 'cn' }),
  'Taiwan Traditional': build({ from: 'cn', to: 'twp' }),
  'Hong Kong Traditional': build({ from: 'cn', to: 'hk' }),
  'full-width Latin': (text) => text.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
};

/** The fixture's utterances as JSONL, with every text rewritten. */
async function asJsonl(file: string, rewrite: (text: string) => string): Promise<string> {
  const lines: string[] = [];
  for await (const c of (await openSource(file)).conversations) {
    if (c.dialogue) lines.push(JSON.stringify({ id: c.id, turns: c.units.map((u) => ({ role: u.role, text: rewrite(u.text) })) }));
    else for (const u of c.units) lines.push(JSON.stringify({ id: u.id, text: rewrite(u.text) }));
  }
  return lines.join('\n') + '\n';
}

async function ruleIdsByTurn(jsonl: string): Promise<string[]> {
  const result = await lintText(jsonl, 'jsonl', rules);
  return result.findings.map((f) => `${f.conversation ?? f.unit}#${f.turn ?? '-'} ${f.ruleId}`).sort();
}

let rules: RuleSet;
beforeAll(async () => {
  rules = await loadRuleSet();
});

const files = readdirSync(FIXTURES).filter((f) => /\.(jsonl|txt|ya?ml|json)$/.test(f));

describe('the defaults are script-blind', () => {
  it('has fixtures to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  for (const file of files) {
    for (const [writing, rewrite] of Object.entries(WRITINGS)) {
      it(`${file} in ${writing}`, async () => {
        const asWritten = await ruleIdsByTurn(await asJsonl(join(FIXTURES, file), (t) => t));
        expect(asWritten.length).toBeGreaterThan(0);
        expect(await ruleIdsByTurn(await asJsonl(join(FIXTURES, file), rewrite))).toEqual(asWritten);
      });
    }
  }
});
