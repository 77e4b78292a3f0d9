// A canned-reply library in JSON. Parsed with aslint's positional JSON parser (strict JSON, exact
// error positions, and the same string decoder as JSONL), not with the yaml package: YAML would
// accept what JSON doesn't (comments, single quotes, multi-line strings) and vice versa (\/).
import { InputError, type Conversation } from '../types.js';
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
