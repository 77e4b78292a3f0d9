// JUnit XML, as CI servers (GitLab, Jenkins, Azure) show test results: one test suite per file,
// one failing test case per finding, one passing test case for a file without findings.
import type { Finding } from '../types.js';
import { xmlAttr, xmlText } from '../text/markup.js';
import { displayPath } from './paths.js';
import type { Reporter } from './result.js';

function failureBody(f: Finding, path: string): string {
  const lines = [`${path}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]`, `unit: ${f.unit}`, `text: ${f.text}`];
  if (f.suggestions.length > 0) lines.push(`suggestions: ${f.suggestions.join(' / ')}`);
  return lines.join('\n');
}

export const junit: Reporter = (result, options) => {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = result.files.reduce((n, f) => n + Math.max(1, f.findings.length), 0);
  const failures = result.files.reduce((n, f) => n + f.findings.length, 0);
  out.push(`<testsuites name="aslint" tests="${total}" failures="${failures}" errors="0">`);
  for (const file of result.files) {
    const path = displayPath(file.path, options.cwd);
    const tests = Math.max(1, file.findings.length);
    out.push(`  <testsuite name="${xmlAttr(path)}" tests="${tests}" failures="${file.findings.length}" errors="0" skipped="0">`);
    if (file.findings.length === 0) {
      out.push(`    <testcase name="${xmlAttr(path)}" classname="${xmlAttr(path)}"/>`);
    }
    for (const f of file.findings) {
      const name = `${f.ruleId} ${f.line}:${f.column} ${f.unit}`;
      out.push(`    <testcase name="${xmlAttr(name)}" classname="${xmlAttr(path)}" file="${xmlAttr(path)}" line="${f.line}">`);
      out.push(`      <failure message="${xmlAttr(f.message)}" type="${f.severity}">${xmlText(failureBody(f, path))}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
