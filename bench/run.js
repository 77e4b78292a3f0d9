// npm run bench: throughput on a generated corpus, start-up time on one short file, peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCorpus } from './corpus.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = join(here, '..', 'bin', 'aslint.js');
const dir = mkdtempSync(join(tmpdir(), 'aslint-bench-'));
const mib = Number(process.env.BENCH_MIB ?? 8);

const big = join(dir, 'corpus.jsonl');
writeFileSync(big, makeCorpus(mib * 1024 * 1024));
const small = join(dir, 'short.jsonl');
writeFileSync(small, makeCorpus(600, 7));

const run = (args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
};

const m = JSON.parse(run([join(here, 'measure.js'), big]).stdout);
const startups = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  run([bin, 'lint', small, '--format', 'json']);
  startups.push((performance.now() - t) / 1000);
}
startups.sort((a, b) => a - b);

const rows = [
  ['corpus', `${(m.bytes / 1048576).toFixed(1)} MiB, ${m.utterances} utterances, ${m.findings} findings`],
  ['load (glossary + rules)', `${m.loadSeconds.toFixed(3)} s`],
  ['segmenter load (nodejieba, once a run needs it)', `${m.segmenterSeconds.toFixed(3)} s`],
  ['lint', `${m.lintSeconds.toFixed(2)} s`],
  ['throughput', `${(m.bytes / 1048576 / m.lintSeconds).toFixed(2)} MB/s, ${Math.round(m.utterances / m.lintSeconds)} utterances/s`],
  ['peak memory (RSS)', `${m.maxRssMiB.toFixed(0)} MiB`],
  ['start-up, one short file (median of 5, whole CLI)', `${startups[2].toFixed(3)} s`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(50)} ${v}`);
