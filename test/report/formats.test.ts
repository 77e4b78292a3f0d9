import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkstyle } from '../../src/report/checkstyle.js';
import { FORMATS } from '../../src/report/formats.js';
import { escapeData, escapeProperty, github } from '../../src/report/github.js';
import { junit } from '../../src/report/junit.js';
import { rdjson } from '../../src/report/rdjson.js';
import type { LintResult } from '../../src/runner/result.js';
import { CWD, nasty, sampleResult } from './fixture.js';

const opts = { color: false, cwd: CWD };
let result: LintResult;
beforeAll(async () => {
  result = await sampleResult();
});

/** The sample result with every finding's message full of characters to escape. */
const nastyResult = (): LintResult => ({ ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.map(nasty) })) });
const NASTY = '100% <sure> & "quoted" \'x\': a, b\r\nnext line\ttab \ufffdbell';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase', 'file', 'error'].includes(name),
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
});

describe('format registry', () => {
  it('loads every format lazily by name', async () => {
    expect(Object.keys(FORMATS).sort()).toEqual([
      'checkstyle',
      'compact',
      'csv',
      'github',
      'html',
      'json',
      'jsonl',
      'junit',
      'rdjson',
      'sarif',
      'stylish',
      'unix',
    ]);
    for (const name of ['sarif', 'junit', 'checkstyle', 'github', 'rdjson', 'json', 'jsonl', 'html', 'unix', 'compact', 'csv']) {
      const reporter = await FORMATS[name]!.reporter();
      expect(typeof reporter(result, opts)).toBe('string');
    }
  });
});

describe('junit', () => {
  it('is well-formed XML with one failing test case per finding and a passing one per clean file', () => {
    const out = junit(result, opts);
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = xml.parse(out);
    expect(doc.testsuites.tests).toBe('7');
    expect(doc.testsuites.failures).toBe('6');
    expect(doc.testsuites.time).toBe('0.000');
    const suites = doc.testsuites.testsuite as any[];
    expect(suites.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['replies/退货, 换货.yaml', '3', '3'],
      ['chats/c1.jsonl', '3', '3'],
      ['replies/clean.yaml', '1', '0'],
    ]);
    const first = suites[0].testcase[0];
    expect(first.name).toBe('term/seven-day-return 1:5 return-1');
    expect(first.classname).toBe('replies/退货, 换货.yaml');
    expect(first.time).toBe('0.000');
    expect(first.file).toBeUndefined();
    expect(first.failure.type).toBe('warning');
    expect(first.failure.message).toBe('“无条件退货”应为“七日无理由退货”：无理由不等于无条件');
    expect(first.failure['#text']).toContain('replies/退货, 换货.yaml:1:5: warning:');
    expect(first.failure['#text']).toContain('suggestions: 七日无理由退货');
    expect(suites[2].testcase[0].failure).toBeUndefined();
  });
  it('gives the run time, and shows an info as a passing test case (an info never fails a run)', () => {
    const file = result.files[0]!;
    const withInfo: LintResult = { ...result, files: [{ ...file, findings: [{ ...file.findings[0]!, severity: 'info' }, file.findings[1]!] }] };
    const doc = xml.parse(junit(withInfo, { ...opts, seconds: 2.5 }));
    expect([doc.testsuites.tests, doc.testsuites.failures, doc.testsuites.time]).toEqual(['2', '1', '2.500']);
    const suite = doc.testsuites.testsuite[0];
    expect([suite.tests, suite.failures]).toEqual(['2', '1']);
    expect(suite.testcase[0].failure).toBeUndefined();
    expect(suite.testcase[0]['system-out']).toContain('replies/退货, 换货.yaml:1:5: info:');
    expect(suite.testcase[1].failure.type).toBe('error');
  });
  it('escapes markup and drops characters XML cannot hold', () => {
    const out = junit(nastyResult(), opts);
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = xml.parse(out);
    expect(doc.testsuites.testsuite[0].testcase[0].failure.message).toBe(NASTY);
  });
});

describe('checkstyle', () => {
  it('is well-formed XML with one error element per finding', () => {
    const out = checkstyle(result, opts);
    expect(XMLValidator.validate(out)).toBe(true);
    const files = xml.parse(out).checkstyle.file as any[];
    expect(files.map((f) => f.name)).toEqual(['replies/退货, 换货.yaml', 'chats/c1.jsonl', 'replies/clean.yaml']);
    expect(files[1].error.map((e: any) => [e.line, e.column, e.severity, e.source])).toEqual([
      ['2', '1', 'warning', 'aslint.test/greeting'],
      ['2', '1', 'error', 'aslint.test/missing-apology'],
      ['2', '3', 'error', 'aslint.test/blame-shifting'],
    ]);
    expect(files[0].error[1].message).toBe('不要推诿。 (test/blame-shifting)');
    expect(files[2].error).toBeUndefined();
  });
  it('escapes attribute values', () => {
    const out = checkstyle(nastyResult(), opts);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(xml.parse(out).checkstyle.file[0].error[0].message).toBe(`${NASTY} (term/seven-day-return)`);
  });
});

