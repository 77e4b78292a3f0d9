// The same two chats exported in every shape chat platforms and CRMs produce give the same
// findings as aslint's own JSONL, each at its place in its file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, test } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { runFiles } from '../../src/runner/run.js';
import type { FileResult } from '../../src/runner/result.js';
import { openSource } from '../../src/sources/index.js';
import { TEST_RUN_OPTIONS } from '../helpers.js';
import { all } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'aslint-exports-'));
const OPTIONS = { ...TEST_RUN_OPTIONS, rules: [...TEST_RUN_OPTIONS.rules, join(ROOT, 'rules', 'timing.yaml')] };

/** conversation, role (as the export writes it), agent name, time, type, text */
type Row = [string, string, string, string, string, string | null];
const ROWS: Row[] = [
  ['s1', '买家', '', '2024-06-01 10:00:00', '', '你好，我的耳机坏了，怎么回事？'],
  ['s1', '机器人', '', '2024-06-01 10:00:01', '', '您好，智能助手为您服务'],
  ['s1', '买家', '', '2024-06-01 10:00:05', 'image', null],
  ['s1', '卖家', '小美', '2024-06-01 10:01:10', '', '这不归我管，你去问别的部门'],
  ['s1', '买家', '', '2024-06-01 10:02:00', '', ''],
  ['s1', '卖家', '小美', '2024-06-01 10:03:00', '', '非常抱歉，本店支持"无条件退货"，\n请放心。'],
  ['s2', 'buyer', '', '2024-06-01 11:00:00', '', 'The parcel is late.'],
  ['s2', 'seller', 'Anna', '2024-06-01 11:00:20', '', 'Hi, sorry about that, nothing we can do.'],
  ['s2', 'buyer', '', '2024-06-01 11:30:00', '', 'hello?'],
  ['s2', 'buyer', '', '2024-06-01 12:45:00', '', 'still waiting'],
];
/** The order rows are written in the spreadsheets: conversations interleaved, two rows out of time order. */
const FILE_ORDER = [0, 1, 6, 2, 4, 3, 7, 5, 8, 9];

const ROLE: Record<string, string> = { 买家: 'customer', buyer: 'customer', 卖家: 'agent', seller: 'agent', 机器人: 'system' };

