// A canned-reply library in YAML. Parsed with the yaml package, keeping its source tokens, so
// every reply's text maps back to its exact place (quoted, plain multi-line and block scalars).
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { InputError, type Conversation } from '../types.js';
import { LineMap, OffsetMap } from './positions.js';
import { repliesOf, type RNode } from './replies.js';
import { decodeYamlScalar, type ScalarToken } from './yaml-scalars.js';
import { ALIAS_BOMB_HINT, ALIAS_BOMB_MESSAGE, ALIAS_BUDGET, ALIAS_CYCLE_HINT, ALIAS_CYCLE_MESSAGE, yamlNestingProblem } from './yaml-limits.js';

/** An alias that expands too far or into itself, at the alias. */
class AliasProblem extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const HINTS: Record<string, string> = {
  BAD_INDENT: 'indent nested lines consistently, with spaces',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: "close the quote, bracket or brace that was opened (inside the text, write ' as '' in single quotes and \" as \\\" in double quotes)",
  DUPLICATE_KEY: 'each key may appear once in a map: rename or remove the duplicate',
  MULTILINE_IMPLICIT_KEY: 'quote text that contains ": " (colon and space), or write it as a block scalar (text: |)',
  BLOCK_AS_IMPLICIT_KEY: 'quote text that contains ": " (colon and space), or write it as a block scalar (text: |)',
  MULTIPLE_DOCS: 'keep one document per file (remove the extra ---)',
  BAD_DQ_ESCAPE: 'in double quotes write a backslash as \\\\, or use single quotes',
};

/** The positioned tree of a YAML document's content. */
export function yamlTree(doc: Document.Parsed): RNode | null {
  // Aliases are expanded: each expanded node is counted, and an alias inside its own target is refused.
  let budget = ALIAS_BUDGET;
  const open = new Set<Node>();
  // Alias.resolve walks the document from its start: once per alias node, not per expansion.
  const targets = new Map<Node, Node | undefined>();
  /** `expanding`: the offset of the alias whose target this node is part of. */
  const convert = (node: Node | null | undefined, aliasAt?: number, expanding?: number): RNode | null => {
    if (!node) return null;
    const start = aliasAt ?? node.range?.[0] ?? 0;
    if (isAlias(node)) {
      if (!targets.has(node)) targets.set(node, node.resolve(doc) as Node | undefined);
      const target = targets.get(node);
      if (target && open.has(target)) throw new AliasProblem(ALIAS_CYCLE_MESSAGE, ALIAS_CYCLE_HINT, start);
      return convert(target, start, expanding ?? start);
    }
    if (expanding !== undefined && --budget < 0) throw new AliasProblem(ALIAS_BOMB_MESSAGE, ALIAS_BOMB_HINT, expanding);
    if (isMap(node) || isSeq(node)) open.add(node);
    try {
      return convertNode(node, start, aliasAt, expanding);
    } finally {
      open.delete(node);
    }
  };
  const convertNode = (node: Node, start: number, aliasAt: number | undefined, expanding: number | undefined): RNode | null => {
    if (isMap(node)) {
      return {
        kind: 'map',
        start,
        entries: node.items.map((p) => {
          const k = p.key as Node | null;
          const key = isScalar(k) ? k.value : isAlias(k) ? (k.resolve(doc) as { value?: unknown } | undefined)?.value : k;
          return { key, keyStart: (k as Node | null)?.range?.[0] ?? start, value: convert(p.value as Node | null, undefined, expanding) };
        }),
      };
    }
    if (isSeq(node)) return { kind: 'seq', start, items: node.items.map((n) => convert(n as Node | null, undefined, expanding)) };
    if (isScalar(node)) {
      const r: RNode = { kind: 'scalar', start, value: node.value };
      if (typeof node.value === 'string') {
        const value = node.value;
        const token = (node as { srcToken?: ScalarToken }).srcToken;
        r.decode = () => {
          const d = aliasAt === undefined && token ? decodeYamlScalar(token) : undefined;
          if (d && d.text === value) return d;
          return { text: value, map: OffsetMap.constant(start, value.length) };
        };
      }
      return r;
    }
    return null;
  };
  return convert(doc.contents as Node | null);
}

export function* yamlReplies(file: string, text: string): Generator<Conversation> {
  const lineMap = new LineMap(text);
  const tooDeep = yamlNestingProblem(text);
  if (tooDeep) {
    const p = lineMap.point(tooDeep.offset);
    throw new InputError(tooDeep.message, file, p.line, p.column, tooDeep.hint);
  }
  const doc = parseDocument(text, { keepSourceTokens: true, prettyErrors: false, lineCounter: new LineCounter() });
  const err = doc.errors[0];
  if (err) {
    let at = err.pos[0];
    let message = err.message.split('\n')[0]!;
    if (err.code === 'MISSING_CHAR' && /quote/.test(message)) {
      // The parser notices a missing closing quote where the file ends; point at the opening one.
      visit(doc, {
        Scalar(_key, node) {
          if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === err.pos[0]) {
            at = node.range[0];
            message = `this ${node.type === 'QUOTE_DOUBLE' ? 'double' : 'single'}-quoted string is never closed`;
            return visit.BREAK;
          }
          return undefined;
        },
      });
    }
    const p = lineMap.point(at);
    throw new InputError(
      `YAML syntax error: ${message}`,
      file,
      p.line,
      p.column,
      HINTS[err.code] ?? 'fix the YAML here; quote text that starts with a special character or contains ": " or " #"',
    );
  }
  let tree: RNode | null;
  try {
    tree = yamlTree(doc);
  } catch (e) {
    if (!(e instanceof AliasProblem)) throw e;
    const p = lineMap.point(e.offset);
    throw new InputError(e.message, file, p.line, p.column, e.hint);
  }
  yield* repliesOf(tree, file, lineMap, 'YAML');
}
