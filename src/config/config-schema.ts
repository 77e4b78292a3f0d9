// The schema of aslint.config.yaml: validated on load (with positioned errors) and shipped as
// schemas/config.schema.json for editors.
import type { JsonSchema } from '../checks/kind.js';

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
  description:
    'Rule severities by rule id (`etiquette/blame-shifting`) or id prefix (`term/*`, `*`). The most specific key wins; `off` turns a rule off.',
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
      anyOf: [
        { $ref: '#/definitions/extendsItem' },
        { type: 'array', items: { $ref: '#/definitions/extendsItem' } },
      ],
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
    input: {
      type: 'object',
      additionalProperties: false,
      description: 'What the input files are.',
      properties: {
        excerpts: { type: 'boolean', description: 'The dialogues are excerpts, not whole conversations: position rules (greeting, closing) judge none of them.' },
      },
    },
    channel: {
      type: 'string',
      minLength: 1,
      description: 'The channel of conversations that name none (chat, email, social, …; default chat). Rules with `channel:` apply only to theirs.',
    },
  },
  definitions: {
    extendsItem: {
      anyOf: [
        { enum: [...PRESETS] },
        { type: 'string', pattern: '^(?!aslint:)', minLength: 1, description: 'The path of another config file.' },
      ],
    },
  },
};
