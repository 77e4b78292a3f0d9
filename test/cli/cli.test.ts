// `aslint lint` as a user runs it, in process: exit codes, the json contract, stdin and stylish
// output. test/cli/exit-codes.e2e.test.ts runs the real binary once per exit-code path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers.js';

const DATA = 'test/cli/data';
const TEST_CONTENT = ['--no-defaults', '--glossary', 'test/data/glossary.yaml', '--rules', 'test/data/rules.yaml'];

const aslint = (args: string[], stdin?: string) => runCli(args, undefined, stdin);
const lintJson = async (args: string[], stdin?: string) => {
  const r = await aslint(['lint', ...TEST_CONTENT, '--format', 'json', ...args], stdin);
  return { ...r, report: JSON.parse(r.stdout) };
};

// Colour as in a pipe, whatever the terminal vitest runs in.
beforeEach(() => vi.stubEnv('FORCE_COLOR', '0'));
afterEach(() => vi.unstubAllEnvs());

describe('aslint lint: exit codes', () => {
  it('exits 1 with errors, 0 with warnings only, 1 with warnings over --max-warnings', async () => {
    expect((await aslint(['lint', ...TEST_CONTENT, `${DATA}/chats.jsonl`])).code).toBe(1);
    expect((await aslint(['lint', ...TEST_CONTENT, `${DATA}/replies.yaml`])).code).toBe(0);
    expect((await aslint(['lint', ...TEST_CONTENT, '--max-warnings', '3', `${DATA}/replies.yaml`])).code).toBe(0);
    expect((await aslint(['lint', ...TEST_CONTENT, '--max-warnings', '2', `${DATA}/replies.yaml`])).code).toBe(1);
  });
  it('exits 2 on usage errors, with no stack trace', async () => {
    for (const args of [
      ['lint', 'no-such-file.jsonl'],
      ['lint'],
      ['lint', '--format', 'xml', `${DATA}/chats.jsonl`],
      ['lint', '--max-warnings', 'x', `${DATA}/chats.jsonl`],
      ['frobnicate'],
    ]) {
      const r = await aslint(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await aslint(['lint', 'no-such-file.jsonl'])).stderr).toBe('aslint: no such file or folder: no-such-file.jsonl\n  Check the path.\n');
  });
  it('exits 2 on a malformed rule pack, naming file, line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-cli-'));
    const pack = join(dir, 'bad.yaml');
    writeFileSync(pack, 'pack: p\nrules:\n  - id: a\n    kind: forbidden\n    severity: loud\n');
    const r = await aslint(['lint', '--no-defaults', '--rules', pack, `${DATA}/chats.jsonl`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aslint: ${pack}:5:15: rule "a": rules[0].severity: must be one of: error, warning, info\n  See docs/formats.md for what this file may contain.\n`,
    );
  });
  it('reports a malformed transcript record as an error at its line and column, and goes on (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-cli-'));
    const file = join(dir, 'broken.jsonl');
    writeFileSync(file, '{"id":"a","turns":[]}\n{"id": "b", "turns": [\n');
    const r = await aslint(['lint', ...TEST_CONTENT, '--no-color', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ 2:23 +error +invalid JSON: unexpected end of input: the record was not linted; .* aslint\/unreadable-record/);
    expect(r.stderr).toBe('');
  });
});

describe('aslint lint --format json', () => {
  it('keeps its contract: exact findings with exact positions inside JSON escapes', async () => {
    const { code, report } = await lintJson([`${DATA}/chats.jsonl`]);
    expect(code).toBe(1);
    expect(report).toEqual({
      version: 1,
      files: [
        {
          path: `${DATA}/chats.jsonl`,
          errorCount: 2,
          warningCount: 1,
          infoCount: 0,
          fixableErrorCount: 0,
          fixableWarningCount: 0,
          findings: [
            {
              ruleId: 'test/missing-apology',
              kind: 'require',
              severity: 'error',
              message: '顾客说“太慢了”“怎么回事”后，客服 2 轮内没有致歉。',
              unit: 's1#1',
              conversation: 's1',
              turn: 1,
              role: 'agent',
              line: 1,
              column: 104,
              endLine: 1,
              endColumn: 123,
              text: '您好，这不归我管\n本店支持无条件退货',
              suggestions: [],
              // The customer's words that made the apology due.
              related: [
                { unit: 's1#0', turn: 0, line: 1, column: 50, endLine: 1, endColumn: 60, text: '太慢了，"怎么回事', message: '触发的话：“太慢了”“怎么回事”' },
              ],
            },
            {
              ruleId: 'test/blame-shifting',
              kind: 'forbidden',
              severity: 'error',
              message: '不要推诿。',
              unit: 's1#1',
              conversation: 's1',
              turn: 1,
              role: 'agent',
              line: 1,
              column: 107,
              endLine: 1,
              endColumn: 112,
              text: '这不归我管',
              suggestions: [],
            },
            {
              ruleId: 'term/seven-day-return',
              kind: 'term',
              severity: 'warning',
              message: '“无条件退货”应为“七日无理由退货”：无理由不等于无条件',
              unit: 's1#1',
              conversation: 's1',
              turn: 1,
              role: 'agent',
              line: 1,
              column: 118,
              endLine: 1,
              endColumn: 123,
              text: '无条件退货',
              suggestions: ['七日无理由退货'],
            },
          ],
        },
      ],
      summary: { files: 1, units: 4, errors: 2, warnings: 1, infos: 0 },
      scores: {
        conversations: [
          {
            path: `${DATA}/chats.jsonl`,
            conversation: 's1',
            agents: ['小王'],
            score: 0,
            fatal: ['test/blame-shifting'],
            deductions: [{ ruleId: 'test/missing-apology', points: 10 }],
          },
          { path: `${DATA}/chats.jsonl`, conversation: 's2', agents: [''], score: 100, fatal: [], deductions: [] },
        ],
        agents: [
          { agent: '小王', conversations: 1, averageScore: 0, fatalConversations: 1, errors: 2, warnings: 1, infos: 0 },
          { agent: '', conversations: 1, averageScore: 100, fatalConversations: 0, errors: 0, warnings: 0, infos: 0 },
        ],
      },
    });
  });

  it('pins positions in a YAML block scalar and a CRLF text file with a BOM', async () => {
    const yaml = (await lintJson([`${DATA}/replies.yaml`])).report.files[0].findings;
    expect(
      yaml.map((f: { ruleId: string; unit: string; line: number; column: number; endColumn: number }) => [f.ruleId, f.unit, f.line, f.column, f.endColumn]),
    ).toEqual([
      ['term/seven-day-return', 'r1', 3, 15, 20],
      ['term/price-protection', 'r2', 8, 11, 13],
      ['test/dont-know', 'r2', 8, 16, 19],
    ]);
    const text = (await lintJson([`${DATA}/crlf-bom.txt`])).report.files[0].findings;
    expect(text.map((f: { ruleId: string; line: number; column: number; endColumn: number }) => [f.ruleId, f.line, f.column, f.endColumn])).toEqual([
      ['test/blame-shifting', 3, 4, 9],
      ['test/missing-apology', 3, 4, 9],
    ]);
  });

  it('reads stdin with --stdin-format', async () => {
    const { report } = await lintJson(['-', '--stdin-format', 'replies-yaml'], '- id: a\n  text: 这不归我管\n');
    expect(report.files[0].path).toBe('<stdin>');
    expect(report.files[0].findings.map((f: { ruleId: string; line: number; column: number }) => [f.ruleId, f.line, f.column])).toEqual([
      ['test/blame-shifting', 2, 9],
    ]);
  });

  it('gives the same findings for a conversation in Simplified and in Traditional', async () => {
    const pick = async (file: string) =>
      (await lintJson([`${DATA}/${file}`])).report.files[0].findings.map((f: { ruleId: string; turn: number; column: number; endColumn: number }) => [
        f.ruleId,
        f.turn,
        f.column,
        f.endColumn,
      ]);
    const simplified = await pick('zh-hans.jsonl');
    expect(simplified.map((f: unknown[]) => f[0])).toEqual([
      'test/blame-shifting',
      'test/greeting',
      'test/missing-apology',
      'term/seven-day-return',
      'test/vague-time',
    ]);
    expect(await pick('zh-hant.jsonl')).toEqual(simplified);
  });
});

describe('aslint lint --format stylish', () => {
  it('prints findings by file and conversation with the span underlined: transcripts by turn (from 1) and speaker, replies by line:column', async () => {
    const r = await aslint(['lint', ...TEST_CONTENT, `${DATA}/chats.jsonl`, `${DATA}/replies.yaml`]);
    expect(r.stdout).toBe(
      [
        'test/cli/data/chats.jsonl',
        '  conversation s1 · 小王 · score 0/100 fatal: test/blame-shifting',
        '    s1 · turn 2 · agent 小王  error    顾客说“太慢了”“怎么回事”后，客服 2 轮内没有致歉。  test/missing-apology',
        '                              │ 您好，这不归我管',
        '                              │ ^^^^^^^^^^^^^^^^',
        '    s1 · turn 2 · agent 小王  error    不要推诿。  test/blame-shifting',
        '                              │ 您好，这不归我管',
        '                              │       ^^^^^^^^^^',
        '    s1 · turn 2 · agent 小王  warning  “无条件退货”应为“七日无理由退货”：无理由不等于无条件  → 七日无理由退货  term/seven-day-return',
        '                              │ 本店支持无条件退货',
        '                              │         ^^^^^^^^^^',
        '',
        'test/cli/data/replies.yaml',
        '  reply r1',
        '    3:15  warning  “无条件退货”应为“七日无理由退货”：无理由不等于无条件  → 七日无理由退货  term/seven-day-return',
        '          │ 亲，本店支持无条件退货哦',
        '          │             ^^^^^^^^^^',
        '  reply r2',
        '    8:11  warning  “保价”应为“价保”：保价是物流的保价运输，降价补差叫价保。  → 价保 / 保价运输  term/price-protection',
        '          │ 这件商品支持保价吗？我不知道。',
        '          │             ^^^^',
        '    8:16  warning  不宜使用“不知道”。  test/dont-know',
        '          │ 这件商品支持保价吗？我不知道。',
        '          │                       ^^^^^^',
        '',
        'Agents',
        '  agent      conversations  average score  fatal  errors  warnings  infos',
        '  小王       1              0.0            1      2       1         0',
        '  (unnamed)  1              100.0          0      0       0         0',
        '',
        '✖ 6 problems (2 errors, 4 warnings, 0 info) in 7 utterances in 2 files',
        '  1 fixable with --fix',
        '',
      ].join('\n'),
    );
  });
});
