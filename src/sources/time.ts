// Message times as exports write them. Readers keep the time as written (a spreadsheet date is
// written out as `YYYY-MM-DD HH:MM:SS`); sorting and the timing check read it with parseTime.

export interface ParsedTime {
  /** Milliseconds: since the epoch when `dated`, else since midnight of an unknown day. */
  ms: number;
  dated: boolean;
}

const DATE_TIME = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?$/;

/**
 * Reads `2024-06-01 10:00:01`, `2024/6/1 10:00`, ISO 8601 with a zone, `2024年6月1日 10:00`,
 * epoch seconds or milliseconds, or a time of day (`10:00`, `10:00:01`). A date without a zone is
 * read as UTC: only differences between times matter. Undefined when unreadable.
 */
export function parseTime(text: string): ParsedTime | undefined {
  const s = text.trim();
  if (/^\d{9,13}(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return { ms: n >= 1e11 ? n : n * 1000, dated: true };
  }
  let m = DATE_TIME.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone] = m;
    let ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +sec, Number(frac.padEnd(3, '0')));
    if (zone && zone.toUpperCase() !== 'Z') {
      const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
      ms -= (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
    }
    return Number.isNaN(ms) ? undefined : { ms, dated: true };
  }
  m = TIME_ONLY.exec(s);
  if (m) {
    const [, h, mi, sec = '0', frac = '0'] = m;
    if (+h! > 23 || +mi! > 59 || +sec > 59) return undefined;
    return { ms: ((+h! * 60 + +mi!) * 60 + +sec) * 1000 + Number(frac.padEnd(3, '0')), dated: false };
  }
  return undefined;
}

/**
 * The times of a sequence of messages on one timeline, in ms, or undefined for a message without
 * a readable time. Times of day roll over midnight: a time earlier than the one before it by more
 * than 12 hours is on the next day.
 */
export function timeline(times: readonly (string | undefined)[]): (number | undefined)[] {
  let dayOffset = 0;
  let last: number | undefined;
  return times.map((t) => {
    const p = t === undefined ? undefined : parseTime(t);
    if (!p) return undefined;
    let ms = p.ms;
    if (!p.dated) {
      ms += dayOffset;
      if (last !== undefined && ms < last - 12 * 3600_000) {
        dayOffset += 24 * 3600_000;
        ms += 24 * 3600_000;
      }
    }
    last = ms;
    return ms;
  });
}

/** A spreadsheet date (read as UTC wall-clock time) as `YYYY-MM-DD HH:MM:SS`. */
export function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
