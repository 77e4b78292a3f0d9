// A lint worker thread: it is given the validated content of each rule set once, with its compiled
// patterns (never the YAML), restores it, and lints texts (whole small files, or whole-line parts
// of a large JSONL) with it. For a streamed report it may also read small files itself, and render
// the report text of what it linted (runner/batch.ts).
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { lintWholeDocument } from '../engine/lint.js';
import { compileRuleSet, type RuleSet } from '../engine/ruleset.js';
import { openJsonlPart, openText } from '../sources/index.js';
import { serializeError, type LintJob, type WorkerReply, type WorkerRequest } from './pool.js';
import type { FileOutcome } from './batch.js';

const ruleSets = new Map<string, Promise<RuleSet>>();
const port = parentPort!;
let queue: Promise<void> = Promise.resolve();

/** Text units of rendered outcomes a batch of files gathers before it hands them on. */
const REPLY_UNITS = 1 << 20;

const ruleSetOf = (key: string) => ruleSets.get(key)!;

function lint(job: LintJob) {
  return (async () => {
    const ruleSet = await ruleSetOf(job.ruleSet);
    const doc = job.start ? openJsonlPart(job.path, job.text, job.start, job.input) : openText(job.path, job.text, job.format, job.input);
    return lintWholeDocument(doc, ruleSet, job.options);
  })();
}

async function handle(request: Exclude<WorkerRequest, { type: 'rule-set' }>): Promise<void> {
  const { id } = request;
  if (request.type === 'lint') {
    const result = await lint(request.job);
    // Packed and handed over, not cloned: the runner unpacks it when its turn comes (pool.ts PackedResult).
    const packed = serialize(result);
    port.postMessage({ id, packed } satisfies WorkerReply, [packed.buffer]);
  } else if (request.type === 'lint-render') {
    const { renderLinted } = await import('./batch.js');
    const result = renderLinted(request.job.path, await lint(request.job), request.render, true);
    // The rendered bytes handed over, not copied.
    const { bytes } = result.rendered;
    port.postMessage({ id, value: result, last: true } satisfies WorkerReply, bytes ? [bytes.buffer as ArrayBuffer] : []);
  } else {
    // Handed on in bounded pieces, so that a batch of larger files never waits whole in memory.
    const { lintFileJob } = await import('./batch.js');
    let outcomes: FileOutcome[] = [];
    let units = 0;
    for (let k = 0; k < request.job.files.length; k++) {
      const outcome = await lintFileJob(request.job, k, ruleSetOf);
      outcomes.push(outcome);
      if (outcome.kind === 'rendered') {
        for (const piece of outcome.result.rendered.pieces) units += piece.length;
        units += outcome.result.rendered.later.length;
      }
      if (units >= REPLY_UNITS) {
        port.postMessage({ id, value: outcomes, last: false } satisfies WorkerReply);
        outcomes = [];
        units = 0;
      }
    }
    port.postMessage({ id, value: outcomes, last: true } satisfies WorkerReply);
  }
}

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'rule-set') {
    ruleSets.set(request.key, compileRuleSet(request.content.glossary, request.content.rules, request.content.patterns));
    return;
  }
  // One job at a time: interleaved at their awaits, the jobs in flight were all live at once.
  queue = queue.then(() => handle(request).catch((err: unknown) => port.postMessage({ id: request.id, error: serializeError(err) } satisfies WorkerReply)));
});
