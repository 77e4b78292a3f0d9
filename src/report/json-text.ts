// JSON text written by hand for the fixed shapes of the JSON report (a finding, a score): the
// same bytes as JSON.stringify(value, null, 2) nested at a depth, every string and key through
// JSON.stringify. Stringifying an object and re-indenting it with a regex (`nested`) costs about
// twice as much in isolation (26,461 findings: ~90–125 ms against ~45 ms), and a generic
// pretty-printer in JavaScript as much as `nested`. End to end the gain is smaller: the strings
// built here are concatenations that the write flattens (writeSync's self time rose by about as
// much on SARIF, which is why SARIF kept JSON.stringify; measured with --cpu-prof, quiet machine).

/** A string (or null) as JSON. */
export const str = (s: string | null): string => JSON.stringify(s);

/** A number as JSON writes it (a non-finite one is null); null stays null. */
export const num = (n: number | null): string => (n !== null && Number.isFinite(n) ? String(n) : 'null');

/** A line break and the indentation of each depth. */
export const AT = Array.from({ length: 16 }, (_, depth) => '\n' + '  '.repeat(depth));

/** A list of strings at `depth`. */
export function strings(list: readonly string[], depth: number): string {
  if (list.length === 0) return '[]';
  let out = '';
  for (let i = 0; i < list.length; i++) out += (i === 0 ? '[' : ',') + AT[depth + 1] + JSON.stringify(list[i]);
  return out + AT[depth] + ']';
}
