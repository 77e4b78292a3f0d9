// The linter alone, in process: the rule set is loaded once and the corpora's conversations are
// read into memory once, then every conversation is linted N times. Prints, per corpus, the
// least CPU time of the rounds, and (with --alloc) the bytes V8 allocated in one round, from a
// sampling heap profile that keeps the objects the garbage collector has already taken.
//   npm run build && node bench/lint-only.js [--rounds 5] [--alloc] [--slices 200] [--root other-checkout] [export.jsonl folder/ …]
// --slices N: the first round's warm-up curve instead, the CPU ms of each N conversations in a
// fresh process (the JIT compiles the linter while it runs: the first slices cost several times the last).
// Without paths: the bench's generated corpora (bench/corpus.js), a 4 MiB JSONL export and 5,000
// small transcripts, made in memory.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { makeCorpus, makeTranscripts } from './corpus.js';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const rounds = Number(flag('--rounds') ?? 5);
const slices = flag('--slices');
// --root: another checkout's build, to compare in the same minutes (node bench/lint-only.js --root /work/main).
const root = flag('--root') ?? new URL('..', import.meta.url).pathname;
const { loadRuleSet, lintConversation } = await import(join(root, 'dist/index.js'));
const { openSource, openText } = await import(join(root, 'dist/sources/index.js'));
const alloc = args.includes('--alloc') ? (args.splice(args.indexOf('--alloc'), 1), true) : false;
const paths = args.length > 0 ? args : ['generated 4 MiB export', 'generated 5,000 transcripts'];

const files = (path) =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .map((f) => join(path, f))
    : [path];

/** The documents of a path, or of a generated corpus. */
async function documentsOf(path) {
  if (path === 'generated 4 MiB export') return [openText('export.jsonl', makeCorpus(4 << 20), 'jsonl')];
  if (path === 'generated 5,000 transcripts') return makeTranscripts(5000).map((text, i) => openText(`chat-${i}.txt`, text, 'text'));
  const docs = [];
  for (const file of files(path)) docs.push(await openSource(file));
  return docs;
}

async function conversationsOf(path) {
  const list = [];
  for (const doc of await documentsOf(path)) for await (const c of doc.conversations) list.push(c);
  return list;
}

function lintAll(conversations, ruleSet) {
  let findings = 0;
  for (const c of conversations) findings += lintConversation(c, ruleSet).length;
  return findings;
}

function cpuMs(f) {
  const before = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, result };
}

/** Bytes allocated while f runs, in all and by function, garbage included (V8's sampling heap profiler, one sample per 1 KiB on average). */
async function allocatedBytes(f) {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  f();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let total = 0;
  const byFunction = new Map();
  const walk = (node) => {
    total += node.selfSize;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
    for (const c of node.children) walk(c);
  };
  walk(profile.head);
  return { total, byFunction };
}

const ruleSet = await loadRuleSet();
for (const path of paths) {
  const conversations = await conversationsOf(path);
  const units = conversations.reduce((n, c) => n + c.units.length, 0);
  if (slices) {
    const size = Number(slices);
    const costs = [];
    for (let i = 0; i < conversations.length; i += size) costs.push(cpuMs(() => lintAll(conversations.slice(i, i + size), ruleSet)).ms);
    const first = (n) =>
      costs
        .slice(0, n)
        .reduce((a, b) => a + b, 0)
        .toFixed(0);
    console.log(`${path}: ms per ${size} conversations: ${costs.map((ms) => ms.toFixed(0)).join(' ')}`);
    console.log(`  first ${size * 6}: ${first(6)} ms, all ${conversations.length}: ${first(costs.length)} ms`);
    continue;
  }
  // A first round warms the JIT and loads the segmenter where a boundary needs it.
  const findings = lintAll(conversations, ruleSet);
  let least = Infinity;
  for (let r = 0; r < rounds; r++) least = Math.min(least, cpuMs(() => lintAll(conversations, ruleSet)).ms);
  let line = `${path}: ${conversations.length} conversations, ${units} utterances, ${findings} findings: ${least.toFixed(0)} ms CPU (least of ${rounds})`;
  if (!alloc) {
    console.log(line);
    continue;
  }
  const { total, byFunction } = await allocatedBytes(() => lintAll(conversations, ruleSet));
  console.log(`${line}, ${(total / 1e6).toFixed(1)} MB allocated, by function:`);
  for (const [key, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${(bytes / 1e6).toFixed(1).padStart(8)} MB  ${key}`);
}
