import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editorSchemas, EDITOR_SCHEMA_FILES, renderSchema, writeEditorSchemas } from '../../src/config/editor-schemas.js';
import { defaultGlossaryFiles, defaultRuleFiles, PACKAGE_ROOT } from '../../src/core/package.js';
import { TEST_DATA } from '../helpers.js';

const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');

// `ASLINT_UPDATE=1 npx vitest run test/config/editor-schemas.test.ts` rewrites schemas/ from the code.
if (process.env.ASLINT_UPDATE === '1') writeEditorSchemas(SCHEMAS_DIR);

function compile(name: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('regex', true);
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS_DIR, name), 'utf8')));
}

const yamlOf = (path: string) => parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
/** Bundled files that are valid YAML (YAML syntax is the loader tests' business, the schema is this test's). */
const parseable = (files: string[]) =>
  files.filter((f) => {
    try {
      yamlOf(f);
      return true;
    } catch {
      return false;
    }
  });

describe('editor schemas', () => {
  it('the committed schemas/*.schema.json are what the generator produces', () => {
    const generated = editorSchemas();
    const committed = readdirSync(SCHEMAS_DIR)
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    expect(committed).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) {
      expect(readFileSync(join(SCHEMAS_DIR, name), 'utf8'), `${name} is stale: run ASLINT_UPDATE=1 npx vitest run test/config/editor-schemas.test.ts`).toBe(
        renderSchema(schema),
      );
    }
  });

  it('the glossary schema accepts the bundled and test glossaries and rejects an unknown key', () => {
    const validate = compile(EDITOR_SCHEMA_FILES.glossary);
    for (const file of [...parseable(defaultGlossaryFiles()), join(TEST_DATA, 'glossary.yaml')]) {
      expect(validate(yamlOf(file)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const bad = yamlOf(join(TEST_DATA, 'glossary.yaml'));
    bad.terms[0].colour = 'red';
    expect(validate(bad)).toBe(false);
  });

  it('the rule-pack schema checks each rule against its own kind', () => {
    const validate = compile(EDITOR_SCHEMA_FILES.rules);
    for (const file of [...parseable(defaultRuleFiles()), join(TEST_DATA, 'rules.yaml')]) {
      expect(validate(yamlOf(file)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // `at` belongs to the position kind, not to forbidden.
    expect(validate({ pack: 'p', rules: [{ id: 'x', kind: 'forbidden', severity: 'error', phrases: ['a'], at: 'first' }] })).toBe(false);
    expect(validate({ pack: 'p', rules: [{ id: 'x', kind: 'position', severity: 'error', at: 'first', any: ['您好'] }] })).toBe(true);
    expect(validate({ pack: 'p', rules: [{ id: 'x', kind: 'forbidden', severity: 'fatal', phrases: ['a'] }] })).toBe(false);
  });

  it('the config schema accepts a full config and rejects mistakes', () => {
    const validate = compile(EDITOR_SCHEMA_FILES.config);
    const full = {
      root: true,
      extends: ['aslint:recommended', '../shared/aslint.config.yaml'],
      glossary: 'team-glossary.yaml',
      rules: ['team-rules.yaml'],
      severity: { 'term/*': 'error', 'etiquette/greeting': 'off', '*': 'warning' },
      overrides: [{ files: ['legacy/**'], excludeFiles: 'legacy/keep.yaml', severity: { 'term/price-protection': 'info' } }],
      ignores: ['archive/**'],
    };
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({})).toBe(true);
    expect(validate({ extends: 'aslint:nonsense' })).toBe(false);
    expect(validate({ severity: { 'term/*': 'fatal' } })).toBe(false);
    expect(validate({ severity: { 'Term Rule': 'off' } })).toBe(false);
    expect(validate({ overrides: [{ severity: {} }] })).toBe(false);
    expect(validate({ colour: 'red' })).toBe(false);
  });
});
