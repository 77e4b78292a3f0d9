// The glossary checks of src/glossary/problems/, one by one, and the loader refusing a glossary
// with the same words as `aslint glossary check` (one rule, one home).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/yaml/file.js';
import { loadGlossary } from '../../src/glossary/loader.js';
import { duplicateId } from '../../src/glossary/problems/duplicate-id.js';
import { readEntries } from '../../src/glossary/problems/entries.js';
import { plainWording } from '../../src/glossary/problems/plain-wording.js';
import { inputErrorOf } from '../helpers.js';

const TERM = (id: string, extra = '') => `  - id: ${id}\n    zh-Hans: 退货${id}\n    en: return ${id}\n    definition: {zh-Hans: 退回商品。, en: Sending goods back.}\n${extra}`;
const dir = mkdtempSync(join(tmpdir(), 'aslint-problems-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('glossary problems', () => {
  it('duplicate-id: the later term, at its id, naming where the first is', () => {
    const file = parseYaml('a.yaml', `category: basic\nterms:\n${TERM('a')}${TERM('b')}${TERM('a')}`);
    const { entries, problems } = readEntries(file);
    expect(problems).toEqual([]);
    expect(duplicateId.between(entries)).toEqual([
      { kind: 'duplicate-id', severity: 'error', message: 'duplicate term id "a" (first defined at a.yaml:3:5)', hint: 'Give each term its own id.', file: 'a.yaml', line: 11, column: 9, termId: 'a' },
    ]);
  });

  it('plain-wording: a formal term without one is an error at `register`; with a Chinese one only, a warning at `plain`', () => {
    const file = parseYaml('f.yaml', `category: basic\nterms:\n${TERM('a', '    register: formal\n')}${TERM('b', '    register: formal\n    plain: 退东西\n')}`);
    const [a, b] = readEntries(file).entries;
    expect(plainWording.term(a!)).toEqual([
      { kind: 'missing-language', severity: 'error', message: 'formal term "a" has no plain wording', hint: 'Add `plain:` with what to say to a customer instead.', file: 'f.yaml', line: 7, column: 15, termId: 'a' },
    ]);
    expect(plainWording.term(b!).map((p) => [p.severity, p.line, p.message])).toEqual([['warning', 13, 'formal term "b" has no English plain wording']]);
  });

  it('the loader stops at the same problems with the same words', async () => {
    const formal = write('formal.yaml', `category: basic\nterms:\n${TERM('a', '    register: formal\n')}`);
    expect(await inputErrorOf(() => loadGlossary([formal]))).toBe(`${formal}:7:15: formal term "a" has no plain wording\n  Add \`plain:\` with what to say to a customer instead.`);
    const one = write('one.yaml', `category: basic\nterms:\n${TERM('a')}`);
    const two = write('two.yaml', `category: element\nterms:\n${TERM('b')}${TERM('a')}`);
    expect(await inputErrorOf(() => loadGlossary([one, two]))).toBe(`${two}:7:9: duplicate term id "a" (first defined at ${one}:3:5)\n  Give each term its own id.`);
    // A warning of `glossary check` does not stop the loader.
    const warned = write('warned.yaml', `category: basic\nterms:\n${TERM('b', '    register: formal\n    plain: 退东西\n')}`);
    expect((await loadGlossary([warned])).terms.map((t) => [t.id, t.plain?.['zh-Hans']])).toEqual([['b', '退东西']]);
  });

  it('invalid: a term without id and a misuse without text are read, and said', () => {
    const file = parseYaml('i.yaml', `category: basic\nterms:\n  - zh-Hans: 退货\n    en: return\n    definition: {zh-Hans: 退回。, en: Back.}\n    misuses:\n      - why: 不对\n`);
    const { entries, problems } = readEntries(file);
    expect(entries.map((e) => [e.id, e.misuses.length])).toEqual([['#1', 0]]);
    expect(problems.map((p) => [p.kind, p.line, p.column, p.message])).toEqual([
      ['invalid', 3, 5, 'term #1 has no id'],
      ['invalid', 7, 9, 'misuse 1 of "#1" has no text'],
    ]);
  });
});
