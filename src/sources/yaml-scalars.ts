// Decode a YAML scalar from its source token, keeping where every character of the value comes
// from. The rules mirror the yaml package's own resolvers (resolve-flow-scalar, resolve-block-
// scalar), so the decoded value is checked against the package's value by the caller.
//
// Mapping rules: verbatim characters map to themselves; an escape (\n, \x41, '' …) maps to its
// start; a folded line break (the space or newlines that stand for a break, with the trailing
// and leading whitespace around it) maps to where the previous line's content ends; a kept
// line break of a literal block maps to the break itself.
import { MapBuilder, type OffsetMap } from './positions.js';

export interface FlowScalarToken {
  type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar';
  offset: number;
  source: string;
}

export interface BlockScalarToken {
  type: 'block-scalar';
  offset: number;
  indent: number;
  props: { type: string; source?: string }[];
  source: string;
}

export type ScalarToken = FlowScalarToken | BlockScalarToken;

export function decodeYamlScalar(token: ScalarToken): { text: string; map: OffsetMap } | undefined {
  switch (token.type) {
    case 'scalar':
      return unfold(token.source, token.offset, false);
    case 'single-quoted-scalar':
      return unfold(token.source.slice(1, -1), token.offset + 1, true);
    case 'double-quoted-scalar':
      return doubleQuoted(token.source, token.offset);
    case 'block-scalar':
      return blockScalar(token);
    default:
      return undefined;
  }
}

/** Verbatim text, with `''` → `'` when `single`. */
function content(b: MapBuilder, s: string, at: number, single: boolean): void {
  if (!single) {
    b.verbatim(s, at);
    return;
  }
  let pos = 0;
  for (let q = s.indexOf("''"); q !== -1; q = s.indexOf("''", pos)) {
    b.verbatim(s.slice(pos, q), at + pos);
    b.escape("'", at + q, 2);
    pos = q + 2;
  }
  b.verbatim(s.slice(pos), at + pos);
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Plain and single-quoted scalars: line folding as yaml's unfoldLines. */
function unfold(source: string, base: number, single: boolean): { text: string; map: OffsetMap } {
  const b = new MapBuilder(base);
  // Lines ending in "\n" (with "\r" before it dropped), then the last line.
  const lines: { start: number; end: number }[] = [];
  let pos = 0;
  for (let nl = source.indexOf('\n'); nl !== -1; nl = source.indexOf('\n', pos)) {
    lines.push({ start: pos, end: nl > pos && source[nl - 1] === '\r' ? nl - 1 : nl });
    pos = nl + 1;
  }
  if (lines.length === 0) {
    content(b, source, base, single);
    return b.finish(base + source.length);
  }
  // First line: trailing whitespace trimmed.
  const first = lines[0]!;
  let e = first.end;
  while (e > first.start && isWs(source[e - 1])) e--;
  content(b, source.slice(first.start, e), base + first.start, single);
  let fold = base + e;
  let sep = ' ';
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k]!;
    let s = l.start;
    let t = l.end;
    while (s < t && isWs(source[s])) s++;
    while (t > s && isWs(source[t - 1])) t--;
    if (s === t) {
      if (sep === '\n') b.escape('\n', fold, 0);
      else sep = '\n';
    } else {
      b.escape(sep, fold, 0);
      content(b, source.slice(s, t), base + s, single);
      fold = base + t;
      sep = ' ';
    }
  }
  let s = pos;
  while (s < source.length && isWs(source[s])) s++;
  b.escape(sep, fold, 0);
  content(b, source.slice(s), base + s, single);
  return b.finish(base + source.length);
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

function doubleQuoted(source: string, base: number): { text: string; map: OffsetMap } | undefined {
  const b = new MapBuilder(base + 1);
  const last = source.length - 1;
  let i = 1;
  while (i < last) {
    const ch = source[i]!;
    if (ch === '\r' && source[i + 1] === '\n') {
      i++;
      continue;
    }
    if (ch === '\n') {
      // Fold: one break → a space, n breaks → n-1 newlines; leading whitespace dropped.
      let fold = '';
      let j = i;
      let c = source[j + 1];
      while (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        if (c === '\r' && source[j + 2] !== '\n') break;
        if (c === '\n') fold += '\n';
        j++;
        c = source[j + 1];
      }
      b.escape(fold || ' ', b.end, 0);
      i = j + 1;
      continue;
    }
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined) return undefined;
      const cc = ESCAPES[next];
      if (cc) {
        b.escape(cc, base + i, 2);
        i += 2;
      } else if (next === '\n' || (next === '\r' && source[i + 2] === '\n')) {
        // An escaped line break: the break and the next line's leading whitespace vanish.
        let j = i + (next === '\n' ? 2 : 3);
        while (isWs(source[j])) j++;
        b.skip(base + j);
        i = j;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 2, len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
        let str: string;
        try {
          str = String.fromCodePoint(parseInt(hex, 16));
        } catch {
          return undefined;
        }
        b.escape(str, base + i, 2 + len);
        i += 2 + len;
      } else return undefined;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      // Whitespace before a line break is trimmed.
      let j = i;
      while (isWs(source[j + 1])) j++;
      const n = source[j + 1];
      if (!(n === '\n' || (n === '\r' && source[j + 2] === '\n'))) b.verbatim(source.slice(i, j + 1), base + i);
      i = j + 1;
      continue;
    }
    let j = i + 1;
    while (j < last) {
      const c = source[j];
      if (c === '\\' || c === '\n' || c === '\r' || c === ' ' || c === '\t') break;
      j++;
    }
    b.verbatim(source.slice(i, j), base + i);
    i = j;
  }
  return b.finish(base + last);
}