/** Parses a workflow command line back, undoing the escapes as the Actions runner does. */
function parseCommand(line: string) {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!m) return null;
  const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const props = Object.fromEntries(
    m[2]!.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i), unescape(p.slice(i + 1))];
    }),
  );
  return { command: m[1], props, message: unescape(m[3]!) };
}

describe('github', () => {
  it('writes one workflow command per finding with its position', () => {
    const lines = github(result, opts).trimEnd().split('\n');
    const commands = lines.map(parseCommand).filter((c) => c !== null);
    expect(commands).toHaveLength(6);
    expect(commands[0]).toEqual({
      command: 'warning',
      props: { file: 'replies/退货, 换货.yaml', line: '1', col: '5', endLine: '1', endColumn: '10', title: 'aslint term/seven-day-return' },
      message: '“无条件退货”应为“七日无理由退货”：无理由不等于无条件',
    });
    expect(commands.map((c) => c!.command)).toEqual(['warning', 'error', 'error', 'warning', 'error', 'error']);
    expect(lines.at(-1)).toBe('aslint: 4 error(s), 2 warning(s), 0 info in 3 file(s)');
  });
  it('escapes %, CR, LF in messages and also : and , in properties', () => {
    expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
    expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
    const lines = github(nastyResult(), opts).trimEnd().split('\n');
    expect(lines).toHaveLength(7); // no line break leaks out of a message
    const c = parseCommand(lines[0]!)!;
    expect(c.message).toBe(`${NASTY.replace('\ufffd', '\u0007')} → 七日无理由退货`);
    expect(c.props.file).toBe('replies/退货, 换货.yaml');
  });
  it('maps info to notice and keeps paths outside cwd absolute', () => {
    const file = result.files[0]!;
    const info: LintResult = { ...result, files: [{ ...file, path: '/elsewhere/a.yaml', findings: [{ ...file.findings[0]!, severity: 'info' }] }] };
    const c = parseCommand(github(info, opts).split('\n')[0]!)!;
    expect(c.command).toBe('notice');
    expect(c.props.file).toBe('/elsewhere/a.yaml');
  });
});

describe('rdjson', () => {
  it('gives reviewdog diagnostics with severity, code and docs url', () => {
    const doc = JSON.parse(rdjson(result, opts));
    expect(doc.source.name).toBe('aslint');
    expect(doc.diagnostics).toHaveLength(6);
    expect(doc.diagnostics[0]).toMatchObject({
      message: '“无条件退货”应为“七日无理由退货”：无理由不等于无条件',
      location: { path: 'replies/退货, 换货.yaml' },
      severity: 'WARNING',
      code: { value: 'term/seven-day-return', url: expect.stringMatching(/\/docs\/rules\/term\/seven-day-return\.md$/) },
    });
  });
  it('counts columns in UTF-8 bytes from the file and offers a safe fix as a suggestion', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-rdjson-'));
    try {
      // The sample's first file: its replies sit on line 1 at their text offsets.
      writeFileSync(join(dir, 'r.txt'), '本店支持无条件退货。\n');
      const file = result.files[0]!;
      const one: LintResult = { ...result, files: [{ ...file, path: 'r.txt', findings: [file.findings[0]!] }] };
      const d = JSON.parse(rdjson(one, { color: false, cwd: dir })).diagnostics[0];
      // 本店支持 is 4 characters, 12 bytes: the misuse starts at byte column 13.
      expect(d.location.range).toEqual({ start: { line: 1, column: 13 }, end: { line: 1, column: 28 } });
      expect(d.suggestions).toEqual([{ range: d.location.range, text: '七日无理由退货' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('falls back to the utterance when the file cannot be read', () => {
    const conv = result.files[1]!;
    const blame = conv.findings.find((f) => f.ruleId === 'test/blame-shifting')!;
    const one: LintResult = { ...result, files: [{ ...conv, path: 'missing.jsonl', findings: [blame] }] };
    const d = JSON.parse(rdjson(one, opts)).diagnostics[0];
    // 𠀀 is one code point, two UTF-16 units, four UTF-8 bytes.
    expect(d.location.range).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 20 } });
  });
});
