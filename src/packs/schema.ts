// JSON Schema of a rule pack, made from the check kinds' own schemas so that the loader, the
// docs and the editor schemas cannot drift apart.
import { SEVERITIES, type JsonSchema } from '../core/types.js';
import { packKinds } from '../checks/index.js';
import type { CheckKind } from '../checks/kind.js';
import { id, pinnedExample, text } from '../glossary/schema.js';

/** One turn: `{customer: 在吗}`, with a `time` when the rule is about time (`{agent: 您好, time: '10:00:40'}`). */
const exampleTurn = {
  type: 'object',
  additionalProperties: false,
  properties: { agent: { type: 'string' }, customer: { type: 'string' }, system: { type: 'string' }, time: { type: 'string', minLength: 1 } },
  oneOf: [{ required: ['agent'] }, { required: ['customer'] }, { required: ['system'] }],
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
    anyOf: [{ type: 'object', additionalProperties: false, minProperties: 1, properties: { 'zh-Hans': text, 'zh-Hant': text, en: text } }, text],
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
