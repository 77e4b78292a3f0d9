import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFiles, type RunOptions } from '../../src/runner/run.js';
import { ruleMatches } from '../../src/core/rule-pattern.js';
import { parseDirectiveText } from '../../src/engine/suppress.js';
import { TEST_RUN_OPTIONS } from '../helpers.js';

const OPTIONS: RunOptions = TEST_RUN_OPTIONS;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-disable-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Lints one file; findings as [ruleId, line, column, severity]. */
async function lint(name: string, content: string, options: RunOptions = {}) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const { result } = await runFiles([path], { ...OPTIONS, ...options });
  return result.files[0]!.findings.map((f) => [f.ruleId, f.line, f.column, f.severity]);
}

describe('directive syntax', () => {
  it('parses rule ids and the reason after --', () => {
    expect(parseDirectiveText(' aslint-disable-next-line term/a, test/b -- 引用 -- 原话')).toEqual({
      kind: 'disable-next-line',
      rules: ['term/a', 'test/b'],
      reason: '引用 -- 原话',
    });
    expect(parseDirectiveText('aslint-disable')).toEqual({ kind: 'disable', rules: [], reason: null });
    expect(parseDirectiveText('aslint-enable term/*')).toEqual({ kind: 'enable', rules: ['term/*'], reason: null });
    expect(parseDirectiveText('aslint-disabled term/a')).toBeNull();
    expect(parseDirectiveText('just a comment')).toBeNull();
  });
  it('matches ids and prefixes', () => {
    expect(ruleMatches('term/*', 'term/seven-day-return')).toBe(true);
    expect(ruleMatches('term/*', 'terms/x')).toBe(false);
    expect(ruleMatches('*', 'test/x')).toBe(true);
    expect(ruleMatches('test/dont-know', 'test/dont-know')).toBe(true);
    expect(ruleMatches('test/dont', 'test/dont-know')).toBe(false);
  });
});

