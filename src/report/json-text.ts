// JSON text written by hand for the fixed shapes of the streamed reports (a JSON finding or score,
// a SARIF result): the same bytes as JSON.stringify(value, null, 2) nested at a depth, every
// string and key through JSON.stringify. Stringifying an object and re-indenting it with a regex
// (`nested`) costs about twice as much, and a generic pretty-printer in JavaScript as much as
// that; measured on the 27,153 SARIF results of a 4 MiB export: nested 830–890 ms, obj/arr
// 365–370 ms (on a loaded machine).

/** A string (or null) as JSON. */
export const str = (s: string | null): string => JSON.stringify(s);

/** A number as JSON writes it (a non-finite one is null); null stays null. */
export const num = (n: number | null): string => (n !== null && Number.isFinite(n) ? String(n) : 'null');

/** A line break and the indentation of each depth. */
export const AT = Array.from({ length: 16 }, (_, depth) => '\n' + '  '.repeat(depth));

/**
 * An object at `depth` from its members: key then value as JSON, alternating; a member whose
 * value is undefined is left out, as JSON.stringify leaves it out.
 */
export function obj(depth: number, members: readonly (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < members.length; i += 2) {
    const value = members[i + 1];
    if (value !== undefined) out += (out === '' ? '{' : ',') + AT[depth + 1] + JSON.stringify(members[i]) + ': ' + value;
  }
  return out === '' ? '{}' : out + AT[depth] + '}';
}

/** An array at `depth` from its items as JSON. */
export function arr(depth: number, items: readonly string[]): string {
  if (items.length === 0) return '[]';
  let out = '';
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '[' : ',') + AT[depth + 1] + items[i];
  return out + AT[depth] + ']';
}

/** A list of strings at `depth`. */
export function strings(list: readonly string[], depth: number): string {
  if (list.length === 0) return '[]';
  let out = '';
  for (let i = 0; i < list.length; i++) out += (i === 0 ? '[' : ',') + AT[depth + 1] + JSON.stringify(list[i]);
  return out + AT[depth] + ']';
}
