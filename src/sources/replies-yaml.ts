// A canned-reply library in YAML. Parsed with the yaml package, keeping its source tokens, so
// every reply's text maps back to its exact place (quoted, plain multi-line and block scalars).
import { isAlias, isMap, isScalar, isSeq, parse, parseDocument, visit, type Document, type Node, type Scalar } from 'yaml';
import { InputError, type Conversation } from '../core/types.js';
import { commentDirectives, commentLines, coversOf, DISABLE_FIELD, fieldDirective, lineEnd, type Cover, type Directive, type Parsed } from './directives.js';
import type { FixSite, InputFormat } from './format.js';
import { LineMap, OffsetMap } from './positions.js';
import { repliesOf, type RNode } from './replies.js';
import { decodeYamlScalar, type ScalarToken } from './yaml-scalars.js';
import { ALIAS_BOMB_HINT, ALIAS_BOMB_MESSAGE, ALIAS_BUDGET, ALIAS_CYCLE_HINT, ALIAS_CYCLE_MESSAGE, assertYamlNesting } from './yaml-limits.js';

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
  assertYamlNesting(text, file, lineMap);
  const doc = parseDocument(text, { keepSourceTokens: true, prettyErrors: false });
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

// Inline disables: `# aslint-disable…` comment lines and the `aslint-disable` field.
function yamlDirectives(text: string): Parsed {
  const lines = new LineMap(text);
  const starts = lines.starts;
  const doc = parseDocument(text, { keepSourceTokens: true });
  const strings: [number, number][] = [];
  /** Where each reply ends, by the line it starts on (the library's shape as the reader reads it). */
  const reach = new Map<number, number>();
  let top = doc.contents as Node | null;
  if (isMap(top)) {
    const wrapper = [...top.items].reverse().find((p) => isScalar(p.key) && p.key.value === 'replies');
    const v = wrapper?.value as Node | null | undefined;
    if (v && (isSeq(v) || (isMap(v) && !v.items.some((p) => isScalar(p.key) && p.key.value === 'text')))) top = v;
  }
  if (isSeq(top)) {
    for (const item of top.items as (Node | null)[]) if (item?.range) reach.set(lines.lineIndex(item.range[0]), item.range[1]);
  } else if (isMap(top)) {
    for (const pair of top.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (key?.range) reach.set(lines.lineIndex(key.range[0]), value?.range?.[1] ?? key.range[1]);
    }
  }
  /** Inside a reply: where the nodes that start on a line end (a `text: |` line covers its block). */
  const within = new Map<number, number>();
  const extend = (line: number, end: number) => within.set(line, Math.max(within.get(line) ?? 0, end));
  const root = doc.contents as Node | null;
  const fields: Directive[] = [];
  const fieldCovers: Cover[] = [];
  visit(doc, {
    Node(_key, node: Node) {
      if (!node.range) return;
      if (node !== root && node !== top) extend(lines.lineIndex(node.range[0]), node.range[1]);
      if (isScalar(node) && typeof node.value === 'string') strings.push([node.range[0], node.range[1]]);
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as Node | null;
          const value = pair.value as Node | null;
          if (node !== root && node !== top && key?.range && value?.range) extend(lines.lineIndex(key.range[0]), value.range[1]);
          if (isScalar(key) && key.value === DISABLE_FIELD && key.range) {
            const line = lines.lineIndex(key.range[0]);
            const d = fieldDirective((value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null, {
              offset: key.range[0],
              endOffset: value?.range?.[1] ?? key.range[1],
              line: line + 1,
              column: key.range[0] - starts[line]! + 1,
            });
            fields.push(d);
            fieldCovers.push(...coversOf(d, node.range[0], node.range[1]));
          }
        }
      }
    },
  });
  const inside = (offset: number) => strings.some(([s, e]) => s <= offset && offset < e);
  const comments = commentLines(text, starts, inside);
  const parsed = commentDirectives(text, starts, comments, (line) => [
    starts[line]!,
    Math.max(lineEnd(text, starts, line), reach.get(line) ?? within.get(line) ?? 0),
  ]);
  return { directives: [...parsed.directives, ...fields], covers: [...parsed.covers, ...fieldCovers] };
}

// --fix: a replacement written the way its place in the YAML needs it.
interface YamlScalarAt {
  start: number;
  end: number;
  type: Scalar['type'];
}

/** The string scalars of a YAML text with their source ranges and styles. */
function yamlScalars(text: string): YamlScalarAt[] {
  const doc = parseDocument(text, { keepSourceTokens: true });
  const found: YamlScalarAt[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.range) found.push({ start: node.range[0], end: node.range[1], type: node.type });
    },
  });
  return found.sort((a, b) => a.start - b.start);
}

const YAML_PLAIN_UNSAFE = /[\n\r#:,[\]{}]|^\s|\s$/;
const YAML_INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** The scalar (scalars sorted by start, not nested) that holds [start, end), by binary search (a scan per edit was quadratic). */
function scalarAround(scalars: readonly YamlScalarAt[], start: number, end: number): YamlScalarAt | undefined {
  let lo = 0;
  let hi = scalars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scalars[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  const s = scalars[lo - 1];
  return s && end <= s.end ? s : undefined;
}

/** The replacement as it must be written at this place of a YAML file, or a reason it cannot be. */
function yamlReplacement(edit: FixSite, scalars: YamlScalarAt[]): string | { reason: string } {
  const { raw, finding } = edit;
  const rep = finding.fix!.replacement;
  const s = scalarAround(scalars, edit.start, edit.end);
  if (!s) return { reason: 'the span is not inside a YAML string' };
  if (/[\n\r]/.test(rep)) return { reason: 'the replacement has a line break' };
  switch (s.type) {
    case 'PLAIN':
      if (raw !== finding.text) return { reason: 'the span is folded over lines in the file' };
      if (YAML_PLAIN_UNSAFE.test(rep) || (edit.start === s.start && YAML_INDICATOR_START.test(rep))) {
        return { reason: 'the replacement would need quotes in this unquoted YAML text' };
      }
      return rep;
    case 'QUOTE_SINGLE':
      if (raw.replace(/''/g, "'") !== finding.text || /[\n\r]/.test(raw)) return { reason: 'the span is folded over lines in the file' };
      return rep.replace(/'/g, "''");
    case 'QUOTE_DOUBLE': {
      if (/[\n\r]/.test(raw)) return { reason: 'the span is folded over lines in the file' };
      let decoded: unknown;
      try {
        decoded = raw.includes('\\') ? parse(`"${raw}"`) : raw;
      } catch {
        decoded = undefined;
      }
      if (decoded !== finding.text) return { reason: 'the span in the file does not read as the flagged text' };
      let body = rep
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
      // Written with \u escapes for non-ASCII? Then the replacement is too.
      if (/\\u[0-9a-fA-F]{4}/.test(raw) && !/[^\x00-\x7f]/.test(raw))
        body = body.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      return body;
    }
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      if (raw !== finding.text) return { reason: 'the span is folded over lines in the file' };
      return rep;
    default:
      return { reason: 'the span is in a YAML node that is not text' };
  }
}

export const repliesYamlFormat: InputFormat<'replies-yaml'> = {
  name: 'replies-yaml',
  summary: 'canned-reply library in YAML: a list or a map of replies (id, text, tags)',
  extensions: ['.yaml', '.yml'],
  read: (input) =>
    (async function* () {
      yield* yamlReplies(input.path, await input.text());
    })(),
  library: {
    directives: yamlDirectives,
    fixer: (text) => {
      const scalars = yamlScalars(text);
      return (site) => yamlReplacement(site, scalars);
    },
  },
};
