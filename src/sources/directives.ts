// Inline disables, as reply-library formats find them: the shared model (a directive and the
// range of the file it covers) and the machinery of `#` comment directives. Each library format
// (replies-yaml.ts, replies-json.ts, replies-text.ts) says where its directives are; applying
// them to findings is the engine's (src/engine/suppress.ts).

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

export interface Cover {
  directive: Directive;
  /** One rule pattern, or '*' for every rule. */
  rule: string;
  from: number;
  to: number;
  used: boolean;
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

export const lineEnd = (text: string, starts: Int32Array, line: number) => {
  const next = starts[line + 1];
  return next === undefined ? text.length : next - 1;
};

interface CommentLine {
  line: number;
  offset: number;
  body: string;
}

/** Full-line `#` comments; `inside` tells offsets that belong to a string (a `#` line in a block scalar). */
export function commentLines(text: string, starts: Int32Array, inside: (offset: number) => boolean): CommentLine[] {
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

export function fieldDirective(value: unknown, at: { offset: number; endOffset: number; line: number; column: number }): Directive {
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

export interface Parsed {
  directives: Directive[];
  covers: Cover[];
}

export function coversOf(d: Directive, from: number, to: number): Cover[] {
  return (d.rules.length > 0 ? d.rules : ['*']).map((rule) => ({ directive: d, rule, from, to, used: false }));
}

/** Comment directives (YAML and text libraries) and the ranges they cover. */
export function commentDirectives(text: string, starts: Int32Array, comments: CommentLine[], nextLineRange: (line: number) => [number, number]): Parsed {
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
        pushAll(covers, coversOf(d, from, to));
      }
    } else if (d.kind === 'disable') {
      pushAll(open, coversOf(d, d.endOffset, text.length));
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
  pushAll(covers, open);
  return { directives, covers };
}

/** push(...items) passes every item as an argument: 150,000 rule ids in one comment overflowed the stack. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
