import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePacks } from '../../src/packs/loader.js';
import { loadGlossary } from '../../src/glossary/loader.js';
import { InputError } from '../../src/core/types.js';

const dir = mkdtempSync(join(tmpdir(), 'aslint-load-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).format();
  }
  throw new Error('no error');
}
async function asyncErrorOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).format();
  }
  throw new Error('no error');
}

const RULE = `pack: p
rules:
  - id: a
    kind: forbidden
    severity: error
    phrases: [不关我事]
`;

describe('rule pack validation', () => {
  it('loads a valid pack', () => {
    expect(loadRulePacks([file('ok.yaml', RULE)]).map((r) => r.id)).toEqual(['p/a']);
  });
  it('names an unknown key at its line and column', () => {
    const path = file('unknown.yaml', RULE + '    phrase: [x]\n');
    expect(errorOf(() => loadRulePacks([path]))).toBe(
      `${path}:7:5: rule "a": rules[0].phrase: unknown key "phrase"\n  See docs/formats.md for what this file may contain.`,
    );
  });
  it('names an unknown severity', () => {
    const path = file('severity.yaml', RULE.replace('severity: error', 'severity: fatal'));
    expect(errorOf(() => loadRulePacks([path]))).toBe(
      `${path}:5:15: rule "a": rules[0].severity: must be one of: error, warning, info\n  See docs/formats.md for what this file may contain.`,
    );
  });
  it('names an unknown kind', () => {
    const path = file('kind.yaml', RULE.replace('kind: forbidden', 'kind: banned'));
    expect(errorOf(() => loadRulePacks([path]))).toMatch(
      new RegExp(`^${path}:4:11: rule pack rules\\[0\\]\\.kind: must be one of: forbidden, require, position, conditional`),
    );
  });
  it('names a wrong type', () => {
    const path = file('type.yaml', RULE.replace('phrases: [不关我事]', 'phrases: 不关我事'));
    expect(errorOf(() => loadRulePacks([path]))).toMatch(`${path}:6:14: rule "a": rules[0].phrases: must be array`);
  });
  it('names an invalid regex', () => {
    const path = file('regex.yaml', RULE + "    regex: ['你(去问']\n");
    expect(errorOf(() => loadRulePacks([path]))).toMatch(`${path}:7:13: rule "a": rules[0].regex[0]: is not a valid regular expression`);
  });
  it('names a duplicate id with both places', () => {
    const path = file('dup.yaml', RULE + RULE.split('\n').slice(2).join('\n'));
    expect(errorOf(() => loadRulePacks([path]))).toMatch(`${path}:7:9: duplicate rule id "p/a" (first defined at ${path}:3:5)`);
  });
  it('names a YAML syntax error', () => {
    const path = file('syntax.yaml', 'pack: p\nrules:\n  - id: [a\n');
    expect(errorOf(() => loadRulePacks([path]))).toMatch(new RegExp(`^${path}:\\d+:\\d+: YAML syntax error`));
  });
});

const TERM = `category: basic
terms:
  - id: t
    zh-Hans: 价保
    en: price protection
    definition: { zh-Hans: 降价补差。, en: Refund of a price drop. }
`;

describe('glossary validation', () => {
  it('derives zh-Hant when it is left out', async () => {
    const g = await loadGlossary([file('g.yaml', TERM.replace('价保', '软件'))]);
    expect(g.terms[0]).toMatchObject({ 'zh-Hans': '软件', 'zh-Hant': '軟體', zhHantGiven: false, category: 'basic', origin: { line: 3, column: 5 } });
  });
  it('names an unknown category', async () => {
    const path = file('cat.yaml', TERM.replace('category: basic', 'category: misc'));
    expect(await asyncErrorOf(() => loadGlossary([path]))).toMatch(
      `${path}:1:11: glossary category: must be one of: basic, element, form, content, quality, statutory`,
    );
  });
  it('names a missing definition language', async () => {
    const path = file('def.yaml', TERM.replace(', en: Refund of a price drop.', ''));
    expect(await asyncErrorOf(() => loadGlossary([path]))).toMatch(`${path}:6:17: glossary terms[0].definition: missing required key "en"`);
  });
  it('loads a term with misuses and no examples (examples are optional)', async () => {
    const path = file('ex.yaml', TERM + '    misuses: [{text: 保价, why: 保价是运输保险}]\n');
    const glossary = await loadGlossary([path]);
    expect(glossary.terms[0]!.misuses).toEqual([{ text: '保价', why: '保价是运输保险' }]);
    expect(glossary.terms[0]!.examples).toEqual({ good: [], bad: [] });
  });
  it('names a duplicate term across files', async () => {
    const a = file('a.yaml', TERM);
    const b = file('b.yaml', TERM);
    expect(await asyncErrorOf(() => loadGlossary([a, b]))).toMatch(`${b}:3:9: duplicate term id "t" (first defined at ${a}:3:5)`);
  });
});
