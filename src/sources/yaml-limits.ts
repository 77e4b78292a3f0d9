// Bounds for YAML from untrusted files (reply libraries, glossaries, rule packs, configs).
//
// The yaml package parses without recursion but composes nodes recursively: 5,000 nested
// brackets or block levels ended in "Maximum call stack size exceeded", and its parser took
// 0.5–1.2 s on them (measured). So nesting is measured first with its lexer, which is linear and
// yields flow brackets as tokens of their own (a `[` inside a string is part of a scalar token):
// flow depth is counted directly; block depth can only grow with indentation or with leading
// `- ` / `? ` indicators, so the column where a line's content starts bounds it.
//
// Aliases are the other attack: ten aliases of ten aliases … (an alias bomb) expand
// exponentially, and `x: &b {y: *b}` contains itself. Readers that expand aliases count what
// they expand against ALIAS_BUDGET and refuse cycles.
import { CST, Lexer, visit, type Document } from 'yaml';
import { InputError } from '../core/types.js';
import type { LineMap } from './positions.js';

/** Deepest flow nesting accepted ([[…]] / {{…}}); real files use 2 or 3. */
export const MAX_FLOW_DEPTH = 64;
/** Furthest a line's content may start (indentation and leading `- ` indicators), in characters. */
export const MAX_BLOCK_INDENT = 256;
/** Nodes that alias expansion may add to a document, on top of the nodes written. */
export const ALIAS_BUDGET = 10_000;

export interface YamlLimitProblem {
  /** Offset in the text where the limit was passed. */
  offset: number;
  message: string;
  hint: string;
}

/**
 * Whether the text cannot nest too deep whatever it means: fewer brackets than the flow limit and
 * no line whose leading spaces and indicators reach the block limit. A character scan, ~10× faster
 * than lexing, so ordinary files are never lexed twice.
 */
function plainlyShallow(text: string): boolean {
  let brackets = 0;
  let lead = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
    if (c === 0x0a) {
      atLineStart = true;
      lead = 0;
    } else if (atLineStart && (c === 0x20 || c === 0x2d || c === 0x3f || c === 0x3a || c === 0x09)) {
      if (++lead > MAX_BLOCK_INDENT) return false;
    } else atLineStart = false;
  }
  return brackets <= MAX_FLOW_DEPTH;
}

/** Throws the positioned error of the first place where the text nests deeper than aslint reads. */
export function assertYamlNesting(text: string, file: string, lines: LineMap): void {
  const tooDeep = yamlNestingProblem(text);
  if (!tooDeep) return;
  const at = lines.point(tooDeep.offset);
  throw new InputError(tooDeep.message, file, at.line, at.column, tooDeep.hint);
}

/** The first place where the text nests deeper than aslint reads, or null. */
export function yamlNestingProblem(text: string): YamlLimitProblem | null {
  if (plainlyShallow(text)) return null;
  let offset = 0;
  let scalarNext = false;
  let flow = 0;
  let atLineStart = true;
  let column = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // Control tokens (document, scalar and flow-error markers) are not in the source.
    const inSource = !(token.length === 1 && (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END));
    if (scalarNext) {
      // A scalar's source (its type can't be told from its first character: a block scalar's
      // body starts with its indentation). A block scalar's body ends with its line break.
      scalarNext = false;
      atLineStart = token.endsWith('\n');
      column = 0;
      offset += token.length;
      continue;
    }
    if (token === CST.SCALAR) scalarNext = true;
    switch (type) {
      case 'flow-map-start':
      case 'flow-seq-start':
        if (++flow > MAX_FLOW_DEPTH) {
          return { offset, message: `YAML nested more than ${MAX_FLOW_DEPTH} brackets deep`, hint: 'flatten the data: aslint files need only a few levels' };
        }
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flow = Math.max(0, flow - 1);
        break;
      case 'newline':
        atLineStart = true;
        column = 0;
        break;
      case 'space':
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        if (atLineStart) column += token.length;
        break;
      default:
        if (inSource && type !== 'doc-mode' && type !== 'byte-order-mark') atLineStart = false;
    }
    if (atLineStart && column > MAX_BLOCK_INDENT) {
      return {
        offset: offset + token.length,
        message: `YAML indented or nested more than ${MAX_BLOCK_INDENT} columns deep`,
        hint: 'flatten the data: aslint files need only a few levels',
      };
    }
    if (inSource) offset += token.length;
  }
  return null;
}

// Digits grouped by hand, not with toLocaleString('en'): that first use of Intl loads ICU's
// locale data when this module is evaluated, 16 ms of every run's start-up (measured, main's profile).
function groupDigits(n: number): string {
  const digits = String(n);
  let out = '';
  for (let k = 0; k < digits.length; k++) out += (k > 0 && (digits.length - k) % 3 === 0 ? ',' : '') + digits[k];
  return out;
}
export const ALIAS_BOMB_MESSAGE = `YAML aliases expand to more than ${groupDigits(ALIAS_BUDGET)} nodes (an alias bomb?)`;
export const ALIAS_BOMB_HINT = 'write the data out instead of repeating it with aliases (*name)';
export const ALIAS_CYCLE_MESSAGE = 'a YAML alias refers to a node that contains it, which never ends';
export const ALIAS_CYCLE_HINT = 'point the alias (*name) at a node outside the one it is in';

/** The offset of the first alias inside the node it refers to, or -1. */
export function aliasCycleAt(doc: Document.Parsed): number {
  let at = -1;
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (target && path.includes(target)) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return at;
}

/** The offset of the first alias in the document (where an alias bomb is reported), or 0. */
export function firstAliasAt(doc: Document.Parsed): number {
  let at = 0;
  visit(doc, {
    Alias(_key, node) {
      at = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return at;
}
