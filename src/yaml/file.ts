// Reads a YAML data file (glossary, rule pack, config) and validates it against a JSON Schema,
// turning every problem into an InputError at the exact line and column of the offending node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import { InputError, type JsonSchema } from '../core/types.js';
import { decodeBytes } from '../sources/encoding.js';
import { LineMap } from '../sources/positions.js';
import { regexProblem } from './regex-safety.js';
import {
  aliasCycleAt,
  ALIAS_BOMB_HINT,
  ALIAS_BOMB_MESSAGE,
  ALIAS_CYCLE_HINT,
  ALIAS_CYCLE_MESSAGE,
  firstAliasAt,
  assertYamlNesting,
} from '../sources/yaml-limits.js';

/** What is wrong with each regex that failed the `regex` format, for its error message. */
const regexProblems = new Map<string, string>();
let validator: AjvInstance | undefined;
/** ajv, loaded when a file is first validated: a run whose content comes from the cache never loads it. */
function ajv(): AjvInstance {
  if (validator) return validator;
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  validator = new Ajv({ allErrors: false, strict: false });
  validator.addFormat('regex', {
    type: 'string',
    validate: (source: string) => {
      const problem = regexProblem(source);
      if (problem) regexProblems.set(source, problem);
      return problem === null;
    },
  });
  return validator;
}
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

export interface YamlFile {
  path: string;
  doc: Document.Parsed;
  data: unknown;
  /** Line and column of the node at a data path (the closest existing ancestor). */
  positionOf(path: readonly (string | number)[], key?: boolean): { line: number; column: number };
  /** An InputError at the node of a data path. */
  error(path: readonly (string | number)[], message: string, hint?: string, key?: boolean): InputError;
}

export function readYamlFile(path: string): YamlFile {
  return parseYaml(path, readYamlText(path));
}

/**
 * The text of a glossary, rule pack or config file, decoded like inputs (UTF-8, UTF-16 with a
 * BOM, GB18030, Big5): a file saved in GB18030 by a Windows editor is read, not turned into
 * mojibake; bytes no encoding explains are an error at their line and column.
 */
export function readYamlText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, path, undefined, undefined, 'Check the path.');
  }
  return decodeBytes(bytes, path).text;
}

export function parseYaml(path: string, source: string): YamlFile {
  const body = source.replace(/^\uFEFF/, '');
  const lines = new LineMap(body);
  assertYamlNesting(body, path, lines);
  const doc = parseDocument(body, { prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const at = lines.point(problem.pos[0]);
    throw new InputError(`YAML syntax error: ${problem.message.split('\n')[0]}`, path, at.line, at.column, 'Fix the YAML syntax at this place.');
  }
  const cycle = aliasCycleAt(doc);
  if (cycle >= 0) {
    const at = lines.point(cycle);
    throw new InputError(ALIAS_CYCLE_MESSAGE, path, at.line, at.column, ALIAS_CYCLE_HINT);
  }
  const suspicious = contentProblem(doc);
  if (suspicious) {
    const at = lines.point(suspicious.offset);
    throw new InputError(suspicious.message, path, at.line, at.column, suspicious.hint);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // The yaml package's guard against alias bombs throws a ReferenceError without a place.
    if (!(e instanceof ReferenceError)) throw e;
    const at = lines.point(firstAliasAt(doc));
    throw new InputError(ALIAS_BOMB_MESSAGE.replace(/ to more than [\d,]+ nodes/, ' too far'), path, at.line, at.column, ALIAS_BOMB_HINT);
  }
  const positionOf = (dataPath: readonly (string | number)[], key = false) => {
    let node: unknown = doc.contents;
    let found: { range?: [number, number, number] | null } | undefined = doc.contents as Node | undefined;
    for (let i = 0; i < dataPath.length; i++) {
      const seg = dataPath[i]!;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        if (key && i === dataPath.length - 1) {
          found = pair.key as Node;
          break;
        }
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node) {
        node = (node as { items: unknown[] }).items[Number(seg)];
      } else break;
      if (node && typeof node === 'object' && 'range' in node) found = node as Node;
    }
    const offset = found?.range?.[0] ?? 0;
    const { line, column } = lines.point(offset);
    return { line, column };
  };
  return {
    path,
    doc,
    data,
    positionOf,
    error(dataPath, message, hint, key) {
      const pos = positionOf(dataPath, key);
      return new InputError(message, path, pos.line, pos.column, hint);
    },
  };
}

/**
 * What YAML accepts but an aslint content file never means: a tag of its own (`!custom`), a
 * control character such as NUL in text, a number too large to be one (1e309), text that is
 * only white space (a misuse " " would flag every space).
 */
function contentProblem(doc: Document.Parsed): { offset: number; message: string; hint: string } | null {
  const tagWarning = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tagWarning)
    return {
      offset: tagWarning.pos[0],
      message: `unknown YAML tag: ${tagWarning.message.split('\n')[0]}`,
      hint: 'Remove the tag (!name): aslint files hold plain text, numbers and lists.',
    };
  let found: { offset: number; message: string; hint: string } | null = null;
  visit(doc, {
    Scalar(_key, node) {
      const offset = node.range?.[0] ?? 0;
      const v = node.value;
      const control = typeof v === 'string' ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(v) : null;
      if (control)
        found = {
          offset,
          message: `a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) in text`,
          hint: 'Remove it: text in aslint files is what people write.',
        };
      else if (typeof v === 'string' && v.length > 0 && v.trim() === '')
        found = { offset, message: 'text that is only white space', hint: 'Write the words, or remove the entry.' };
      else if (typeof v === 'number' && !Number.isFinite(v))
        found = { offset, message: `a number too large to use: ${node.source ?? String(v)}`, hint: 'Write a whole number of a reasonable size.' };
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

function describe(error: ErrorObject, data: unknown): { message: string; key: boolean; extra?: string } {
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      return { message: `unknown key "${name}"`, key: true, extra: name };
    }
    case 'required':
      return { message: `missing required key "${(error.params as { missingProperty: string }).missingProperty}"`, key: false };
    case 'enum':
      return { message: `must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`, key: false };
    case 'format':
      return { message: (typeof data === 'string' && regexProblems.get(data)) || 'is not a valid regular expression (JavaScript syntax, u flag)', key: false };
    default:
      return { message: error.message ?? 'is invalid', key: false };
  }
}

/** Validates data against a JSON Schema; the first problem becomes an InputError at its node. */
export function validate(file: YamlFile, data: unknown, schema: JsonSchema, basePath: readonly (string | number)[], what: string): void {
  let check = compiled.get(schema);
  if (!check) {
    check = ajv().compile(schema);
    compiled.set(schema, check);
  }
  if (check(data)) return;
  const error = check.errors![0]!;
  const path = [
    ...basePath,
    ...error.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')),
  ];
  const { message, key, extra } = describe(error, valueAt(data, path.slice(basePath.length)));
  const fullPath = extra ? [...path, extra] : path;
  const where = fullPath.map((s, i) => (/^\d+$/.test(String(s)) ? `[${s}]` : `${i > 0 ? '.' : ''}${s}`)).join('');
  const name = where ? `${what} ${where}` : what;
  throw file.error(fullPath, `${name}: ${message}`, 'See docs/formats.md for what this file may contain.', key);
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[String(seg)] : undefined;
  return v;
}
