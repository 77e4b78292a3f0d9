// Lints one file in this process and prints what it cost, as JSON: run by bench/run.js.
import { statSync } from 'node:fs';
import { lintFiles, loadRuleSet } from '../dist/index.js';

const file = process.argv[2];
const t0 = performance.now();
const ruleSet = await loadRuleSet();
const t1 = performance.now();
// The segmenter loads on the first match that needs a word boundary: timed apart from linting.
ruleSet.segmenter.boundaries('测试');
const t1b = performance.now();
const result = await lintFiles([file], ruleSet);
const t2 = performance.now();
const findings = result.files.reduce((n, f) => n + f.findings.length, 0);
console.log(
  JSON.stringify({
    loadSeconds: (t1 - t0) / 1000,
    segmenterSeconds: (t1b - t1) / 1000,
    lintSeconds: (t2 - t1b) / 1000,
    bytes: statSync(file).size,
    utterances: result.summary.units,
    findings,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
