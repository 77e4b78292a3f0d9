import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/runner/result.js';
import { FINGERPRINT_KEY, fingerprint, sarif } from '../../src/report/sarif.js';
import type { Finding } from '../../src/core/types.js';
import { CWD, nasty, sampleResult } from './fixture.js';

// The SARIF 2.1.0 JSON Schema (draft-04) as Microsoft's SARIF SDK publishes it in the npm package
// @microsoft/jest-sarif (MIT licence): a devDependency, so this test runs offline. Its patterns are
// written for non-Unicode regexes (one is invalid with the u flag), hence unicodeRegExp: false.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'http://base.invalid/') && !/[\s<>"{}|\\^`]/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

const opts = { color: false, cwd: CWD };
let result: LintResult;
beforeAll(async () => {
  result = await sampleResult();
});

const parse = (r: LintResult, cwd = CWD): Log => JSON.parse(sarif(r, { color: false, cwd }));

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const nastyResult = { ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.map(nasty) })) };
    for (const r of [result, nastyResult, { ...result, files: [] }]) {
      const ok = validate(JSON.parse(sarif(r, opts)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('the validator does reject an invalid log', () => {
    const validate = sarifValidator();
    const log = parse(result) as any;
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    delete log.runs[0].results[0].level;
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
  });

  it('describes every rule of the run, with help and a link to its docs page', () => {
    const run = parse(result).runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([...result.rules.map((r) => r.id), 'aslint/disable-without-reason', 'aslint/unused-disable-directive']);
    expect(rules.at(-1)!.helpUri).toMatch(/\/docs\/rules\/aslint\/unused-disable-directive\.md$/);
    const term = rules.find((r) => r.id === 'term/seven-day-return')!;
    expect(term.shortDescription!.text).toBe('Write “七日无理由退货” (7-day no-reason return), not “无条件退货”, “no-questions-asked return”.');
    expect(term.fullDescription!.text).toContain('无理由不等于无条件');
    expect(term.help!.text).toContain('本店支持无条件退货。');
    expect(term.help!.markdown).toContain('**Flagged:**');
    expect(term.helpUri).toBe('https://github.com/aslint/aslint/blob/main/docs/rules/term/seven-day-return.md');
    expect(run.tool.driver.informationUri).toBe('https://github.com/aslint/aslint');
    expect(term.defaultConfiguration).toEqual({ level: 'warning' });
    const blame = rules.find((r) => r.id === 'test/blame-shifting')!;
    expect(blame.shortDescription!.text).toBe('不要推诿。');
    expect(blame.defaultConfiguration).toEqual({ level: 'error' });
    expect(run.tool.driver.name).toBe('aslint');
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('gives each result its rule, level, region in UTF-16 columns and a relative URI', () => {
    const run = parse(result).runs[0]!;
    const results = run.results!;
    expect(results).toHaveLength(6);
    const rules = run.tool.driver.rules!;
    for (const r of results) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const [first] = results;
    expect(first!.level).toBe('warning');
    expect(first!.message.text).toBe('“无条件退货”应为“七日无理由退货”：无理由不等于无条件');
    expect(first!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: `${encodeURIComponent('退货, 换货.yaml')}`.replace(/^/, 'replies/'), uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 5, endLine: 1, endColumn: 10, snippet: { text: '无条件退货' } },
    });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { description: { text: 'The folder aslint ran in; result paths are relative to it.' } } });
    // After 𠀀 (two UTF-16 units) the phrase starts at column 3.
    const astral = results.find((r) => r.ruleId === 'test/blame-shifting' && r.properties?.unit === 'c1#1')!;
    expect(astral.locations![0]!.physicalLocation!.region).toMatchObject({ startLine: 2, startColumn: 3, endColumn: 8 });
    expect(astral.level).toBe('error');
  });

  it('gives files outside the working folder a relative URI too, never a file: URL of this machine', () => {
    const moved = { ...result, files: [{ ...result.files[0]!, path: '/work/other place/r.yaml' }] };
    const out = sarif(moved, opts);
    expect(out).not.toContain('file:');
    const loc = (JSON.parse(out) as Log).runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
    expect(loc).toEqual({ uri: '../other%20place/r.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('fingerprints do not depend on line numbers, and repeated text gets an occurrence index', () => {
    const prints = (r: LintResult) => parse(r).runs[0]!.results!.map((x) => x.partialFingerprints![FINGERPRINT_KEY]);
    const before = prints(result);
    expect(new Set(before).size).toBe(before.length);
    // The same findings ten lines further down (lines inserted above) keep their fingerprints.
    const shift = (f: Finding): Finding => ({ ...f, line: f.line + 10, endLine: f.endLine + 10, offset: f.offset + 100, endOffset: f.endOffset + 100 });
    const shifted = { ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.map(shift) })) };
    expect(prints(shifted)).toEqual(before);
    // The same text twice in one unit: two fingerprints, the first one unchanged.
    const file = result.files[0]!;
    const twice = { ...result, files: [{ ...file, findings: [file.findings[0]!, { ...file.findings[0]!, column: 20, endColumn: 25 }] }] };
    const [a, b] = prints(twice);
    expect(a).toBe(before[0]);
    expect(b).not.toBe(a);
    expect(a).toBe(fingerprint('term/seven-day-return', 'replies/退货, 换货.yaml', 'return-1', '无条件退货', 0));
    // The path counts: the same finding in another file is another alert.
    const renamed = { ...result, files: [{ ...file, path: 'replies/other.yaml' }] };
    expect(prints(renamed)[0]).not.toBe(before[0]);
    // The working folder does not: a checkout elsewhere gives the same fingerprints.
    expect(parse(result, '/ci/checkout').runs[0]!.results!.map((x) => x.partialFingerprints![FINGERPRINT_KEY])).toEqual(before);
  });
});