const csvField = (s: string | null) => (s === null ? '' : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const CSV = ['会话ID,发送方,客服,时间,消息类型,内容', ...FILE_ORDER.map((k) => ROWS[k]!.map(csvField).join(','))].join('\r\n') + '\r\n';

function conversations(): { id: string; rows: Row[] }[] {
  return ['s1', 's2'].map((id) => ({ id, rows: ROWS.filter((r) => r[0] === id) }));
}

const files: Record<string, string> = {};

beforeAll(async () => {
  const write = (name: string, data: string | Buffer) => {
    files[name] = join(tmp, name);
    writeFileSync(files[name]!, data);
  };
  write(
    'reference.jsonl',
    conversations()
      .map(({ id, rows }) =>
        JSON.stringify({
          id,
          turns: rows.map(([, role, speaker, time, type, text]) => ({
            role: ROLE[role],
            ...(speaker ? { speaker } : {}),
            time,
            ...(type ? { type } : {}),
            text,
          })),
        }),
      )
      .join('\n') + '\n',
  );
  write('export-utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]));
  write('export-gb18030.csv', iconv.encode(CSV, 'gb18030'));
  write('export.tsv', CSV.replace(/,/g, '\t').replace(/"非常抱歉，本店支持""无条件退货""\t\n请放心。"/, '"非常抱歉，本店支持""无条件退货""，\n请放心。"'));
  const sheet = [
    ['会话ID', '发送方', '坐席', '时间', '消息类型', '内容'].map((value) => ({ value })),
    ...FILE_ORDER.map((k) => {
      const [conv, role, speaker, time, type, text] = ROWS[k]!;
      return [conv, role, speaker || null, new Date(`${time.replace(' ', 'T')}Z`), type || null, text].map((value) => ({ value: value === '' ? null : value }));
    }),
  ];
  write('export.xlsx', await (await writeExcelFile(sheet as never, { dateFormat: 'yyyy-mm-dd hh:mm:ss' })).toBuffer());
  write(
    'conversations.json',
    JSON.stringify(
      conversations().map(({ id, rows }) => ({
        session_id: id,
        channel: 'chat',
        messages: rows.map(([, role, speaker, time, type, text]) => ({
          sender: role,
          agent_name: speaker,
          timestamp: time,
          msg_type: type || 'text',
          content: text,
        })),
      })),
      null,
      2,
    ),
  );
  write(
    'messages.json',
    JSON.stringify(
      FILE_ORDER.map((k) => ROWS[k]!).map(([conversation_id, role, speaker, time, type, text]) => ({ conversation_id, role, speaker, time, type, text })),
      null,
      1,
    ),
  );
  write(
    'messages.jsonl',
    FILE_ORDER.map((k) => ROWS[k]!)
      .map(([session_id, from, name, time, type, message]) =>
        JSON.stringify({ session_id, from, name, ts: `${time.replace(' ', 'T')}+08:00`, msg_type: type, message }),
      )
      .join('\n'),
  );
  const line = ([, role, speaker, time, , text]: Row) => {
    const who =
      ROLE[role] === 'system'
        ? '机器人'
        : ROLE[role] === 'agent'
          ? speaker === 'Anna'
            ? 'Agent (Anna)'
            : `客服${speaker}`
          : speaker === '' && role === 'buyer'
            ? 'Customer'
            : '顾客';
    const stamp = role === 'buyer' || role === 'seller' ? `[${time.slice(11)}]` : time;
    return `${stamp} ${who}：${text ?? '[图片]'}`;
  };
  write(
    'transcript.txt',
    conversations()
      .map(({ rows }) => rows.map(line).join('\n'))
      .join('\n\n') + '\n',
  );
});

async function lint(name: string): Promise<FileResult> {
  const { result } = await runFiles([files[name]!], OPTIONS);
  return result.files[0]!;
}

/** What a finding says, apart from where it is and the conversation's id. */
const said = (r: FileResult) =>
  r.findings.map((f) => [f.ruleId, f.turn, f.role, f.speaker ?? '', f.text, f.message]).sort((a, b) => String(a).localeCompare(String(b)));

describe('chat exports in every shape', () => {
  test('the reference JSONL', async () => {
    const r = await lint('reference.jsonl');
    expect(said(r)).toEqual(
      [
        ['test/blame-shifting', 3, 'agent', '小美', '这不归我管', '不要推诿。'],
        ['test/blame-shifting', 3, 'agent', '小美', '你去问别的部门', '不要推诿。'],
        ['test/greeting', 3, 'agent', '小美', '这不归我管，你去问别的部门', '这一轮缺少应有的表达。'],
        ['timing/slow-first-response', 3, 'agent', '小美', '这不归我管，你去问别的部门', '顾客发来第一条消息后，客服 1m10s 才首次回复（标准 30s 内）。'],
        ['term/seven-day-return', 5, 'agent', '小美', '无条件退货', expect.any(String)],
        ['test/dont-know', 1, 'agent', 'Anna', 'nothing we can do', expect.any(String)],
        ['timing/unanswered-wait', 2, 'customer', '', 'hello?', '顾客的消息 1h15m 都没有等到客服回复（超过 1h00m 视为未回复）。'],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    expect(r.units).toBe(8);
    expect(r.skipped).toEqual({ media: 1, empty: 1 });
  });

  for (const name of [
    'export-utf8-bom.csv',
    'export-gb18030.csv',
    'export.tsv',
    'export.xlsx',
    'conversations.json',
    'messages.json',
    'messages.jsonl',
    'transcript.txt',
  ]) {
    test(`${name}: the same findings as the reference`, async () => {
      const [reference, r] = [await lint('reference.jsonl'), await lint(name)];
      expect(said(r)).toEqual(said(reference));
      expect(r.units).toBe(reference.units);
      if (name !== 'transcript.txt') expect(r.skipped).toEqual(reference.skipped);
    });
  }

  test('detected formats', async () => {
    const formats = await Promise.all(Object.keys(files).map(async (n) => [n, (await openSource(files[n]!)).format]));
    expect(Object.fromEntries(formats)).toEqual({
      'reference.jsonl': 'jsonl',
      'export-utf8-bom.csv': 'csv',
      'export-gb18030.csv': 'csv',
      'export.tsv': 'tsv',
      'export.xlsx': 'xlsx',
      'conversations.json': 'json',
      'messages.json': 'json',
      'messages.jsonl': 'jsonl',
      'transcript.txt': 'text',
    });
  });

  test('positions in the source: CSV line and column, in UTF-8 with a BOM and in GB18030', async () => {
    for (const name of ['export-utf8-bom.csv', 'export-gb18030.csv']) {
      const r = await lint(name);
      const term = r.findings.find((f) => f.ruleId === 'term/seven-day-return')!;
      // Row 9 of the file: s1,卖家,小美,…,"非常抱歉，本店支持""无条件退货""，⏎请放心。"
      const lines = CSV.split('\n');
      const row = lines.findIndex((l) => l.includes('本店支持')) + 1;
      expect([term.line, term.column]).toEqual([row, lines[row - 1]!.indexOf('无条件退货') + 1]);
      expect([term.endLine, term.endColumn]).toEqual([row, lines[row - 1]!.indexOf('无条件退货') + 6]);
      const wait = r.findings.find((f) => f.ruleId === 'timing/unanswered-wait')!;
      expect([wait.line, wait.column]).toEqual([
        lines.findIndex((l) => l.includes('hello?')) + 1,
        lines.find((l) => l.includes('hello?'))!.indexOf('hello?') + 1,
      ]);
    }
  });

  test('positions in the source: xlsx row and cell column', async () => {
    const r = await lint('export.xlsx');
    const term = r.findings.find((f) => f.ruleId === 'term/seven-day-return')!;
    expect([term.line, term.column]).toEqual([FILE_ORDER.indexOf(5) + 2, 6]);
  });

  test('positions in the source: JSON arrays, JSONL and text', async () => {
    for (const name of ['conversations.json', 'messages.json', 'messages.jsonl', 'transcript.txt']) {
      const src = readFileSync(files[name]!, 'utf8');
      const r = await lint(name);
      const f = r.findings.find((x) => x.ruleId === 'test/dont-know')!;
      expect(src.slice(f.offset, f.endOffset), name).toBe('nothing we can do');
      const lines = src.split('\n');
      expect(lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1), name).toBe('nothing we can do');
    }
  });

  test('conversation fields pass through; bots are system; times and speakers kept', async () => {
    const cs = await all(await openSource(files['conversations.json']!));
    expect(cs.map((c) => [c.id, c.channel, c.units.map((u) => `${u.index}:${u.role}:${u.speaker ?? ''}:${u.time}`)])).toEqual([
      [
        's1',
        'chat',
        ['0:customer::2024-06-01 10:00:00', '1:system::2024-06-01 10:00:01', '3:agent:小美:2024-06-01 10:01:10', '5:agent:小美:2024-06-01 10:03:00'],
      ],
      [
        's2',
        'chat',
        ['0:customer::2024-06-01 11:00:00', '1:agent:Anna:2024-06-01 11:00:20', '2:customer::2024-06-01 11:30:00', '3:customer::2024-06-01 12:45:00'],
      ],
    ]);
  });
});
