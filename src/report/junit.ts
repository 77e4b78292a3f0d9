// JUnit XML, as CI servers (Jenkins, GitLab, Azure) show test results, valid against the
// Jenkins xunit plugin's junit-10.xsd (the schema is kept in test/report/schemas/): one test
// suite per file, one test case per finding — failing for errors and warnings, passing for infos
// (an info never fails a run, so it is not shown as a failure; its text is in system-out) — and
// one passing test case for a file without findings.
import type { Finding } from '../core/types.js';
import { xmlAttr, xmlText } from '../core/markup.js';
import { displayPath } from './paths.js';
import type { Reporter } from '../runner/result.js';

function findingText(f: Finding, path: string): string {
  const lines = [`${path}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]`, `unit: ${f.unit}`, `text: ${f.text}`];
  if (f.suggestions.length > 0) lines.push(`suggestions: ${f.suggestions.join(' / ')}`);
  return lines.join('\n');
}

/** Seconds as the schema's SUREFIRE_TIME wants them: digits and a decimal point. */
const time = (seconds: number) => seconds.toFixed(3);

export const junit: Reporter = (result, options) => {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failing = (f: Finding) => f.severity !== 'info';
  const total = result.files.reduce((n, f) => n + Math.max(1, f.findings.length), 0);
  const failures = result.files.reduce((n, f) => n + f.findings.filter(failing).length, 0);
  // The run is timed as a whole; files are not timed one by one, so their suites say 0.
  out.push(`<testsuites name="aslint" tests="${total}" failures="${failures}" errors="0" time="${time(options.seconds ?? 0)}">`);
  for (const file of result.files) {
    const path = displayPath(file.path, options.cwd);
    const tests = Math.max(1, file.findings.length);
    out.push(
      `  <testsuite name="${xmlAttr(path)}" tests="${tests}" failures="${file.findings.filter(failing).length}" errors="0" skipped="0" time="${time(0)}" file="${xmlAttr(path)}">`,
    );
    if (file.findings.length === 0) {
      out.push(`    <testcase name="${xmlAttr(path)}" classname="${xmlAttr(path)}" time="${time(0)}"/>`);
    }
    for (const f of file.findings) {
      const name = `${f.ruleId} ${f.line}:${f.column} ${f.unit}`;
      out.push(`    <testcase name="${xmlAttr(name)}" classname="${xmlAttr(path)}" time="${time(0)}">`);
      if (failing(f)) out.push(`      <failure message="${xmlAttr(f.message)}" type="${f.severity}">${xmlText(findingText(f, path))}</failure>`);
      else out.push(`      <system-out>${xmlText(findingText(f, path))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
