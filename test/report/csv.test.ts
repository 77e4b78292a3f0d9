// `--format csv` (one row per finding) and `--scores-file` (.csv or .xlsx: one row per
// conversation and per agent), read back with the libraries a spreadsheet user's tools use.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { csv } from '../../src/report/csv.js';
import type { LintResult } from '../../src/runner/result.js';
import { scoreResult } from '../../src/runner/scores.js';
import { scoresCsv, scoresXlsx } from '../../src/report/scores-file.js';
import { runCli } from '../helpers.js';
import { CWD, sampleResult } from './fixture.js';

let result: LintResult;
beforeAll(async () => {
  result = await sampleResult();
  // The conversation's turns name an agent and a time, as exports do.
  for (const f of result.files[1]!.findings) if (f.role === 'agent') Object.assign(f, { speaker: '小王', time: '2024-06-01 10:00:05' });
  result.files[1]!.conversations = [{ id: 'c1', agents: ['小王'], turns: 2 }];
});

const rowsOf = (text: string) => parse(text, { bom: true }) as string[][];

describe('--format csv', () => {
  it('writes one row per finding, UTF-8 with a BOM and CRLF, turns counted from 1', () => {
    const out = csv(result, { color: false, cwd: CWD });
    expect(out.startsWith('\uFEFFfile,line,column,conversation,turn,role,agent,time,rule,severity,text,message,suggestions\r\n')).toBe(true);
    expect(rowsOf(out)).toEqual([
      ['file', 'line', 'column', 'conversation', 'turn', 'role', 'agent', 'time', 'rule', 'severity', 'text', 'message', 'suggestions'],
      [
        'replies/退货, 换货.yaml',
        '1',
        '5',
        '',
        '',
        'agent',
        '',
        '',
        'term/seven-day-return',
        'warning',
        '无条件退货',
        '“无条件退货”应为“七日无理由退货”：无理由不等于无条件',
        '七日无理由退货',
      ],
      ['replies/退货, 换货.yaml', '1', '1', '', '', 'agent', '', '', 'test/blame-shifting', 'error', '这不归我管', '不要推诿。', ''],
      ['replies/退货, 换货.yaml', '1', '7', '', '', 'agent', '', '', 'test/blame-shifting', 'error', '你去问别的部门', '不要推诿。', ''],
      ['chats/c1.jsonl', '2', '1', 'c1', '2', 'agent', '小王', '2024-06-01 10:00:05', 'test/greeting', 'warning', '𠀀这不归我管', '这一轮缺少应有的表达。', ''],
      [
        'chats/c1.jsonl',
        '2',
        '1',
        'c1',
        '2',
        'agent',
        '小王',
        '2024-06-01 10:00:05',
        'test/missing-apology',
        'error',
        '𠀀这不归我管',
        '顾客说“太慢了”后，客服 2 轮内没有致歉。',
        '',
      ],
      ['chats/c1.jsonl', '2', '3', 'c1', '2', 'agent', '小王', '2024-06-01 10:00:05', 'test/blame-shifting', 'error', '这不归我管', '不要推诿。', ''],
    ]);
  });

  it('keeps commas, quotes and line breaks in one cell, and disarms cells a spreadsheet would run as formulas', () => {
    const f = result.files[0]!.findings[0]!;
    const tricky: LintResult = {
      ...result,
      files: [
        {
          path: 'r.yaml',
          units: 1,
          findings: [
            { ...f, message: 'a, "b"\r\nc', text: '=HYPERLINK("http://x")' },
            { ...f, text: '-5元', message: '@SUM(A1)' },
          ],
        },
      ],
    };
    const rows = rowsOf(csv(tricky, { color: false, cwd: CWD }));
    expect(rows[1]!.slice(10, 12)).toEqual(['\'=HYPERLINK("http://x")', 'a, "b"\r\nc']);
    expect(rows[2]!.slice(10, 12)).toEqual(["'-5元", "'@SUM(A1)"]);
  });
});

describe('--scores-file', () => {
  it('as CSV: a row per conversation, then a row per agent, under one header with a kind column', () => {
    const rows = rowsOf(scoresCsv(scoreResult(result.files), CWD));
    expect(rows).toEqual([
      [
        'kind',
        'file',
        'conversation',
        'agents',
        'score',
        'fatal',
        'deductions',
        'findings',
        'agent',
        'conversations',
        'average score',
        'fatal conversations',
        'errors',
        'warnings',
        'infos',
      ],
      ['conversation', 'chats/c1.jsonl', 'c1', '小王', '0', 'test/blame-shifting', 'test/missing-apology −10', '3', '', '', '', '', '', '', ''],
      ['agent', '', '', '', '', '', '', '', '小王', '1', '0', '1', '2', '1', '0'],
    ]);
  });

  it('as xlsx: a conversations sheet and an agents sheet, numbers as numbers', async () => {
    const sheets = (await readXlsxFile(await scoresXlsx(scoreResult(result.files), CWD))) as unknown as { sheet: string; data: unknown[][] }[];
    expect(sheets.map((s) => s.sheet)).toEqual(['conversations', 'agents']);
    const values = (name: string) => sheets.find((s) => s.sheet === name)!.data;
    expect(values('conversations')).toEqual([
      ['file', 'conversation', 'agents', 'score', 'fatal', 'deductions', 'findings'],
      ['chats/c1.jsonl', 'c1', '小王', 0, 'test/blame-shifting', 'test/missing-apology −10', 3],
    ]);
    expect(values('agents')).toEqual([
      ['agent', 'conversations', 'average score', 'fatal conversations', 'errors', 'warnings', 'infos'],
      ['小王', 1, 0, 1, 2, 1, 0],
    ]);
  });

  it('is written by aslint lint --scores-file, and a name that is neither .csv nor .xlsx is a usage error before linting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-scores-'));
    const chats = join(dir, 'chats.jsonl');
    writeFileSync(chats, '{"id":"a","turns":[{"role":"customer","text":"在吗"},{"role":"agent","speaker":"小李","text":"您好，在的"}]}\n');
    const ok = await runCli(['lint', '--no-defaults', '--no-config', '--scores-file', join(dir, 'scores.csv'), chats], dir);
    expect(ok.code).toBe(0);
    expect(
      rowsOf(readFileSync(join(dir, 'scores.csv'), 'utf8'))
        .slice(1)
        .map((r) => r.filter(Boolean)),
    ).toEqual([
      ['conversation', 'chats.jsonl', 'a', '小李', '100', '0'],
      ['agent', '小李', '1', '100', '0', '0', '0', '0'],
    ]);
    const bad = await runCli(['lint', '--no-defaults', '--no-config', '--scores-file', join(dir, 'scores.ods'), chats], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('aslint: --scores-file writes .csv or .xlsx, not ".ods"\n  Name the file scores.csv or scores.xlsx.\n');
    expect(bad.stdout).toBe('');
  });
});
