// npm run bench: aslint side by side with textlint + textlint-rule-prh (the glossary's misuse pairs,
// both scripts) on many small files, in alternating rounds; then MB/s on a large JSONL export,
// start-up for one short file, and peak RSS at three input sizes. Every figure is the whole
// command, as a user runs it.
//   BENCH_FILES (5000) small files, BENCH_ROUNDS (5), BENCH_MIB (24) the large JSONL,
//   BENCH_RSS_MIB (8,32,96) the sizes for peak RSS, ASLINT_ROOT another checkout to measure (before/after).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCorpus, makeTranscripts } from './corpus.js';
import { aslint, aslintFiles, aslintRoot, env, median, run as runIn, setUpTextlint, textlintFiles, writeTranscripts } from './measure.js';

const FILES = Number(env('BENCH_FILES', 5000));
const ROUNDS = Number(env('BENCH_ROUNDS', 5));
const MIB = Number(env('BENCH_MIB', 24));
const RSS_MIB = env('BENCH_RSS_MIB', '8,32,96').split(',').map(Number);

const dir = mkdtempSync(join(tmpdir(), 'aslint-bench-'));
const run = (args) => runIn(args, dir);

const help = run([aslint, 'lint', '--help']).stdout;
const concurrency = help.includes('--concurrency');

// Many small files, the same for both tools: text transcripts.
const smallBytes = writeTranscripts(dir, 'small', FILES);
const prhPairs = await setUpTextlint(dir);
const aslintSmall = () => aslintFiles(dir, 'small', FILES, concurrency ? ['--concurrency', 'auto'] : []);
const textlintSmall = () => textlintFiles(dir, 'small', FILES);

const ratios = [];
const times = { aslint: [], textlint: [] };
const cpu = { aslint: [], textlint: [] };
const cpuRatios = [];
let counts;
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which tool goes first, so neither always gets the warm disk cache.
  const [a, t] = round % 2 === 0 ? [aslintSmall(), textlintSmall()] : (([t2, a2]) => [a2, t2])([textlintSmall(), aslintSmall()]);
  times.aslint.push(a.seconds);
  times.textlint.push(t.seconds);
  ratios.push(t.seconds / a.seconds);
  cpu.aslint.push(a.cpu);
  cpu.textlint.push(t.cpu);
  cpuRatios.push(t.cpu / a.cpu);
  counts = { aslint: a.findings, textlint: t.findings };
}

// One large JSONL export.
const big = join(dir, 'big.jsonl');
writeFileSync(big, makeCorpus(MIB * 1024 * 1024));
const bigBytes = statSync(big).size;
const throughput = (extra) => {
  const runs = [0, 1, 2].map(() => run([aslint, 'lint', big, '--format', 'json', '-o', join(dir, 'big.json'), ...extra]));
  return { seconds: median(runs.map((r) => r.seconds)), cpu: median(runs.map((r) => r.cpu)) };
};
const bigAuto = concurrency ? throughput(['--concurrency', 'auto']) : undefined;
const bigOne = throughput(concurrency ? ['--concurrency', '1'] : []);

// Start-up: one short file.
const short = join(dir, 'short.txt');
writeFileSync(short, makeTranscripts(1, 11)[0]);
const shortRuns = [0, 1, 2, 3, 4, 5, 6].map(() => run([aslint, 'lint', short, '--format', 'json']));
const startup = { seconds: median(shortRuns.map((r) => r.seconds)), cpu: median(shortRuns.map((r) => r.cpu)) };

// Peak RSS (GNU time's %M, KiB) at three sizes.
const rss = RSS_MIB.map((mib) => {
  const file = join(dir, `rss-${mib}.jsonl`);
  writeFileSync(file, makeCorpus(mib * 1024 * 1024, mib));
  const r = run([aslint, 'lint', file, '--format', 'json', '-o', join(dir, 'rss.json')]);
  rmSync(file);
  return `${mib} MiB: ${r.rssMiB.toFixed(0)} MiB`;
});

const mbps = (t) => `${(bigBytes / 1e6 / t.seconds).toFixed(1)} MB/s wall (${t.seconds.toFixed(2)} s; CPU ${t.cpu.toFixed(2)} s)`;
const rows = [
  ['measured', aslintRoot],
  ['small files', `${FILES} text transcripts, ${(smallBytes / 1048576).toFixed(1)} MiB; prh.yml: ${prhPairs} pairs`],
  ['  aslint, median of rounds', `${median(times.aslint).toFixed(2)} s wall, ${median(cpu.aslint).toFixed(2)} s CPU (findings: ${counts.aslint})`],
  [
    '  textlint + prh, median of rounds',
    `${median(times.textlint).toFixed(2)} s wall, ${median(cpu.textlint).toFixed(2)} s CPU (prh findings: ${counts.textlint})`,
  ],
  [
    '  ratio textlint / aslint, median',
    `${median(ratios).toFixed(2)}× wall (rounds: ${ratios.map((r) => r.toFixed(2)).join(' ')}), ${median(cpuRatios).toFixed(2)}× CPU`,
  ],
  [`large JSONL ${(bigBytes / 1048576).toFixed(1)} MiB, one thread`, mbps(bigOne)],
  ...(bigAuto ? [['  --concurrency auto', mbps(bigAuto)]] : []),
  ['one short file, whole command (median of 7)', `${(startup.seconds * 1000).toFixed(0)} ms wall, ${(startup.cpu * 1000).toFixed(0)} ms CPU`],
  ['peak RSS, --format json', rss.join(', ')],
];
for (const [k, v] of rows) console.log(`${k.padEnd(46)} ${v}`);
rmSync(dir, { recursive: true, force: true });