describe('YAML libraries', () => {
  const library = [
    '- id: r1', //                                                      1
    '  text: 这不归我管，本店支持无条件退货。', //                          2
    '# aslint-disable-next-line test/blame-shifting -- 培训用反例', //       3
    '- id: r2', //                                                      4
    '  text: |', //                                                     5
    '    这不归我管。', //                                                6
    '    本店支持无条件退货。', //                                         7
    '- id: r3', //                                                      8
    '  text: 这不归我管。', //                                            9
    '',
  ].join('\n');

  it('disable-next-line covers the whole reply below it, for the rules it names', async () => {
    expect(await lint('r.yaml', library)).toEqual([
      ['test/blame-shifting', 2, 9, 'error'],
      ['term/seven-day-return', 2, 19, 'warning'],
      ['term/seven-day-return', 7, 9, 'warning'],
      ['test/blame-shifting', 9, 9, 'error'],
    ]);
  });

  it('works for map-style libraries, where the reply is the value of its key', async () => {
    const text = ['# aslint-disable-next-line term/* -- 引用顾客原话', 'quote:', '  text: 您说的无条件退货是指什么？', 'other: 本店支持无条件退货', ''].join(
      '\n',
    );
    expect(await lint('m.yaml', text)).toEqual([['term/seven-day-return', 4, 12, 'warning']]);
  });

  it('a disable-next-line inside a reply covers the field below it, block scalar and all', async () => {
    const text = [
      '- id: a', //                                                    1
      '  # aslint-disable-next-line test/blame-shifting -- 反例', //      2
      '  text: |', //                                                  3
      '    您好。', //                                                   4
      '    这不归我管。', //                                              5
      '  tags: [这不归我管]', //                                          6
      '- id: b', //                                                    7
      '  text: 这不归我管', //                                            8
      '',
    ].join('\n');
    expect(await lint('w.yaml', text)).toEqual([['test/blame-shifting', 8, 9, 'error']]);
    // Above the `replies:` key of a wrapped library it covers that line only, not the whole file.
    const wrapped = ['# aslint-disable-next-line -- 试试', 'replies:', '  - id: a', '    text: 这不归我管', ''].join('\n');
    expect(await lint('x.yaml', wrapped)).toEqual([['test/blame-shifting', 4, 11, 'error']]);
  });

  it('disable / enable blocks, for every rule or some', async () => {
    const text = [
      '# aslint-disable -- 旧话术，下季度重写', //        1
      '- id: a', //                                  2
      '  text: 这不归我管，无条件退货', //              3
      '# aslint-enable', //                          4
      '# aslint-disable term/* -- 待法务确认', //      5
      '- id: b', //                                  6
      '  text: 这不归我管，无条件退货', //              7
      '# aslint-enable term/*', //                   8
      '- id: c', //                                  9
      '  text: 无条件退货', //                         10
      '',
    ].join('\n');
    expect(await lint('b.yaml', text)).toEqual([
      ['test/blame-shifting', 7, 9, 'error'],
      ['term/seven-day-return', 10, 9, 'warning'],
    ]);
  });

  it('an unclosed disable runs to the end of the file; a # line inside a block scalar is text, not a directive', async () => {
    const text = [
      '- id: a',
      '  text: |',
      '    # aslint-disable',
      '    这不归我管',
      '# aslint-disable test/* -- 反例集',
      '- id: b',
      '  text: 这不归我管',
      '',
    ].join('\n');
    expect(await lint('u.yaml', text)).toEqual([['test/blame-shifting', 4, 5, 'error']]);
  });

  it('a disable without a reason suppresses but is itself a warning', async () => {
    const text = ['# aslint-disable-next-line test/blame-shifting', '- id: a', '  text: 这不归我管', ''].join('\n');
    expect(await lint('n.yaml', text)).toEqual([['aslint/disable-without-reason', 1, 1, 'warning']]);
  });

  it('--report-unused-disable-directives names directives that suppress nothing', async () => {
    const text = [
      '# aslint-disable-next-line test/blame-shifting -- 反例', //         1
      '- id: a', //                                                    2
      '  text: 您好', //                                                3
      '# aslint-disable-next-line test/blame-shifting, term/* -- 反例', // 4
      '- id: b', //                                                    5
      '  text: 这不归我管', //                                           6
      '',
    ].join('\n');
    expect(await lint('x.yaml', text)).toEqual([]);
    expect(await lint('x.yaml', text, { reportUnusedDisableDirectives: true })).toEqual([
      ['aslint/unused-disable-directive', 1, 1, 'warning'],
      ['aslint/unused-disable-directive', 4, 1, 'warning'],
    ]);
  });

  it('an aslint-disable field works in YAML too', async () => {
    const text = ['- id: a', '  text: 这不归我管', '  aslint-disable: {rules: [test/blame-shifting], reason: 反例}', ''].join('\n');
    expect(await lint('f.yaml', text)).toEqual([]);
  });
});

describe('JSON libraries', () => {
  it('an aslint-disable field with rule ids and a reason covers its reply', async () => {
    const text = JSON.stringify(
      [
        { id: 'a', text: '这不归我管，无条件退货', 'aslint-disable': { rules: ['test/blame-shifting'], reason: '培训反例' } },
        { id: 'b', text: '这不归我管', 'aslint-disable': 'test/* -- 反例' },
        { id: 'c', text: '这不归我管', 'aslint-disable': ['test/blame-shifting'] },
        { id: 'd', text: '这不归我管' },
      ],
      null,
      2,
    );
    expect(await lint('r.json', text)).toEqual([
      ['term/seven-day-return', 4, 20, 'warning'],
      ['aslint/disable-without-reason', 20, 5, 'warning'],
      ['test/blame-shifting', 26, 14, 'error'],
    ]);
  });
});

describe('text libraries', () => {
  it('an aslint-disable-next-line comment line covers the next reply line', async () => {
    const text = ['# aslint-disable-next-line test/blame-shifting -- 反例', '', '这不归我管', '这不归我管', ''].join('\r\n');
    expect(await lint('r.txt', text)).toEqual([['test/blame-shifting', 4, 1, 'error']]);
  });
});

describe('transcripts', () => {
  it('have no directives: a comment-looking text is just text', async () => {
    const jsonl =
      JSON.stringify({
        id: 'c1',
        turns: [
          { role: 'agent', text: '# aslint-disable' },
          { role: 'agent', text: '这不归我管' },
        ],
      }) + '\n';
    expect((await lint('c.jsonl', jsonl)).map((f) => f[0])).toContain('test/blame-shifting');
  });
});
