// Every regex of every rule would otherwise run on every utterance. Most rule regexes contain
// a literal, or a group of literal alternatives, that any match must contain:
// 你(自己)?去问(问)?别的部门 needs 别的部门, (好评|五星)(返|送)现 needs 好评 or 五星. The matcher
// finds those literals in its one pass, and a regex runs only on utterances that have one.

const META = new Set([...'\\^$.|?*+()[]{}']);

/** A group's body when it is nothing but literal alternatives: `(a|bc)` → [a, bc]. */
function literalAlternatives(body: string): string[] | null {
  const inner = body.startsWith('?:') ? body.slice(2) : body;
  if (inner.startsWith('?')) return null; // lookaround or named group
  const alternatives = inner.split('|');
  return alternatives.every((a) => a.length > 0 && ![...a].some((c) => META.has(c))) ? alternatives : null;
}

/**
 * The literals of which a match of a group with this body contains one: its literal
 * alternatives, or the union of each alternative's own required literals (`(hours?|mins?)` →
 * [hour, min]), or null when an alternative has none. (The body is shorter than the regex it is
 * in, so the recursion ends.)
 */
function groupLiterals(body: string): string[] | null {
  const plain = literalAlternatives(body);
  if (plain) return plain;
  const inner = body.startsWith('?:') ? body.slice(2) : body;
  if (inner.startsWith('?')) return null; // lookaround or named group
  const union = new Set<string>();
  for (const alternative of topLevelBranches(inner)) {
    const literals = alternative.length > 0 ? requiredLiterals(alternative) : null;
    if (literals === null) return null;
    for (const l of literals) union.add(l);
  }
  return [...union];
}

/** Whether the quantifier at `at` lets the preceding item occur zero times. */
function optional(source: string, at: number): boolean {
  const q = source[at];
  return q === '?' || q === '*' || (q === '{' && source[at + 1] === '0');
}

/**
 * Literals of which every match of the regex contains at least one, or null when none can be
 * named safely. Escapes, classes and optional parts end a literal run; a required group counts
 * when each of its alternatives has required literals; a top-level alternation counts when each
 * of its branches has.
 */
export function requiredLiterals(source: string): string[] | null {
  const top = literalAlternatives(source);
  if (top && top.length > 1) return top;
  // A top-level alternation: every match contains a literal of its branch, so the union of the
  // branches' literals gates it, when every branch has some.
  const branches = topLevelBranches(source);
  if (branches.length > 1) {
    const union = new Set<string>();
    for (const branch of branches) {
      const literals = requiredLiterals(branch);
      if (literals === null) return null;
      for (const l of literals) union.add(l);
    }
    return [...union];
  }
  const factors: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run) factors.push([run]);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      endRun();
      i = escapeEnd(source, i);
      continue;
    }
    if (ch === '[') {
      endRun();
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (ch === '(') {
      endRun();
      const close = groupEnd(source, i);
      if (close < 0) return null;
      const alternatives = groupLiterals(source.slice(i + 1, close));
      if (alternatives && !optional(source, close + 1)) factors.push(alternatives);
      i = close;
      continue;
    }
    if (ch === '|') return null;
    if (META.has(ch)) {
      if (optional(source, i)) run = [...run].slice(0, -1).join('');
      endRun();
      if (ch === '{') while (i < source.length && source[i] !== '}') i++;
      continue;
    }
    run += ch;
  }
  endRun();
  // The most selective factor: the longest shortest alternative, then the fewest alternatives.
  const score = (f: string[]) => Math.min(...f.map((s) => s.length)) * 100 - f.length;
  const best = factors.reduce<string[] | null>((a, b) => (a === null || score(b) > score(a) ? b : a), null);
  return best;
}

/** The branches of a top-level alternation (one branch when there is none). */
function topLevelBranches(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i = escapeEnd(source, i);
    else if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}

/** The index of the `)` that closes the group opened at `open`, or -1. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i = escapeEnd(source, i);
    } else if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** The index of the last character of the escape that starts at `at` (a backslash). */
function escapeEnd(source: string, at: number): number {
  const next = source[at + 1];
  const closing = (open: string, close: string) => (source[at + 2] === open ? source.indexOf(close, at + 2) : -1);
  switch (next) {
    case 'u':
      return source[at + 2] === '{' ? source.indexOf('}', at) : at + 5;
    case 'x':
      return at + 3;
    case 'c':
      return at + 2;
    case 'p':
    case 'P':
      return Math.max(closing('{', '}'), at + 1);
    case 'k':
      return Math.max(closing('<', '>'), at + 1);
    default: {
      let end = at + 1;
      if (next !== undefined && /[0-9]/.test(next)) while (/[0-9]/.test(source[end + 1] ?? '')) end++;
      return end;
    }
  }
}
