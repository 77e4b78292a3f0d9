// JSON text written by hand for the fixed shapes of the JSON report (a finding, a score): the
// same bytes as JSON.stringify(value, null, 2) nested at a depth, every string and key through
// JSON.stringify. Stringifying an object and re-indenting it with a regex (`nested`) costs about
// twice as much in isolation (26,461 findings: ~90–125 ms against ~45 ms), and a generic
// pretty-printer in JavaScript as much as `nested`. End to end the gain is smaller: the strings
// built here are concatenations that the write flattens (writeSync's self time rose by about as
// much on SARIF, which is why SARIF kept JSON.stringify; measured with --cpu-prof, quiet machine).

/** Strings already written as JSON, and how many a run keeps at most (it starts again past that). */
const written = new Map<string, string>();
const WRITTEN_MAX = 4096;

/**
 * A string as JSON, remembered: a report repeats few strings (26,461 findings of 5,000 small
 * transcripts have 6 rule ids, 107 messages, 11 units, 321 texts), and a Map lookup costs less than
 * JSON.stringify's call: in process, 8 strings of each finding took ~30 ms by JSON.stringify and
 * ~10 ms so. Bounded, so that a report of unique strings keeps flat memory. Not for strings that
 * seldom repeat (paths, units: big4.jsonl's 27,153 findings have 16,765 units), where a miss in
 * the map costs more than JSON.stringify (in process: ~6-14 ms against ~4-7 for the units).
 */
export function str(s: string): string {
  let json = written.get(s);
  if (json === undefined) {
    if (written.size >= WRITTEN_MAX) written.clear();
    written.set(s, (json = JSON.stringify(s)));
  }
  return json;
}

/**
 * A string (or null) as JSON, remembered while the same string comes again and again (the
 * conversation of a run of findings): strings that repeat only so (conversation ids) would fill
 * str()'s map.
 */
export class LastJson {
  private last: string | null = null;
  private json = 'null';

  of(s: string | null): string {
    if (s !== this.last) {
      this.last = s;
      this.json = s === null ? 'null' : JSON.stringify(s);
    }
    return this.json;
  }
}

/** A string or null as JSON. */
export const strOrNull = (s: string | null): string => (s === null ? 'null' : str(s));

/** A number as JSON writes it (a non-finite one is null); null stays null. */
export const num = (n: number | null): string => (n !== null && Number.isFinite(n) ? String(n) : 'null');

/** A line break and the indentation of each depth. */
export const AT = Array.from({ length: 16 }, (_, depth) => '\n' + '  '.repeat(depth));

/** A list of strings at `depth`. */
export function strings(list: readonly string[], depth: number): string {
  if (list.length === 0) return '[]';
  let out = '';
  for (let i = 0; i < list.length; i++) out += (i === 0 ? '[' : ',') + AT[depth + 1] + str(list[i]!);
  return out + AT[depth] + ']';
}
