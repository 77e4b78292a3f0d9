// A lint worker thread: it is given the validated content of each rule set once, with its compiled
// patterns (never the YAML), restores it, and lints texts (whole small files, or whole-line parts
// of a large JSONL) with it. For a streamed report it may also render the report text of a part
// it linted (runner/batch.ts). It touches no file: the runner reads and sends the text.
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { compileRuleSet, type RuleSet } from '../engine/ruleset.js';
import { lintJob, serializeError, type LintJob, type WorkerReply, type WorkerRequest } from './pool.js';

const ruleSets = new Map<string, Promise<RuleSet>>();
const port = parentPort!;
let queue: Promise<void> = Promise.resolve();

async function lint(job: LintJob) {
  return lintJob(job, await ruleSets.get(job.ruleSet)!);
}

async function handle(request: Exclude<WorkerRequest, { type: 'rule-set' }>): Promise<void> {
  const { id } = request;
  if (request.type === 'lint') {
    const result = await lint(request.job);
    // Packed and handed over, not cloned: the runner unpacks it when its turn comes (pool.ts PackedResult).
    const packed = serialize(result);
    port.postMessage({ id, packed } satisfies WorkerReply, [packed.buffer]);
  } else {
    const { renderLinted } = await import('./batch.js');
    const rendered = await renderLinted(request.job.path, await lint(request.job), request.render);
    // The rendered bytes handed over, not copied.
    port.postMessage({ id, rendered } satisfies WorkerReply, [...new Set(rendered.rendered.bytes.map((b) => b.buffer as ArrayBuffer))]);
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
