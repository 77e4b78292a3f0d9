// A canned-reply library in JSON. Parsed with aslint's positional JSON parser (strict JSON, exact
// error positions, and the same string decoder as JSONL), not with the yaml package: YAML would
// accept what JSON doesn't (comments, single quotes, multi-line strings) and vice versa (\/).
import { InputError, type Conversation, type Finding } from '../core/types.js';
import { coversOf, DISABLE_FIELD, fieldDirective, type Cover, type Directive, type Parsed } from './directives.js';
import type { InputFormat } from './format.js';
import { decodeJsonString, JsonSyntaxError, parseJson, type JNode } from './json.js';
import { LineMap } from './positions.js';
import { repliesOf, type RNode } from './replies.js';

export function jsonTree(node: JNode, text: string): RNode {
  switch (node.kind) {
    case 'object':
      return { kind: 'map', start: node.start, entries: node.entries.map((e) => ({ key: e.key, keyStart: e.keyStart, value: jsonTree(e.value, text) })) };
    case 'array':
      return { kind: 'seq', start: node.start, items: node.items.map((n) => jsonTree(n, text)) };
    case 'string':
      return { kind: 'scalar', start: node.start, value: node.value, decode: () => decodeJsonString(text, node.start) };
    default:
      return { kind: 'scalar', start: node.start, value: node.value };
  }
}

export function* jsonReplies(file: string, text: string): Generator<Conversation> {
  const lineMap = new LineMap(text);
  if (text.trim() === '') return;
  let root: JNode;
  try {
    root = parseJson(text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      const p = lineMap.point(err.offset);
      throw new InputError(`JSON syntax error: ${err.message}`, file, p.line, p.column, err.hint);
    }
    throw err;
  }
  yield* repliesOf(jsonTree(root, text), file, lineMap, 'JSON');
}

// Inline disables: the `aslint-disable` field of a reply.
function jsonDirectives(text: string): Parsed {
  if (text.trim() === '') return { directives: [], covers: [] };
  const lines = new LineMap(text);
  const starts = lines.starts;
  let root: JNode;
  try {
    root = parseJson(text);
  } catch {
    return { directives: [], covers: [] };
  }
  const directives: Directive[] = [];
  const covers: Cover[] = [];
  const plain = (n: JNode): unknown =>
    n.kind === 'object' ? Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)])) : n.kind === 'array' ? n.items.map(plain) : n.value;
  const walk = (n: JNode) => {
    if (n.kind === 'array') n.items.forEach(walk);
    if (n.kind !== 'object') return;
    for (const e of n.entries) {
      if (e.key === DISABLE_FIELD) {
        const line = lines.lineIndex(e.keyStart);
        const d = fieldDirective(plain(e.value), { offset: e.keyStart, endOffset: e.value.end, line: line + 1, column: e.keyStart - starts[line]! + 1 });
        directives.push(d);
        covers.push(...coversOf(d, n.start, n.end));
      } else walk(e.value);
    }
  };
  walk(root);
  return { directives, covers };
}

// --fix: a replacement written as a JSON string body.
/** The replacement as a JSON string body, in the file's style (\u escapes for non-ASCII if it uses them). */
function jsonReplacement(raw: string, finding: Finding): string | { reason: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(`"${raw}"`);
  } catch {
    return { reason: 'the span is not inside a JSON string' };
  }
  if (decoded !== finding.text) return { reason: 'the span in the file does not read as the flagged text' };
  let body = JSON.stringify(finding.fix!.replacement).slice(1, -1);
  const asciiOnly = /\\u[0-9a-fA-F]{4}/.test(raw) && !/[^\x00-\x7f]/.test(raw);
  if (asciiOnly) body = body.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return body;
}

export const repliesJsonFormat: InputFormat<'replies-json'> = {
  name: 'replies-json',
  summary: 'canned-reply library in JSON: a list or a map of replies (id, text, tags)',
  extensions: ['.json'],
  sniffUnknownName: (head) => /^\s*[[{]/.test(head.replace(/^\ufeff/, '')),
  read: (input) =>
    (async function* () {
      yield* jsonReplies(input.path, await input.text());
    })(),
  library: {
    directives: jsonDirectives,
    fixer: () => (site) => jsonReplacement(site.raw, site.finding),
  },
};
