import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/checks/timing.js';
import { loadRulePacks } from '../../src/packs/loader.js';
import { lintConversation } from '../../src/engine/lint.js';
import { compileRuleSet, type RuleSet } from '../../src/engine/ruleset.js';
import { loadGlossary } from '../../src/glossary/loader.js';
import { parseTime, timeline } from '../../src/sources/time.js';
import type { Conversation, Role } from '../../src/core/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
let rules: RuleSet;
beforeAll(async () => {
  rules = await compileRuleSet(await loadGlossary([join(ROOT, 'test', 'data', 'glossary.yaml')]), loadRulePacks([join(ROOT, 'rules', 'timing.yaml')]));
});

/** A conversation whose turn k is on line k+1; a turn's time may be left out. */
function timed(turns: [Role, string | undefined, string][]): Conversation {
  return {
    id: 'c',
    dialogue: true,
    units: turns.map(([role, time, text], k) => ({
      id: `c#${k}`,
      conversationId: 'c',
      index: k,
      role,
      ...(time === undefined ? {} : { time }),
      text,
      locate: (i: number) => ({ line: k + 1, column: i + 1, offset: i }),
    })),
  };
}

const found = (c: Conversation) => lintConversation(c, rules).map((f) => [f.ruleId, f.turn, f.line, f.column, f.endColumn, f.message]);

describe('timing', () => {
  it('first response: from the customer’s first message to the first agent turn after it', () => {
    expect(
      found(
        timed([
          ['agent', '2024-06-01 09:59:00', '您好'],
          ['customer', '2024-06-01 10:00:00', '在吗'],
          ['system', '2024-06-01 10:00:01', '机器人：稍等'],
          ['customer', '2024-06-01 10:00:10', '在吗？'],
          ['agent', '2024-06-01 10:00:45', '在的'],
        ]),
      ),
    ).toEqual([['timing/slow-first-response', 4, 5, 1, 3, '顾客发来第一条消息后，客服 45s 才首次回复（标准 30s 内）。']]);
    expect(
      found(
        timed([
          ['customer', '10:00:00', '在吗'],
          ['agent', '10:00:30', '在的'],
        ]),
      ),
    ).toEqual([]);
  });

  it('any response: each agent answer measured from the first message it answers', () => {
    expect(
      found(
        timed([
          ['customer', '2024-06-01 10:00:00', '在吗'],
          ['agent', '2024-06-01 10:00:05', '在的'],
          ['customer', '2024-06-01 10:01:00', '退款呢'],
          ['customer', '2024-06-01 10:04:00', '？'],
          ['agent', '2024-06-01 10:07:30', '已退'],
        ]),
      ),
    ).toEqual([['timing/slow-response', 4, 5, 1, 3, '顾客的消息等了 6m30s 才得到客服回复（标准 5m00s 内）。']]);
  });

  it('unanswered wait: customer messages with no agent turn after them, at the first', () => {
    expect(
      found(
        timed([
          ['customer', '23:30', 'hello?'],
          ['system', '23:31', 'auto-reply'],
          ['customer', '00:40', 'anyone?'],
        ]),
      ),
    ).toEqual([['timing/unanswered-wait', 0, 1, 1, 7, '顾客的消息 1h10m 都没有等到客服回复（超过 1h00m 视为未回复）。']]);
  });

  it('is off where times are missing or unreadable', () => {
    expect(
      found(
        timed([
          ['customer', undefined, '在吗'],
          ['agent', '2024-06-01 10:07:30', '在的'],
        ]),
      ),
    ).toEqual([]);
    expect(
      found(
        timed([
          ['customer', 'yesterday', '在吗'],
          ['agent', 'today', '在的'],
        ]),
      ),
    ).toEqual([]);
    expect(
      found(
        timed([
          ['customer', undefined, '在吗'],
          ['customer', undefined, '?'],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('timing across conversations', () => {
  it('reads each conversation’s own times, one after another and when a conversation changed since', () => {
    const slow = () =>
      timed([
        ['customer', '10:00:00', '在吗'],
        ['agent', '10:01:00', '在的'],
      ]);
    const fast = timed([
      ['customer', '10:00:00', '在吗'],
      ['agent', '10:00:10', '在的'],
    ]);
    const first = slow();
    const expected = [['timing/slow-first-response', 1, 2, 1, 3, '顾客发来第一条消息后，客服 1m00s 才首次回复（标准 30s 内）。']];
    expect([found(first), found(fast), found(first)]).toEqual([expected, [], expected]);
    first.units[1]!.time = '10:00:20';
    expect(found(first)).toEqual([]);
  });
});

describe('durations and times', () => {
  it('parses durations and prints them as people write them', () => {
    expect(['30s', '5m', '1h', '1m30s', '90', '2min'].map((d) => parseDuration(d))).toEqual([30_000, 300_000, 3_600_000, 90_000, 90_000, 120_000]);
    expect(parseDuration(45)).toBe(45_000);
    expect(['', 'soon', '5x'].map((d) => parseDuration(d))).toEqual([undefined, undefined, undefined]);
    expect([45_000, 125_000, 4_500_000].map(formatDuration)).toEqual(['45s', '2m05s', '1h15m']);
  });

  it('reads the times exports write', () => {
    const utc = Date.UTC(2024, 5, 1, 10, 0, 1);
    expect(
      [
        '2024-06-01 10:00:01',
        '2024/6/1 10:00:01',
        '2024-06-01T10:00:01Z',
        '2024-06-01T18:00:01+08:00',
        '2024年6月1日 10:00:01',
        String(utc / 1000),
        String(utc),
      ].map((t) => parseTime(t)?.ms),
    ).toEqual(Array(7).fill(utc));
    expect(parseTime('10:00:01')).toEqual({ ms: 36_001_000, dated: false });
    expect(['25:00', 'noon', ''].map((t) => parseTime(t))).toEqual([undefined, undefined, undefined]);
    expect(timeline(['23:59', undefined, '00:01'])).toEqual([86_340_000, undefined, 86_460_000]);
  });
});
