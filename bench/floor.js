// npm run bench:floor: how fast aslint could be on many small files, at best, on this machine,
// next to textlint + prh. A run of N files costs at least aslint's start-up plus N times what a
// file costs once the JIT has warmed up. That cost is measured as the difference between runs of
// 2N and N files (the first N of the 2N are the N), with every bundled rule, with no rule at all
// (--no-defaults: reading, parsing, scoring and writing the report only), and for the linter
// alone, in process (bench/lint-only.js). The ratio textlint / (start-up + N × per file) is the
// most that a run without any JIT warm-up would reach.
//   BENCH_FILES (5000), BENCH_ROUNDS (3), ASLINT_ROOT another checkout to measure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTranscripts } from './corpus.js';
import { aslint, aslintFiles, aslintRoot, env, median, root, run, setUpTextlint, textlintFiles, writeTranscripts } from './measure.js';

const N = Number(env('BENCH_FILES', 5000));
const ROUNDS = Number(env('BENCH_ROUNDS', 3));
const dir = mkdtempSync(join(tmpdir(), 'aslint-floor-'));
writeTranscripts(dir, 'n', N);
writeTranscripts(dir, '2n', 2 * N);
writeFileSync(join(dir, 'short.txt'), makeTranscripts(1, 11)[0]);
await setUpTextlint(dir);

const seconds = (f, times = ROUNDS) => median(Array.from({ length: times }, f));
const nodeAlone = seconds(() => run(['-e', '0'], dir).seconds, 7);
const startup = seconds(() => run([aslint, 'lint', 'short.txt', '--format', 'json'], dir).seconds, 7);

/** Median wall seconds for N and 2N files, the two runs alternated in each round. */
function nAnd2n(extra) {
  const n = [];
  const twice = [];
  for (let r = 0; r < ROUNDS; r++) {
    n.push(aslintFiles(dir, 'n', N, extra).seconds);
    twice.push(aslintFiles(dir, '2n', 2 * N, extra).seconds);
  }
  return { n: median(n), twice: median(twice), perFile: (median(twice) - median(n)) / N };
}
const all = nAnd2n([]);
const none = nAnd2n(['--no-defaults']);

// The linter alone, warmed: its least CPU time for the same N transcripts, in process.
const lintOnly = spawnSync(process.execPath, [join(root, 'bench', 'lint-only.js'), '--root', aslintRoot, '--rounds', '3', 'generated 5,000 transcripts'], {
  encoding: 'utf8',
});
const lintMs = Number(/: (\d+) ms CPU/.exec(lintOnly.stdout)?.[1]);
if (!Number.isFinite(lintMs)) throw new Error(`bench/lint-only.js printed no time: ${lintOnly.stdout}${lintOnly.stderr}`);
const linterPerFile = lintMs / 1000 / 5000;

const textlint = seconds(() => textlintFiles(dir, 'n', N).seconds);

const us = (s) => `${(s * 1e6).toFixed(0)} µs`;
const s2 = (s) => `${s.toFixed(2)} s`;
const best = (perFile) => `${(textlint / (startup + N * perFile)).toFixed(1)}× (${s2(startup + N * perFile)})`;
const rows = [
  ['measured', aslintRoot],
  ['node, an empty script (median of 7)', `${(nodeAlone * 1000).toFixed(0)} ms`],
  ['aslint start-up: one short file (median of 7)', `${(startup * 1000).toFixed(0)} ms`],
  [
    `${N} / ${2 * N} files, every bundled rule`,
    `${s2(all.n)} / ${s2(all.twice)}: ${us(all.perFile)} a file warmed; warm-up ${s2(all.n - startup - N * all.perFile)}`,
  ],
  [`${N} / ${2 * N} files, no rule (--no-defaults)`, `${s2(none.n)} / ${s2(none.twice)}: ${us(none.perFile)} a file warmed`],
  ['the linter alone, warmed (bench/lint-only.js)', `${lintMs} ms CPU for ${5000} transcripts: ${us(linterPerFile)} a file`],
  [`textlint + prh, ${N} files (median of ${ROUNDS})`, s2(textlint)],
  ['best ratio with no warm-up: every rule', best(all.perFile)],
  ['  no rule: start-up, read, parse, report', best(none.perFile)],
  ['  start-up and the linter, nothing else', best(linterPerFile)],
  ['10× leaves, start-up apart', `${us((textlint / 10 - startup) / N)} a file, warm-up included`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(46)} ${v}`);
rmSync(dir, { recursive: true, force: true });
