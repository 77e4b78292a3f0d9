// JSON Schema of a glossary file, and the schema parts that rule packs share with it.
import { CATEGORIES } from './model.js';
import type { JsonSchema } from '../core/types.js';

/** Text of at least one character. */
export const text = { type: 'string', minLength: 1 };
export const textList = { type: 'array', items: text };
export const id = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' };

/** A bad example pinned like prh's specs: the exact flagged text and the corrected sentence. */
export const pinnedExample = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text, flags: { anyOf: [text, { type: 'array', minItems: 1, items: text }] }, fix: { type: 'string' } },
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
