// Where texts are linted. Small files: in this thread. The parts of a large file: in this thread
// and, with --concurrency, in worker threads too (PartLinter). Each worker gets the validated
// rule-set content once and compiles it; the runner awaits results in input order, so the output
// does not depend on where a part was linted.
import { availableParallelism } from 'node:os';
import { deserialize } from 'node:v8';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../core/package.js';
import { lintWholeDocument } from '../engine/lint.js';
import type { RuleSet } from '../engine/ruleset.js';
import { openJsonlPart, openText, type InputOptions } from '../sources/index.js';
import { InputError, type LintOptions } from '../core/types.js';
import type { SourceFormat } from '../sources/index.js';
import type { RuleSetContent } from './rulesets.js';
import type { RenderedResult, RenderJob } from './batch.js';

export type DocumentResult = Awaited<ReturnType<typeof lintWholeDocument>>;

/** A text to lint: a whole file, or a part of a JSONL file that starts at `start`. */
export interface LintJob {
  /** Which rule set (RuleSetPool key). */
  ruleSet: string;
  path: string;
  text: string;
  format: SourceFormat;
  start?: { line: number; offset: number };
  /** How the exports name their columns and roles (the config's `input`). */
  input?: InputOptions;
  /** What the config tells the linter (structured-cloneable). */
  options?: LintOptions;
}

export type WorkerRequest =
  | { type: 'rule-set'; key: string; content: RuleSetContent }
  | { type: 'lint'; id: number; job: LintJob }
  | { type: 'lint-render'; id: number; job: LintJob; render: RenderJob };
/** A lint job's packed result; a rendered one's; or why it failed. */
export type WorkerReply = { id: number; packed: Uint8Array } | { id: number; rendered: RenderedResult } | { id: number; error: SerializedError };

/** An error as a worker posts it (an InputError keeps its place and hint). */
export type SerializedError = { input: boolean; message: string; file?: string; line?: number; column?: number; hint?: string };

