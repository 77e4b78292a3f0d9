// Inline disables in canned-reply libraries, each with a reason:
//
//   YAML   # aslint-disable-next-line term/price-protection -- 这是物流保价的说明
//          - id: shipping-insurance
//            text: 寄回时建议您办理保价。
//          # aslint-disable forbidden/* -- 旧话术，下季度重写
//          …
//          # aslint-enable forbidden/*
//   JSON   {"id": "…", "text": "…", "aslint-disable": {"rules": ["term/price-protection"], "reason": "…"}}
//          (or "aslint-disable": "term/price-protection -- reason"; the field works in YAML too)
//   text   # aslint-disable-next-line term/price-protection -- reason   (a comment line above the reply)
//
// `disable-next-line` covers the whole reply that starts on the next content line. Rule ids may
// end in `/*` (a prefix); no ids means every rule. A disable without a reason is itself a
// warning, and with --report-unused-disable-directives so is a disable that suppressed nothing.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { parseJson, type JNode } from '../sources/json.js';
import { LineMap } from '../sources/positions.js';
import type { Finding, SourceFormat } from '../types.js';

export const DISABLE_WITHOUT_REASON = 'aslint/disable-without-reason';
export const UNUSED_DISABLE = 'aslint/unused-disable-directive';
export const DISABLE_FIELD = 'aslint-disable';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'field';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or `prefix/*`; empty means every rule. */
  rules: string[];
  reason: string | null;
  /** Where the directive is written (file offsets, 1-based line/column). */
  offset: number;
  endOffset: number;
  line: number;
  column: number;
  /** The directive as written, for messages. */
  source: string;
}

interface Cover {
  directive: Directive;
  /** One rule pattern, or '*' for every rule. */
  rule: string;
  from: number;
  to: number;
  used: boolean;
}

/** Whether a rule pattern (`term/x`, `term/*`, `*`) names a rule id. */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  if (pattern === '*' || pattern === ruleId) return true;
  return pattern.endsWith('/*') && ruleId.startsWith(pattern.slice(0, -1));
}

/** Parses `aslint-disable-next-line a, b -- reason` (the comment's text without `#`). */
export function parseDirectiveText(body: string): { kind: Exclude<DirectiveKind, 'field'>; rules: string[]; reason: string | null } | null {
  const m = /^aslint-(disable-next-line|disable|enable)(?=\s|$)(.*)$/s.exec(body.trim());
  if (!m) return null;
  const [rulesPart, ...reasonParts] = m[2]!.split(/(?:^|\s)--(?:\s|$)/);
  const reason = reasonParts.join(' -- ').trim();
  return {
    kind: m[1] as 'disable-next-line' | 'disable' | 'enable',
    rules: rulesPart!.split(/[\s,]+/).filter(Boolean),
    reason: reason === '' ? null : reason,
  };
}


const lineEnd = (text: string, starts: Int32Array, line: number) => {
  const next = starts[line + 1];
  return next === undefined ? text.length : next - 1;
};

interface CommentLine {
  line: number;
  offset: number;
  body: string;
}

/** Full-line `#` comments; `inside` tells offsets that belong to a string (a `#` line in a block scalar). */
function commentLines(text: string, starts: Int32Array, inside: (offset: number) => boolean): CommentLine[] {
  const out: CommentLine[] = [];
  starts.forEach((start, line) => {
    const raw = text.slice(start, lineEnd(text, starts, line)).replace(/\r$/, '');
    const lead = raw.length - raw.trimStart().length;
    if (raw.trimStart().startsWith('#') && !inside(start + lead)) out.push({ line, offset: start + lead, body: raw.trimStart().slice(1) });
  });
  return out;
}

/** The first line after `line` with content that is not a comment. */
function nextContentLine(text: string, starts: Int32Array, line: number, comments: Set<number>): number | undefined {
  for (let l = line + 1; l < starts.length; l++) {
    if (comments.has(l)) continue;
    if (text.slice(starts[l]!, lineEnd(text, starts, l)).trim() !== '') return l;
  }
  return undefined;
}

function fieldDirective(value: unknown, at: { offset: number; endOffset: number; line: number; column: number }): Directive {
  let rules: string[] = [];
  let reason: string | null = null;
  if (typeof value === 'string') {
    const parsed = parseDirectiveText(`aslint-disable ${value}`);
    rules = parsed?.rules ?? [];
    reason = parsed?.reason ?? null;
  } else if (Array.isArray(value)) {
    rules = value.map(String);
  } else if (value && typeof value === 'object') {
    const v = value as { rules?: unknown; reason?: unknown };
    rules = Array.isArray(v.rules) ? v.rules.map(String) : typeof v.rules === 'string' ? v.rules.split(/[\s,]+/).filter(Boolean) : [];
    reason = typeof v.reason === 'string' && v.reason.trim() !== '' ? v.reason.trim() : null;
  }
  return { kind: 'field', rules, reason, source: `${DISABLE_FIELD}: ${JSON.stringify(value)}`, ...at };
}

interface Parsed {
  directives: Directive[];
  covers: Cover[];
}

function coversOf(d: Directive, from: number, to: number): Cover[] {
  return (d.rules.length > 0 ? d.rules : ['*']).map((rule) => ({ directive: d, rule, from, to, used: false }));
}