function blockScalar(token: BlockScalarToken): { text: string; map: OffsetMap } | undefined {
  const header = token.props[0];
  if (!header || header.type !== 'block-scalar-header' || !header.source) return undefined;
  const mode = header.source[0];
  let hIndent = 0;
  let chomp = '';
  for (let i = 1; i < header.source.length; i++) {
    const ch = header.source[i]!;
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else {
      const n = Number(ch);
      if (!hIndent && n) hIndent = n;
    }
  }
  let headerLength = 0;
  for (const p of token.props) headerLength += p.source?.length ?? 0;
  const folded = mode === '>';
  const source = token.source;
  const start = token.offset + headerLength;

  // Lines as [indent, content] with their positions (content keeps a trailing "\r").
  interface L {
    indent: number;
    /** offset of the line's first character in the file */
    at: number;
    content: string;
  }
  const lines: L[] = [];
  if (source) {
    let pos = 0;
    for (;;) {
      const nl = source.indexOf('\n', pos);
      const lineEnd = nl === -1 ? source.length : nl;
      let ind = pos;
      while (ind < lineEnd && source[ind] === ' ') ind++;
      lines.push({ indent: ind - pos, at: start + pos, content: source.slice(ind, lineEnd) });
      if (nl === -1) break;
      pos = nl + 1;
    }
  }
  // yaml's splitLines keeps a final empty line after a trailing "\n"; so does this loop.
  const b = new MapBuilder(start);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const c = lines[i]!.content;
    if (c === '' || c === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    const value = chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';
    b.escape(value, start, source.length);
    return b.finish(start + source.length);
  }
  let trimIndent = token.indent + hIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const l = lines[i]!;
    if (l.content === '' || l.content === '\r') {
      if (hIndent === 0 && l.indent > trimIndent) trimIndent = l.indent;
    } else {
      if (l.indent < trimIndent && hIndent !== 0) return undefined;
      if (hIndent === 0) trimIndent = l.indent;
      contentStart = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]!.indent > trimIndent) chompStart = i + 1;
  }
  /** Where line i's break is (after its content without "\r"), and the break's length. */
  const brk = (l: L): { at: number; len: number } => {
    const crlf = l.content.endsWith('\r');
    const at = l.at + l.indent + l.content.length - (crlf ? 1 : 0);
    return { at, len: crlf ? 2 : 1 };
  };
  const kept = (l: L): void => {
    // the indentation beyond trimIndent is content
    if (l.indent > trimIndent) b.verbatim(' '.repeat(l.indent - trimIndent), l.at + trimIndent);
  };
  for (let i = 0; i < contentStart; ++i) {
    const l = lines[i]!;
    kept(l);
    const k = brk(l);
    b.escape('\n', k.at, k.len);
  }
  let sep = '';
  let sepAt = start;
  let prevMoreIndented = false;
  let lastBreak = { at: start, len: 0 };
  for (let i = contentStart; i < chompStart; ++i) {
    const l = lines[i]!;
    const crlf = l.content.endsWith('\r');
    const text = crlf ? l.content.slice(0, -1) : l.content;
    if (text && l.indent < trimIndent) return undefined;
    const textAt = l.at + l.indent;
    if (!folded) {
      if (sep) b.escape(sep, sepAt, lastBreak.len);
      kept(l);
      b.verbatim(text, textAt);
      sep = '\n';
    } else if (l.indent > trimIndent || text[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      if (sep) b.escape(sep, sepAt, 0);
      kept(l);
      b.verbatim(text, textAt);
      sep = '\n';
      prevMoreIndented = true;
    } else if (text === '') {
      if (sep === '\n') b.escape('\n', sepAt, 0);
      else sep = '\n';
    } else {
      if (sep) b.escape(sep, sepAt, 0);
      b.verbatim(text, textAt);
      sep = ' ';
      prevMoreIndented = false;
    }
    lastBreak = brk(l);
    // A literal block's break maps to itself; a folded one to where the last content ended.
    if (!folded || text !== '' || l.indent > trimIndent) sepAt = lastBreak.at;
  }
  const endOfSource = start + source.length;
  switch (chomp) {
    case '-':
      break;
    case '+': {
      for (let i = chompStart; i < lines.length; ++i) {
        const k = brk(lines[i - 1]!);
        b.escape('\n', k.at, k.len);
        kept(lines[i]!);
      }
      const lastLine = lines[lines.length - 1]!;
      if (lines.length === chompStart || lastLine.indent > trimIndent) {
        const k = brk(lastLine);
        if (k.at >= endOfSource) b.escape('\n', endOfSource, 0);
        else b.escape('\n', k.at, k.len);
      }
      break;
    }
    default: {
      const last = lines[chompStart - 1]!;
      const k = brk(last);
      if (k.at >= endOfSource) b.escape('\n', endOfSource, 0);
      else b.escape('\n', k.at, k.len);
    }
  }
  return b.finish();
}
