// The rule-set cache: the glossary and rule packs are parsed and validated only when one of
// them changed; otherwise their validated content comes from the cache, keyed by aslint's version
// and every content file's path and bytes.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { loadContent, loadRuleSet } from '../../src/runner/rulesets.js';
import { InputError } from '../../src/core/types.js';
import { TEST_DATA } from '../helpers.js';

let dir: string;
let cacheDir: string;
let saved: string | undefined;
let sources: { defaults: false; glossary: string[]; rules: string[] };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-rulesets-'));
  cacheDir = join(dir, 'cache');
  saved = process.env.ASLINT_CACHE_DIR;
  process.env.ASLINT_CACHE_DIR = cacheDir;
  copyFileSync(join(TEST_DATA, 'glossary.yaml'), join(dir, 'glossary.yaml'));
  copyFileSync(join(TEST_DATA, 'rules.yaml'), join(dir, 'rules.yaml'));
  sources = { defaults: false, glossary: [join(dir, 'glossary.yaml')], rules: [join(dir, 'rules.yaml')] };
});
afterAll(() => {
  if (saved === undefined) delete process.env.ASLINT_CACHE_DIR;
  else process.env.ASLINT_CACHE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

const cached = () => readdirSync(cacheDir).filter((f) => f.startsWith('ruleset-'));

describe('the rule-set cache', () => {
  it('is written on the first load and read, not re-validated, while no content file changes', async () => {
    const first = await loadContent(sources);
    expect(cached()).toHaveLength(1);
    const file = join(cacheDir, cached()[0]!);
    // Mark the cached copy: a load that reads the cache sees the mark, one that parses the YAML would not.
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.rules[0].spec.message = 'from the cache';
    writeFileSync(file, JSON.stringify(data));
    const second = await loadContent(sources);
    expect(second.rules[0]!.spec.message).toBe('from the cache');
    expect(second.glossary).toEqual(first.glossary);
    writeFileSync(file, JSON.stringify(first));
  });
  it('gives the same findings as a rule set compiled from the YAML', async () => {
    const text = '本店支持无条件退货\n这不归我管，你去问别的部门\n我们会尽快处理';
    const fromCache = await lintText(text, 'replies-text', await loadRuleSet(sources));
    rmSync(cacheDir, { recursive: true, force: true });
    const fromYaml = await lintText(text, 'replies-text', await loadRuleSet(sources));
    expect(fromCache).toEqual(fromYaml);
    expect(fromYaml.findings.map((f) => f.ruleId)).toEqual(['term/seven-day-return', 'test/blame-shifting', 'test/blame-shifting', 'test/vague-time']);
  });
  it('loads and validates again when a content file changes, and reports its errors with their place', async () => {
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('message: 不要推诿。', 'message: 请不要推诿。'));
    expect((await loadContent(sources)).rules[0]!.spec.message).toBe('请不要推诿。');
    expect(cached()).toHaveLength(2);
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('kind: forbidden', 'kind: forbiden'));
    const error = await loadContent(sources).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe(rules);
    expect((error as InputError).line).toBe(4);
  });
});
