import { describe, expect, test } from 'vitest';
import { openText } from '../../src/sources/index.js';
import { all, at, checkConsistent, problems, units } from './helpers.js';

const csv = (text: string, input = {}) => openText('t.csv', text, 'csv', input);

describe('csv', () => {
  test('quoted fields: "" and line breaks map back to the file', async () => {
    const src = '会话ID,发送方,内容\r\nc1,客服,"他说""好的""，\r\n第二行"\r\nc1,顾客,谢谢\r\n';
    const us = await units(csv(src));
    expect(us.map((u) => [u.id, u.role, u.text])).toEqual([
      ['c1#0', 'agent', '他说"好的"，\r\n第二行'],
      ['c1#1', 'customer', '谢谢'],
    ]);
    expect(at(us[0]!, 0)).toBe('2:8');
    expect(at(us[0]!, 2)).toBe('2:10'); // the "" escape
    expect(at(us[0]!, 3)).toBe('2:12');
    expect(at(us[0]!, us[0]!.text.indexOf('第二行'))).toBe('3:1');
    checkConsistent(us[1]!, src);
  });

  test('the delimiter is the one the header has most of; a speaker column without a role column', async () => {
    const us = await units(csv('session;客服;message\nx;小美;您好\nx;;在吗\n'));
    expect(us.map((u) => [u.role, u.speaker ?? '', u.text, at(u, 0)])).toEqual([
      ['agent', '小美', '您好', '2:6'],
      ['customer', '', '在吗', '3:4'],
    ]);
  });

  test('bad rows are problems where they start; the rows around them are read', async () => {
    const doc = csv('会话ID,发送方,内容\nx,客服,好\nx,店长,好的\nx,机器人,自动回复\nx,顾客,"没关上\ny,客服,不关我事\n');
    expect((await all(doc)).flatMap((c) => c.units.map((u) => `${u.conversationId} ${u.index} ${u.role} ${u.text}`))).toEqual([
      'x 0 agent 好',
      'x 2 system 自动回复',
    ]);
    expect((await problems(doc)).map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      expect.stringMatching(/^5:1 a row that can't be read: Quote Not Closed/),
      '3:3 unknown role "店长"',
    ]);
  });

  test('the config maps columns and roles; a file without a text column is one problem', async () => {
    const text = '单号,身份,聊天记录\nx,店长,您好\n';
    expect(
      (await units(csv(text, { columns: { text: '聊天记录', conversation: '单号' }, roles: { 店长: 'agent' } }))).map((u) => [
        u.conversationId,
        u.role,
        u.text,
      ]),
    ).toEqual([['x', 'agent', '您好']]);
    expect((await problems(csv(text))).map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '1:1 no column of the header holds the message text (columns: 单号, 身份, 聊天记录)',
    ]);
    expect((await problems(csv(text, { columns: { text: '正文' } }))).map((p) => p.message)).toEqual([
      'the config maps text to the column "正文", which this file does not have',
    ]);
  });

  test('media and empty messages are skipped and counted; rows are ordered by time', async () => {
    const cs = await all(
      csv(
        '会话ID,发送方,时间,类型,内容\nx,顾客,2024-06-01 10:00:05,图片,\nx,顾客,2024-06-01 10:00:00,,[图片]\nx,客服,2024-06-01 10:00:09,, \nx,顾客,2024-06-01 09:59:00,,在吗\n',
      ),
    );
    expect(cs.map((c) => [c.id, c.units.map((u) => `${u.index} ${u.text}`), c.skipped])).toEqual([['x', ['0 在吗'], { media: 2, empty: 1 }]]);
  });
});

describe('text transcripts with times and names', () => {
  test('time, role and name in any of the usual orders', async () => {
    const src = [
      '2024-06-01 10:00:01 客服小美：您好',
      '[10:00] Agent (Anna): Hi',
      '【10:01:02】顾客：在吗',
      '小王（客服）：好的',
      'Bob [Customer]: ok',
      '10:02 机器人：自动回复',
      '售后-阿强：已处理',
    ].join('\n');
    const us = await units(openText('t.txt', src, 'text'));
    expect(us.map((u) => [u.role, u.speaker ?? '', u.time ?? '', u.text, at(u, 0)])).toEqual([
      ['agent', '小美', '2024-06-01 10:00:01', '您好', '1:26'],
      ['agent', 'Anna', '10:00', 'Hi', '2:23'],
      ['customer', '', '10:01:02', '在吗', '3:14'],
      ['agent', '小王', '', '好的', '4:8'],
      ['customer', 'Bob', '', 'ok', '5:17'],
      ['system', '', '10:02', '自动回复', '6:11'],
      ['agent', '阿强', '', '已处理', '7:7'],
    ]);
  });

  test('the config role map is understood; a glued name never follows an English role', async () => {
    expect((await units(openText('t.txt', '店长小李：您好\n', 'text', { roles: { 店长: 'agent' } }))).map((u) => [u.role, u.speaker])).toEqual([
      ['agent', '小李'],
    ]);
    const doc = openText('t.txt', 'Customer: hi\nCustomers: not a role\n', 'text');
    expect((await units(doc)).map((u) => u.text)).toEqual(['hi\nCustomers: not a role']);
  });
});
