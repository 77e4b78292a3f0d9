// The JSON Schemas shipped in schemas/ for editors (yaml-language-server, VS Code): made from the
// same schemas the loaders validate with, which in turn come from the check kinds. A test keeps
// the committed files equal to what this module produces.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '../core/types.js';
import { configSchema } from './config-schema.js';
import { glossarySchema } from '../glossary/schema.js';
import { packEditorSchema } from '../packs/schema.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** The file names in schemas/. */
export const EDITOR_SCHEMA_FILES = {
  config: 'config.schema.json',
  glossary: 'glossary.schema.json',
  rules: 'rule-pack.schema.json',
} as const;

/** Every editor schema by file name. */
export function editorSchemas(): Record<string, JsonSchema> {
  return {
    [EDITOR_SCHEMA_FILES.config]: {
      $schema: DRAFT_07,
      title: 'aslint configuration (aslint.config.yaml)',
      ...configSchema,
    },
    [EDITOR_SCHEMA_FILES.glossary]: {
      $schema: DRAFT_07,
      title: 'aslint glossary (one category of service terms)',
      ...glossarySchema,
    },
    [EDITOR_SCHEMA_FILES.rules]: packEditorSchema(),
  };
}

/** The text of a schema file. */
export function renderSchema(schema: JsonSchema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Writes every editor schema into a folder (the package's schemas/). */
export function writeEditorSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(editorSchemas()).map(([name, schema]) => {
    const path = join(dir, name);
    writeFileSync(path, renderSchema(schema));
    return path;
  });
}
