// How fast the agent answers, where turns carry times. Three measures:
//   first-response  the customer's first message → the first agent turn after it
//   response        any customer message the agent had not answered yet → the agent turn that answers it
//   wait            customer messages with no agent turn after them, from the first to the last one seen
// A bot's turns are `system`, so an auto-reply does not count as the agent's answer. A turn
// without a readable time is not measured (the rule is off where an export has no times).
import { timeline } from '../sources/time.js';
import type { JsonSchema } from '../core/types.js';
import { report, type CheckKind, type Report, type ScannedConversation } from './kind.js';

type Measure = 'first-response' | 'response' | 'wait';

interface TimingData {
  measure: Measure;
  /** The limit, in milliseconds. */
  max: number;
  maxText: string;
}

/** `30s`, `5m`, `1h`, `90` (seconds), `1m30s`. */
const DURATION = /^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)s?)?$/;

export function parseDuration(text: string | number): number | undefined {
  if (typeof text === 'number') return text >= 0 ? text * 1000 : undefined;
  const m = DURATION.exec(text.trim());
  if (!m || text.trim() === '' || (!m[1] && !m[2] && !m[3])) return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
}

/** A duration as people write it: 45 秒 → `45s`, `2m05s`, `1h10m`. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const duration: JsonSchema = {
  description: 'A duration: `30s`, `5m`, `1h`, `1m30s`, or a number of seconds.',
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^(\\d+(\\.\\d+)?h)?\\s*(\\d+(\\.\\d+)?m(in)?)?\\s*(\\d+(\\.\\d+)?s?)?$', minLength: 1 },
  ],
};

// The times of the conversation of the last check: the three timing rules of the bundled packs
// check one conversation after another, and each parsed all its times. Kept by the scanned
// conversation, which each lint makes anew, so that a conversation changed since is read again.
let lastScanned: ScannedConversation | undefined;
let lastTimes: (number | undefined)[] = [];

function timesOf(scanned: ScannedConversation): (number | undefined)[] {
  if (scanned !== lastScanned) {
    lastScanned = scanned;
    lastTimes = timeline(scanned.conversation.units.map((u) => u.time));
  }
  return lastTimes;
}

export const timing: CheckKind<TimingData> = {
  name: 'timing',
  summary:
    'How fast the agent answers, where turns carry times: `measure: first-response` (the customer’s first message to the first agent turn), `response` (any customer message to the agent turn that answers it) or `wait` (customer messages left with no agent turn after them), over `max` (`30s`, `5m`, `1h`). Bot turns (`system`) are not answers. Turns without a readable time are not measured. `{delay}` and `{max}` may be used in the message. Conversations only.',
  properties: { measure: { enum: ['first-response', 'response', 'wait'] }, max: duration },
  required: ['measure', 'max'],
  defaultMessage: '客服回复用了 {delay}，超过了 {max}。',
  runsWithoutHits: true,
  compile(spec) {
    const raw = spec.max as string | number;
    const max = parseDuration(raw);
    if (max === undefined) throw new Error(`rule ${spec.id}: max "${raw}" is not a duration such as 30s, 5m or 1h`);
    return { measure: spec.measure as Measure, max, maxText: formatDuration(max) };
  },
  check(rule, scanned) {
    const { conversation } = scanned;
    if (!conversation.dialogue) return [];
    const units = conversation.units;
    const times = timesOf(scanned);
    const { measure, max, maxText } = rule.data;
    const reports: Report[] = [];
    const over = (unit: number, from: number, to: number): void => {
      if (to - from > max) reports.push(report(unit, 0, units[unit]!.text.length, { vars: { delay: formatDuration(to - from), max: maxText } }));
    };
    /** The first customer message not yet answered, and the last one since. */
    let pending: { first: number; last: number } | undefined;
    let answered = false;
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      const t = times[i];
      if (u.role === 'customer') {
        if (t === undefined) continue;
        if (pending) pending.last = i;
        else pending = { first: i, last: i };
      } else if (u.role === 'agent') {
        if (pending && t !== undefined) {
          const from = times[pending.first]!;
          if (measure === 'response' || (measure === 'first-response' && !answered)) over(i, from, t);
          answered = true;
        }
        if (pending) answered = true;
        pending = undefined;
      }
    }
    if (measure === 'wait' && pending) over(pending.first, times[pending.first]!, times[pending.last]!);
    return reports;
  },
};
