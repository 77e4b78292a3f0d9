// The schema of aslint.config.yaml: validated on load (with positioned errors) and shipped as
// schemas/config.schema.json for editors.
import type { JsonSchema } from '../core/types.js';
import { SOURCE_FORMATS } from '../sources/registry.js';

/** The message fields an export's columns (or JSON keys) can be mapped to. */
export const INPUT_FIELDS = ['conversation', 'role', 'speaker', 'time', 'text', 'id', 'type', 'complete', 'excerpt', 'lang', 'channel'] as const;

/** The built-in configurations `extends` may name. */
export const PRESETS = ['aslint:recommended', 'aslint:strict', 'aslint:replies', 'aslint:chat'] as const;
export type PresetName = (typeof PRESETS)[number];

export const CONFIG_SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export type ConfigSeverity = (typeof CONFIG_SEVERITIES)[number];

export const CONFIG_FILE_NAMES = ['aslint.config.yaml', 'aslint.config.yml'] as const;

const fileList = (what: string): JsonSchema => ({
  description: what,
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 } },
  ],
});

const severityMap: JsonSchema = {
  type: 'object',
  description: 'Rule severities by rule id (`etiquette/blame-shifting`) or id prefix (`term/*`, `*`). The most specific key wins; `off` turns a rule off.',
  propertyNames: { pattern: '^(\\*|[a-z0-9][a-z0-9-]*(/([a-z0-9][a-z0-9-]*|\\*))*)$' },
  additionalProperties: { enum: [...CONFIG_SEVERITIES] },
};

const globList = (what: string): JsonSchema => ({
  description: what,
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
  ],
});

/** A top-level key may also be left empty (`severity:` with only comments under it). */
function orEmpty(schema: JsonSchema): JsonSchema {
  const { description, ...rest } = schema;
  return { description, anyOf: [rest, { type: 'null' }] };
}

/** aslint.config.yaml */
export const configSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    root: {
      type: 'boolean',
      description: 'Stop looking for aslint.config.yaml in the folders above this one.',
    },
    extends: {
      description:
        'Configurations this one builds on, applied in order: built-in presets (aslint:recommended, aslint:strict, aslint:replies, aslint:chat) or paths of other config files, relative to this file.',
      anyOf: [{ $ref: '#/definitions/extendsItem' }, { type: 'array', items: { $ref: '#/definitions/extendsItem' } }],
    },
    defaults: {
      type: 'boolean',
      description: 'Load the bundled glossary and rule packs (default true; the presets set it).',
    },
    glossary: orEmpty(fileList('Extra glossary files (paths relative to this file), loaded after the bundled glossary.')),
    rules: orEmpty(fileList('Extra rule packs (paths relative to this file), loaded after the bundled packs.')),
    severity: orEmpty(severityMap),
    overrides: orEmpty({
      type: 'array',
      description: 'Severities for some files only: the last matching override wins.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files', 'severity'],
        properties: {
          files: globList('Globs (picomatch) of the files this override applies to, relative to this file.'),
          excludeFiles: globList('Globs of files left out of this override.'),
          severity: severityMap,
        },
      },
    }),
    ignores: orEmpty(globList('Globs (picomatch) of files never linted, relative to this file.')),
    files: orEmpty({
      type: 'array',
      description:
        'The files that are inputs, as globs relative to this file: a folder walk lints them whatever their content (other files found in a folder are linted only when they read as a transcript or reply library). An entry `{files: <globs>, format: <format>}` also states their format where the name and content cannot tell it (the last matching entry wins; --input-format wins over all).',
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            required: ['files'],
            properties: {
              files: globList('Globs (picomatch) of the files, relative to this file.'),
              format: { enum: [...SOURCE_FORMATS], description: 'The input format of these files (see docs/inputs.md).' },
            },
          },
        ],
      },
    }),
    input: orEmpty({
      type: 'object',
      additionalProperties: false,
      description: 'How chat exports name their columns and roles, where the names aslint knows (docs/inputs.md) do not cover them.',
      properties: {
        columns: {
          type: 'object',
          additionalProperties: false,
          description: 'A message field → the column (CSV, xlsx) or key (JSON) that holds it, e.g. `text: 聊天内容`, `conversation: 咨询单号`.',
          properties: Object.fromEntries(INPUT_FIELDS.map((f) => [f, { type: 'string', minLength: 1 }])),
        },
        roles: {
          type: 'object',
          description:
            "A role name of the export → the role it stands for, e.g. `小二: agent`, `智能助手: system`. Bots are `system`: their words are not judged as the agent's.",
          additionalProperties: { enum: ['agent', 'customer', 'system'] },
        },
        excerpts: {
          type: 'boolean',
          description: 'The conversations are excerpts (not whole dialogues): rules about the first and last turns do not judge them.',
        },
      },
    }),
    channel: {
      type: 'string',
      minLength: 1,
      description: 'The channel of conversations that name none (chat, email, social, …; default chat). Rules with `channel:` apply only to theirs.',
    },
  },
  definitions: {
    extendsItem: {
      anyOf: [{ enum: [...PRESETS] }, { type: 'string', pattern: '^(?!aslint:)', minLength: 1, description: 'The path of another config file.' }],
    },
  },
};