export function serializeError(err: unknown): SerializedError {
  return err instanceof InputError
    ? { input: true, message: err.message, file: err.file, line: err.line, column: err.column, hint: err.hint }
    : { input: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

export function deserializeError(error: SerializedError): Error {
  return error.input ? new InputError(error.message, error.file, error.line, error.column, error.hint) : new Error(error.message);
}

/** Lints a job's text (a whole file, or a part of a large JSONL) with a compiled rule set: in this thread, or in a worker. */
export function lintJob(job: LintJob, ruleSet: RuleSet): Promise<DocumentResult> {
  const doc = job.start ? openJsonlPart(job.path, job.text, job.start, job.input) : openText(job.path, job.text, job.format, job.input);
  return lintWholeDocument(doc, ruleSet, job.options);
}

/** What the pool needs of the rule sets: compiled ones (this thread), or their content (workers). */
export interface RuleSetSource {
  compiled(key: string): Promise<RuleSet>;
  content(key: string): Promise<RuleSetContent>;
}

/**
 * A result as it waits for its turn: from a worker, the bytes it packed (v8.serialize, the
 * structured clone's own format) and handed over without a copy, unpacked into objects only when
 * the runner takes it. Results cloned into objects on arrival waited in the main thread's heap
 * (a 1 MiB part of the bench corpus: 6,869 findings, 3.7 MB packed), where each scavenge copied
 * them again: 1.9 s of scavenges in the main thread on a 4 MiB file with 2 workers.
 */
export interface PackedResult {
  unpack(): DocumentResult;
}

/**
 * The number of threads that lint the parts of a large file for --concurrency: a number, or
 * `auto` (one per core). This thread is one of them: 2 means this thread and one worker.
 */
export function lintThreads(concurrency: number | 'auto' | undefined): number {
  if (concurrency === undefined) return 1;
  return concurrency === 'auto' ? availableParallelism() : Math.max(1, Math.floor(concurrency));
}

/** Lints in this thread. */
export class InThreadLinter {
  constructor(private readonly sets: RuleSetSource) {}

  async lint(job: LintJob): Promise<DocumentResult> {
    return lintJob(job, await this.sets.compiled(job.ruleSet));
  }

  async lintPacked(job: LintJob): Promise<PackedResult> {
    const result = await this.lint(job);
    return { unpack: () => result };
  }
}

/** A part of a large file as it comes back: its result, or (rendered by a worker) its report text and counts. */
export type PartResult = PackedResult | RenderedResult;

/** Parts a worker holds at most (the one it lints, the next ones waiting): it never waits for this thread. */
const WORKER_QUEUE = 2;

/** Parts linted ahead of the one being handed on, beyond those the workers hold. */
const THIS_THREAD_AHEAD = 2;

/**
 * Lints the parts of large files: in worker threads while they have room, and in this thread the
 * others. This thread used to only read, forward and write while 2 workers linted: it idled 1.9 s
 * of 2.1 on big4 (4 MiB), and each worker paid its own start, cold first parts and TurboFan
 * compiles. Measured on a loaded 2-core machine (json -o /dev/null, CPU user+sys, least of 5,
 * alternating): big4 one thread 2.47 s; two workers 4.00 s; this thread and one worker 4.19 s.
 * CPU by thread on a 24 MiB makeCorpus file (/proc/PID/task, 3 runs each): one thread 3.6-5.7 s
 * here and 2.0-3.0 s in V8's GC and compiler threads (total 5.6-8.4 s); this thread and a worker
 * 2.2-2.6 s here, 2.6-2.7 s in the worker, 2.7 s in V8's (total 7.5-8.0 s); two workers 0.5 s
 * here, 1.9-2.6 s in each, 2.6-2.8 s in V8's (total 7.2-8.1 s). So a second linting thread
 * costs ~1.5-2 s of CPU whether or not this thread lints, and pays only on large inputs
 * (run.ts WORKER_MIN_BYTES): with this thread linting, auto needs one worker on 2 cores, and a run
 * below that size starts none. (Two threads linting cost more CPU in all than one doing it all:
 * each isolate warms up and compiles on its own, and one thread's GC and compiler threads already
 * keep ~1.5 cores busy.) A worker holds WORKER_QUEUE parts so that it never waits while this thread lints
 * one (parts are placed after the replies that came meanwhile).
 */
export class PartLinter {
  /** How many parts may be in flight. */
  readonly width: number;
  /** How many parts this thread and the workers have been given. */
  readonly placed = { here: 0, workers: 0 };
  private readonly workers: WorkerPool | undefined;
  /** The decisions where parts go, one after the other (lint()). */
  private turn: Promise<unknown> = Promise.resolve();

  /**
   * `threads` lint, this one included; the workers are started when the input still to lint
   * reaches `minBytes` (a worker's start and warm-up are repaid only by a large enough input).
   */
  constructor(
    private readonly here: InThreadLinter,
    sets: RuleSetSource,
    threads: number,
    private readonly minBytes: number,
  ) {
    this.workers = threads > 1 ? new WorkerPool(sets, threads - 1) : undefined;
    this.width = (threads - 1) * WORKER_QUEUE + THIS_THREAD_AHEAD;
  }

  /**
   * Lints a part (rendered by a worker for `render`): in a worker that has room, else here.
   * `bytesLeft`: the bytes of the input still to lint, this part's included. Parts are placed
   * in the order they are given, each after the replies that came while this thread linted the
   * one before (a worker's count of parts in hand is only known then).
   */
  lint(job: LintJob, bytesLeft: number, render?: RenderJob): Promise<PartResult> {
    const placed = this.turn.then(async (): Promise<{ sent: Promise<PartResult> } | { done: PartResult }> => {
      const workers = this.workers;
      if (workers && (workers.started || bytesLeft >= this.minBytes)) {
        await new Promise(setImmediate);
        if (workers.hasRoom()) {
          this.placed.workers++;
          return { sent: render ? workers.lintRendered(job, render) : workers.lintPacked(job) };
        }
      }
      this.placed.here++;
      // Awaited before the next part is placed: this thread lints one part at a time.
      const done = await this.here.lintPacked(job);
      return { done };
    });
    this.turn = placed.catch(() => {});
    return placed.then((p) => ('sent' in p ? p.sent : p.done));
  }

  close(): Promise<void> {
    return this.workers?.close() ?? Promise.resolve();
  }
}

const WORKER_YOUNG_GENERATION_MB = 8;

interface PoolWorker {
  worker: Worker;
  busy: number;
  ruleSets: Set<string>;
}

/** Worker threads, started when the first job comes. */
class WorkerPool {
  private workers: PoolWorker[] = [];
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (e: unknown) => void; worker: PoolWorker }>();

  constructor(
    private readonly sets: RuleSetSource,
    private readonly threads: number,
  ) {}

  get started(): boolean {
    return this.workers.length > 0;
  }

  /** Whether a worker holds fewer than WORKER_QUEUE parts (or none is started yet). */
  hasRoom(): boolean {
    return this.workers.length === 0 || this.workers.some((w) => w.busy < WORKER_QUEUE);
  }

  private start(): void {
    // bin/worker.js: the bundled worker (with its code cache), or dist/runner/worker.js when tsc wrote it since.
    const script = join(PACKAGE_ROOT, 'bin', 'worker.js');
    for (let i = 0; i < this.threads; i++) {
      // A small young generation: a worker's results are handed on as they are made, so little
      // lives long. Measured on 16 MiB with 2 workers: 8 MiB took each worker's heap from ~60 MB
      // to ~35 MB (peak RSS 411 -> 350 MiB), with no more CPU.
      const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      const entry: PoolWorker = { worker, busy: 0, ruleSets: new Set() };
      worker.on('message', (reply: WorkerReply) => {
        const w = this.waiting.get(reply.id);
        if (!w) return;
        this.waiting.delete(reply.id);
        w.worker.busy--;
        if ('error' in reply) w.reject(deserializeError(reply.error));
        else w.resolve(reply);
      });
      worker.on('error', (err) => this.failAll(entry, err));
      worker.on('exit', (code) => this.failAll(entry, new Error(`a lint worker stopped (exit code ${code})`)));
      this.workers.push(entry);
    }
  }

  private failAll(entry: PoolWorker, err: unknown): void {
    for (const [id, w] of this.waiting) {
      if (w.worker !== entry) continue;
      this.waiting.delete(id);
      w.reject(err);
    }
  }

  async lintPacked(job: LintJob): Promise<PackedResult> {
    const reply = await this.send({ type: 'lint', id: 0, job });
    const { packed } = reply as { packed: Uint8Array };
    return { unpack: () => deserialize(packed) as DocumentResult };
  }

  async lintRendered(job: LintJob, render: RenderJob): Promise<RenderedResult> {
    return ((await this.send({ type: 'lint-render', id: 0, job, render })) as { rendered: RenderedResult }).rendered;
  }

  /** Sends a request to the least busy worker (with its rule set, the first time), for its reply. */
  private async send(request: Exclude<WorkerRequest, { type: 'rule-set' }>): Promise<WorkerReply> {
    if (this.workers.length === 0) this.start();
    const target = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    // Counted at once: the next part is placed before this one's rule set is loaded.
    target.busy++;
    let content: RuleSetContent;
    try {
      content = await this.sets.content(request.job.ruleSet);
    } catch (err) {
      target.busy--;
      throw err;
    }
    if (!target.ruleSets.has(request.job.ruleSet)) {
      target.worker.postMessage({ type: 'rule-set', key: request.job.ruleSet, content } satisfies WorkerRequest);
      target.ruleSets.add(request.job.ruleSet);
    }
    const id = this.nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker: target });
      target.worker.postMessage({ ...request, id } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    for (const w of workers) w.worker.removeAllListeners('exit');
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
