// JSON Schemas of aslint's data files, made from the check kinds' own schemas so that the
// loader, the docs and the editor schemas cannot drift apart.
import { CATEGORIES } from '../glossary/model.js';
import { SEVERITIES } from '../core/types.js';
import { packKinds } from '../checks/index.js';
import type { CheckKind, JsonSchema } from '../checks/kind.js';

const text = { type: 'string', minLength: 1 };
const textList = { type: 'array', items: text };
const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' };

/** One turn: `{customer: 在吗}`, with a `time` when the rule is about time (`{agent: 您好, time: '10:00:40'}`). */
const exampleTurn = {
  type: 'object',
  additionalProperties: false,
  properties: { agent: { type: 'string' }, customer: { type: 'string' }, system: { type: 'string' }, time: { type: 'string', minLength: 1 } },
  oneOf: [{ required: ['agent'] }, { required: ['customer'] }, { required: ['system'] }],
};
/** A bad example pinned like prh's specs: the exact flagged text and the corrected sentence. */
const pinnedExample = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text, flags: { anyOf: [text, { type: 'array', minItems: 1, items: text }] }, fix: { type: 'string' } },
};
const example = {
  anyOf: [
    { type: 'object', additionalProperties: false, required: ['turns'], properties: { turns: { type: 'array', minItems: 1, items: exampleTurn } } },
    pinnedExample,
    text,
  ],
};

export const ruleCommonProperties: Record<string, JsonSchema> = {
  id,
  kind: { enum: packKinds().map((k) => k.name) },
  severity: { enum: [...SEVERITIES] },
  message: {
    anyOf: [
      { type: 'object', additionalProperties: false, minProperties: 1, properties: { 'zh-Hans': text, 'zh-Hant': text, en: text } },
      text,
    ],
  },
  description: text,
  lang: { type: 'array', minItems: 1, items: { enum: ['zh', 'zh-Hans', 'zh-Hant', 'en'] } },
  channel: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } },
  score: {
    type: 'object',
    additionalProperties: false,
    properties: { deduct: { type: 'number', minimum: 0 }, fatal: { type: 'boolean' } },
  },
  examples: {
    type: 'object',
    additionalProperties: false,
    properties: { good: { type: 'array', items: example }, bad: { type: 'array', items: example } },
  },
};

const ruleSchemas = new Map<string, JsonSchema>();

/** The schema of one rule of a kind: the common keys plus the kind's own (one object per kind, so ajv compiles it once). */
export function ruleSchema(kind: CheckKind<unknown>): JsonSchema {
  let schema = ruleSchemas.get(kind.name);
  if (!schema) {
    schema = {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'kind', 'severity', ...kind.required],
      properties: { ...ruleCommonProperties, ...kind.properties },
    };
    ruleSchemas.set(kind.name, schema);
  }
  return schema;
}

/** A rule pack, checked before each rule is checked against its kind's schema. */
export const packSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['pack', 'rules'],
  properties: {
    pack: id,
    description: text,
    rules: { type: 'array', items: { type: 'object', required: ['id', 'kind'], properties: { id, kind: ruleCommonProperties.kind } } },
  },
};

const localized = (required: string[]) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties: { 'zh-Hans': text, 'zh-Hant': text, en: text },
});

export const termSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'zh-Hans', 'en', 'definition'],
  properties: {
    id,
    'zh-Hans': text,
    'zh-Hant': text,
    en: text,
    definition: localized(['zh-Hans', 'en']),
    variants: textList,
    misuses: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'why'],
        properties: { text, why: { anyOf: [{ ...localized([]), minProperties: 1 }, text] }, alternatives: textList, except: textList },
      },
    },
    register: { enum: ['formal', 'plain', 'any'] },
    plain: { oneOf: [text, localized(['zh-Hans'])] },
    source: text,
    examples: {
      type: 'object',
      additionalProperties: false,
      properties: { good: textList, bad: { type: 'array', items: { anyOf: [pinnedExample, text] } } },
    },
  },
};

export const glossarySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'terms'],
  properties: {
    category: { enum: [...CATEGORIES] },
    description: text,
    terms: { type: 'array', items: termSchema },
  },
};

/** The schema editors use for a rule pack: each rule checked by its kind. */
export function packEditorSchema(): JsonSchema {
  return {
    ...packSchema,
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'aslint rule pack',
    properties: {
      ...(packSchema.properties as object),
      rules: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'kind', 'severity'],
          allOf: packKinds().map((k) => ({ if: { properties: { kind: { const: k.name } } }, then: ruleSchema(k) })),
        },
      },
    },
  };
}
