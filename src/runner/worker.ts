// A lint worker thread: it is given the validated content of each rule set once, with its compiled
// patterns (never the YAML), restores it, and lints texts (whole small files, or whole-line parts of a large JSONL) with it.
// It touches no file: the runner reads and sends the text.
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { lintWholeDocument } from '../engine/lint.js';
import { compileRuleSet, type RuleSet } from '../engine/ruleset.js';
import { openJsonlPart, openText } from '../sources/index.js';
import { InputError } from '../core/types.js';
import type { WorkerReply, WorkerRequest } from './pool.js';

const ruleSets = new Map<string, Promise<RuleSet>>();
const port = parentPort!;

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'rule-set') {
    ruleSets.set(request.key, compileRuleSet(request.content.glossary, request.content.rules, request.content.patterns));
    return;
  }
  const { id, job } = request;
  (async () => {
    const ruleSet = await ruleSets.get(job.ruleSet)!;
    const doc = job.start ? openJsonlPart(job.path, job.text, job.start, job.input) : openText(job.path, job.text, job.format, job.input);
    return lintWholeDocument(doc, ruleSet, job.options);
  })().then(
    (result) => {
      // Packed and handed over, not cloned: the runner unpacks it when its turn comes (pool.ts PackedResult).
      const packed = serialize(result);
      port.postMessage({ id, packed } satisfies WorkerReply, [packed.buffer]);
    },
    (err: unknown) => {
      const error =
        err instanceof InputError
          ? { input: true, message: err.message, file: err.file, line: err.line, column: err.column, hint: err.hint }
          : { input: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
      port.postMessage({ id, error } satisfies WorkerReply);
    },
  );
});