/** Comment directives (YAML and text libraries) and the ranges they cover. */
function commentDirectives(text: string, starts: Int32Array, comments: CommentLine[], nextLineRange: (line: number) => [number, number]): Parsed {
  const directives: Directive[] = [];
  const covers: Cover[] = [];
  const open: Cover[] = [];
  const commentSet = new Set(comments.map((c) => c.line));
  for (const c of comments) {
    const parsed = parseDirectiveText(c.body);
    if (!parsed) continue;
    const end = lineEnd(text, starts, c.line);
    const d: Directive = {
      ...parsed,
      offset: c.offset,
      endOffset: text[end - 1] === '\r' ? end - 1 : end,
      line: c.line + 1,
      column: c.offset - starts[c.line]! + 1,
      source: `#${c.body}`.trim(),
    };
    directives.push(d);
    if (d.kind === 'disable-next-line') {
      const next = nextContentLine(text, starts, c.line, commentSet);
      if (next !== undefined) {
        const [from, to] = nextLineRange(next);
        covers.push(...coversOf(d, from, to));
      }
    } else if (d.kind === 'disable') {
      open.push(...coversOf(d, d.endOffset, text.length));
    } else {
      // enable: closes the blocks of the rules it names, or all of them.
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i]!;
        if (d.rules.length === 0 || d.rules.includes(o.rule)) {
          covers.push({ ...o, to: d.offset });
          open.splice(i, 1);
        }
      }
    }
  }
  covers.push(...open);
  return { directives, covers };
}

function yamlDirectives(text: string): Parsed {
  const lines = new LineMap(text);
  const starts = lines.starts;
  const doc = parseDocument(text, { keepSourceTokens: true, lineCounter: new LineCounter() });
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
  const parsed = commentDirectives(text, starts, comments, (line) => [starts[line]!, Math.max(lineEnd(text, starts, line), reach.get(line) ?? within.get(line) ?? 0)]);
  return { directives: [...parsed.directives, ...fields], covers: [...parsed.covers, ...fieldCovers] };
}

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

function textDirectives(text: string): Parsed {
  const lines = new LineMap(text);
  const starts = lines.starts;
  const comments = commentLines(text, starts, () => false);
  return commentDirectives(text, starts, comments, (line) => [starts[line]!, lineEnd(text, starts, line)]);
}

/** The directives of a file and what they cover. Transcripts have none. */
export function parseDirectives(text: string, format: SourceFormat): Parsed {
  switch (format) {
    case 'replies-yaml':
      return yamlDirectives(text);
    case 'replies-json':
      return jsonDirectives(text);
    case 'replies-text':
      return textDirectives(text);
    default:
      return { directives: [], covers: [] };
  }
}

function metaFinding(d: Directive, ruleId: string, message: string): Finding {
  const length = d.endOffset - d.offset;
  return {
    ruleId,
    kind: 'directive',
    severity: 'warning',
    message,
    unit: `L${d.line}`,
    conversation: null,
    turn: null,
    role: 'agent',
    line: d.line,
    column: d.column,
    endLine: d.line,
    endColumn: d.column + length,
    text: d.source,
    suggestions: [],
    start: 0,
    end: d.source.length,
    offset: d.offset,
    endOffset: d.endOffset,
    utterance: d.source,
  };
}

export interface SuppressOptions {
  reportUnused?: boolean;
}

export interface SuppressResult {
  findings: Finding[];
  /** How many findings the directives suppressed. */
  suppressed: number;
}

/**
 * Drops the findings a directive covers; adds a warning for each disable without a reason and,
 * with `reportUnused`, for each disable (or rule of one) that suppressed nothing.
 */
export function applyDirectives(findings: readonly Finding[], text: string, format: SourceFormat, options: SuppressOptions = {}): SuppressResult {
  const { directives, covers } = parseDirectives(text, format);
  if (directives.length === 0) return { findings: [...findings], suppressed: 0 };
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const hits = covers.filter((c) => c.from <= f.offset && f.offset < c.to && ruleMatches(c.rule, f.ruleId));
    if (hits.length === 0) kept.push(f);
    else {
      suppressed++;
      for (const c of hits) c.used = true;
    }
  }
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    if (d.reason === null) {
      const what = d.kind === 'field' ? `the "${DISABLE_FIELD}" field` : `aslint-${d.kind}`;
      kept.push(metaFinding(d, DISABLE_WITHOUT_REASON, `${what} needs a reason: add “-- <why>”${d.kind === 'field' ? ' or a "reason"' : ''}.`));
    }
    if (options.reportUnused) {
      const mine = covers.filter((c) => c.directive === d);
      const unused = mine.filter((c) => !c.used);
      if (mine.length === 0 || unused.length === mine.length) {
        kept.push(metaFinding(d, UNUSED_DISABLE, d.rules.length > 0 ? `unused disable directive: no finding of ${d.rules.join(', ')} here.` : 'unused disable directive: no finding here.'));
      } else if (unused.length > 0) {
        kept.push(metaFinding(d, UNUSED_DISABLE, `unused rule in disable directive: no finding of ${unused.map((c) => c.rule).join(', ')} here.`));
      }
    }
  }
  kept.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  return { findings: kept, suppressed };
}
