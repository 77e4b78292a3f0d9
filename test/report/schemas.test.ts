// Every machine-readable format validated against its published schema (kept in ./schemas, see
// its README), and the SARIF log against the rules GitHub code scanning adds to SARIF 2.1.0.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import type { Log } from 'sarif';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkstyle } from '../../src/report/checkstyle.js';
import { junit } from '../../src/report/junit.js';
import { rdjson } from '../../src/report/rdjson.js';
import type { LintResult } from '../../src/runner/result.js';
import { sarif } from '../../src/report/sarif.js';
import { CWD, nasty, sampleResult } from './fixture.js';

const SCHEMAS = join(dirname(fileURLToPath(import.meta.url)), 'schemas');
const opts = { color: false, cwd: CWD, seconds: 1.25 };

let result: LintResult;
/** The sample, the sample with messages full of characters to escape, one with an info, and no files. */
let variants: LintResult[];
beforeAll(async () => {
  result = await sampleResult();
  const file = result.files[0]!;
  variants = [
    result,
    { ...result, files: result.files.map((f) => ({ ...f, findings: f.findings.map(nasty) })) },
    { ...result, files: [{ ...file, findings: [{ ...file.findings[0]!, severity: 'info' }] }] },
    { ...result, files: [] },
  ];
});

async function xsdErrors(xml: string, xsd: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [readFileSync(join(SCHEMAS, xsd), 'utf8')] });
  return r.errors.map((e) => e.message);
}

describe('JUnit against the Jenkins xunit schema (junit-10.xsd)', () => {
  it('every variant is valid', async () => {
    for (const r of variants) expect(await xsdErrors(junit(r, opts), 'junit-10.xsd')).toEqual([]);
  });
  it('the schema does reject what aslint used to write (file and line on a test case)', async () => {
    const old = junit(result, opts).replace(
      '<testcase name="term/seven-day-return 1:5 return-1"',
      '<testcase file="a.yaml" line="1" name="term/seven-day-return 1:5 return-1"',
    );
    expect(await xsdErrors(old, 'junit-10.xsd')).toEqual([
      expect.stringContaining("attribute 'file': The attribute 'file' is not allowed"),
      expect.stringContaining("attribute 'line': The attribute 'line' is not allowed"),
    ]);
  });
});

describe('checkstyle against checkstyle.xsd', () => {
  it('every variant is valid', async () => {
    for (const r of variants) expect(await xsdErrors(checkstyle(r, opts), 'checkstyle.xsd')).toEqual([]);
  });
  it('the schema does reject an error without a line', async () => {
    const broken = checkstyle(result, opts).replace(/ line="\d+"/, '');
    expect(await xsdErrors(broken, 'checkstyle.xsd')).toEqual([expect.stringContaining("The attribute 'line' is required")]);
  });
});

describe("rdjson against reviewdog's DiagnosticResult schema", () => {
  const validate = new Ajv04({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(SCHEMAS, 'rdjson-DiagnosticResult.json'), 'utf8')));
  it('every variant is valid', () => {
    for (const r of variants) {
      validate(JSON.parse(rdjson(r, opts)));
      expect(validate.errors ?? []).toEqual([]);
    }
  });
  it('the schema does reject a severity it does not know', () => {
    const doc = JSON.parse(rdjson(result, opts));
    doc.diagnostics[0].severity = 'FATAL';
    expect(validate(doc)).toBe(false);
  });
});

/**
 * The rules GitHub code scanning applies to an uploaded SARIF file beyond the 2.1.0 schema
 * (GitHub docs, "SARIF support for code scanning"): a driver name; each result with a rule id the
 * driver describes, a message text and 1–10 locations whose artifact URI is relative to the
 * repository (or %SRCROOT%) with a start line; rules with https help links and at most 20 tags;
 * at most 25,000 results and rules per run; a partial fingerprint so that alerts are tracked.
 */
function codeScanningProblems(log: Log): string[] {
  const problems: string[] = [];
  if (log.version !== '2.1.0') problems.push('version is not 2.1.0');
  for (const [i, run] of log.runs.entries()) {
    const driver = run.tool.driver;
    if (!driver.name) problems.push(`run ${i}: no tool.driver.name`);
    const rules = driver.rules ?? [];
    if (rules.length > 25_000) problems.push(`run ${i}: more than 25,000 rules`);
    const ids = new Set(rules.map((r) => r.id));
    for (const r of rules) {
      if (r.helpUri !== undefined && !r.helpUri.startsWith('https://')) problems.push(`rule ${r.id}: helpUri ${r.helpUri} is not https`);
      if (((r.properties?.tags as string[] | undefined) ?? []).length > 20) problems.push(`rule ${r.id}: more than 20 tags`);
    }
    if (driver.informationUri !== undefined && !driver.informationUri.startsWith('https://'))
      problems.push(`informationUri ${driver.informationUri} is not https`);
    const results = run.results ?? [];
    if (results.length > 25_000) problems.push(`run ${i}: more than 25,000 results`);
    for (const [k, r] of results.entries()) {
      const where = `result ${k}`;
      if (!r.ruleId || !ids.has(r.ruleId)) problems.push(`${where}: rule ${r.ruleId} is not described`);
      if (!r.message.text) problems.push(`${where}: no message text`);
      const locations = r.locations ?? [];
      if (locations.length < 1 || locations.length > 10) problems.push(`${where}: ${locations.length} locations`);
      for (const l of locations) {
        const art = l.physicalLocation?.artifactLocation;
        if (!art?.uri || /^[a-z][a-z0-9+.-]*:/i.test(art.uri)) problems.push(`${where}: artifact URI ${art?.uri} is not relative to the repository`);
        if (art?.uriBaseId !== undefined && art.uriBaseId !== '%SRCROOT%') problems.push(`${where}: uriBaseId ${art.uriBaseId}`);
        if (!((l.physicalLocation?.region?.startLine ?? 0) >= 1)) problems.push(`${where}: no start line`);
      }
      if (!r.partialFingerprints || Object.keys(r.partialFingerprints).length === 0) problems.push(`${where}: no partialFingerprints`);
    }
  }
  return problems;
}

describe('SARIF against the SARIF 2.1.0 schema and GitHub code scanning', () => {
  const require = createRequire(import.meta.url);
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'http://base.invalid/') && !/[\s<>"{}|\\^`]/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));

  it('every variant is valid and meets code scanning’s rules', () => {
    for (const r of variants) {
      const log = JSON.parse(sarif(r, opts)) as Log;
      validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(codeScanningProblems(log)).toEqual([]);
    }
  });
  it('the code-scanning check does find a file: URI, an undescribed rule and a missing fingerprint', () => {
    const log = JSON.parse(sarif(result, opts)) as any;
    log.runs[0].results[0].locations[0].physicalLocation.artifactLocation = { uri: 'file:///home/me/r.yaml' };
    log.runs[0].results[1].ruleId = 'nope/nope';
    delete log.runs[0].results[2].partialFingerprints;
    expect(codeScanningProblems(log)).toEqual([
      'result 0: artifact URI file:///home/me/r.yaml is not relative to the repository',
      'result 1: rule nope/nope is not described',
      'result 2: no partialFingerprints',
    ]);
  });
});
