// The fuzz harness: inputs are built from tokens that matter to each format (brackets, quotes,
// anchors, role prefixes, escapes, runs of "- ", control characters, misused terms), so that a
// seeded fast-check run reaches the parsers' corners in a few thousand inputs per format.
// Each input is read and linted in process with one compiled rule set; the invariants:
// - nothing throws but an InputError, and every InputError names its line and column;
// - each input finishes within the time limit (a hang is a failure, not a slow test);
// - every finding's line and column are where its offset is in the decoded text.
import fc from 'fast-check';
import { lintConversation } from '../../../src/engine/lint.js';
import type { RuleSet } from '../../../src/engine/ruleset.js';
import { LineMap, openText } from '../../../src/sources/index.js';
import { InputError } from '../../../src/core/types.js';
import type { SourceFormat } from '../../../src/sources/index.js';

/** Longest a single input may take (the bound is 5 s; real inputs take well under 50 ms). */
export const INPUT_TIME_LIMIT_MS = 5000;

const SHARED = [
  '\n',
  '\r\n',
  ' ',
  '  ',
  '\t',
  '- ',
  '- - - - - - - - ',
  '\u0000',
  '\u001b[2J',
  '\u001b]8;;x\u0007',
  '\ufeff',
  '\u202e',
  '无条件退货',
  '這不歸我管',
  '保价',
  '您好',
  '投诉',
  'ＳＯＲＲＹ',
  '𠀀',
  '\ud800',
  '#',
  ':',
  '：',
  '"',
  "'",
  '\\',
  '\\u0041',
  '\\ud83d',
  '{',
  '}',
  '[',
  ']',
  ',',
];

const TOKENS: Record<string, string[]> = {
  jsonl: [
    ...SHARED,
    '{"id":"c1","turns":[',
    '{"role":"agent","text":"',
    '{"role":"customer","text":"',
    '"speaker":"',
    '"time":"2026-01-01T10:00:00Z"',
    '"},',
    '"}]}\n',
    '"messages":[',
    '"content":',
    'null',
    '1e309',
    '-0',
    'true',
    '"tags":["a"]',
  ],
  json: [...SHARED, '[{"id":"c1","turns":[', '{"role":"agent","text":"', '"}]}]', '{"conversations":[', 'null', '1e999'],
  text: [...SHARED, '客服：', '顾客：', 'Agent: ', 'Customer: ', '客服-小王：', 'Agent (Amy): ', '客服- - - - - ：', '坐席（', '）：', '\n\n'],
  csv: [...SHARED, 'conversation,role,text\n', 'c1,agent,', 'c1,customer,', '"a,b"', '""', ';', '\n'],
  tsv: [...SHARED, 'conversation\trole\ttext\n', 'c1\tagent\t', 'c1\tcustomer\t', '\t'],
  'replies-yaml': [
    ...SHARED,
    '- id: r1\n  text: ',
    '- {id: r2, text: ',
    'text: |\n    ',
    'text: >-\n  ',
    '&a ',
    '*a',
    '&b [*b]',
    '!!str ',
    '!custom ',
    '? ',
    '---\n',
    '...\n',
    '%YAML 1.2\n',
    '# aslint-disable-next-line term/seven-day-return -- 原因\n',
    'aslint-disable: ',
    '    ',
  ],
  'replies-json': [...SHARED, '[{"id":"r1","text":"', '"}]', '{"r1":{"text":"', '"aslint-disable":"term/x -- y"', '{"replies":['],
  'replies-text': [...SHARED, '# aslint-disable-next-line term/seven-day-return -- 原因\n', '# 注释\n', '本店支持'],
};

export const READER_FORMATS = Object.keys(TOKENS) as SourceFormat[];

/** Text made of format tokens and arbitrary strings. */
export function textFor(format: string): fc.Arbitrary<string> {
  const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TOKENS[format]!) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((n) => '- '.repeat(n)) },
  );
  return fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''));
}

export interface Outcome {
  /** What the CLI would exit with: 0 nothing, 1 findings, 2 an input error. */
  exit: 0 | 1 | 2;
  ms: number;
}

/** Reads and lints one input; throws (failing the property) when an invariant breaks. */
export async function readAndLint(format: SourceFormat, text: string, ruleSet: RuleSet): Promise<Outcome> {
  const started = performance.now();
  let findings = 0;
  try {
    const doc = openText(`fuzz.${format}`, text, format);
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let lines: LineMap | undefined;
    for await (const conversation of doc.conversations) {
      for (const f of lintConversation(conversation, ruleSet)) {
        findings++;
        lines ??= new LineMap(body);
        const p = lines.point(f.offset);
        if (f.line !== p.line || f.column !== p.column) {
          throw new Error(`${f.ruleId} at ${f.line}:${f.column} but its offset ${f.offset} is ${p.line}:${p.column}`);
        }
      }
      if (performance.now() - started > INPUT_TIME_LIMIT_MS) throw new Error(`over ${INPUT_TIME_LIMIT_MS} ms`);
    }
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (e.line === undefined || e.column === undefined) throw new Error(`an input error without a place: ${e.format()}`, { cause: e });
    return { exit: 2, ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  if (ms > INPUT_TIME_LIMIT_MS) throw new Error(`over ${INPUT_TIME_LIMIT_MS} ms`);
  return { exit: findings > 0 ? 1 : 0, ms };
}
