// Fuzzing the content formats: glossary, rule pack and config files (YAML), each read as aslint
// reads them. Anything but a positioned InputError (or a clean load) fails.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/discovery.js';
import { loadRulePacks } from '../../../src/packs/loader.js';
import { loadGlossary } from '../../../src/glossary/loader.js';
import { InputError } from '../../../src/core/types.js';
import { INPUT_TIME_LIMIT_MS } from './harness.js';

const RUNS_PER_FORMAT = Number(process.env.ASLINT_FUZZ_CONTENT_RUNS ?? 2_000);

const SHARED = [
  '\n',
  '  ',
  '    ',
  '- ',
  ': ',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '!x ',
  '|\n      ',
  '#',
  '\u0000',
  '\t',
  '1e309',
  '-1',
  'null',
  '~',
  ' ',
  '无条件退货',
  '[伪-們]',
  '(a+)+$',
  '(a|aa)+$',
  '- '.repeat(40),
];
const TOKENS = {
  glossary: [
    ...SHARED,
    'category: basic\n',
    'terms:\n',
    '  - id: t1\n',
    '    zh-Hans: 七日无理由退货\n',
    '    en: return\n',
    '    definition: {zh-Hans: 定义, en: def}\n',
    '    misuses:\n',
    '      - text: ',
    '        why: 原因\n',
    '    examples: {good: [好], bad: [无条件退货]}\n',
    '    variants: [',
    '    register: formal\n',
  ],
  rules: [
    ...SHARED,
    'pack: p\n',
    'rules:\n',
    '  - id: r1\n',
    '    kind: forbidden\n',
    '    kind: require\n',
    '    severity: error\n',
    '    phrases: [',
    '    regex: [',
    '    when: {role: customer, any: [',
    '    expect: {role: agent, within: ',
    '    message: m\n',
  ],
  config: [
    ...SHARED,
    'root: true\n',
    'extends: ',
    'aslint:recommended',
    './self.yaml',
    'severity:\n',
    "  'term/*': error\n",
    'ignores: [',
    'overrides:\n',
    '  - files: [',
    '    severity: {',
    'defaults: false\n',
    'glossary: ',
    'rules: ',
  ],
};

function textFor(tokens: string[]): fc.Arbitrary<string> {
  const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...tokens) }, { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) });
  return fc.array(token, { maxLength: 30 }).map((parts) => parts.join(''));
}

const dir = mkdtempSync(join(tmpdir(), 'aslint-fuzz-content-'));
const load: Record<keyof typeof TOKENS, (path: string) => unknown> = {
  glossary: (path) => loadGlossary([path]),
  rules: (path) => loadRulePacks([path]),
  config: (path) => loadConfigFile(path),
};

describe('fuzzing the content formats', () => {
  it.each(Object.keys(TOKENS) as (keyof typeof TOKENS)[])(
    '%s files: a clean load or a positioned input error, quickly',
    async (kind) => {
      const path = join(dir, kind === 'config' ? 'self.yaml' : `${kind}.yaml`);
      let errors = 0;
      await fc.assert(
        fc.asyncProperty(textFor(TOKENS[kind]), async (text) => {
          writeFileSync(path, text);
          const started = performance.now();
          try {
            await load[kind](path);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            if (e.file === undefined) throw new Error(`an input error without a file: ${e.format()}`, { cause: e });
            errors++;
          }
          if (performance.now() - started > INPUT_TIME_LIMIT_MS) throw new Error(`over ${INPUT_TIME_LIMIT_MS} ms`);
        }),
        { numRuns: RUNS_PER_FORMAT, seed: 7 + kind.length },
      );
      expect(errors).toBeLessThanOrEqual(RUNS_PER_FORMAT);
    },
    600_000,
  );
});
