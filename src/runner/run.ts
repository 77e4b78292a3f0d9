// The runner: one lint run over files, as the CLI does it (ESLint's lib/eslint to the linter's
// lib/linter). Each file gets the configuration found for it (severities, overrides, ignores),
// its inline disables, --fix, the cache and the baseline. Small files are read once, whole, a
// bounded number in flight; large ones stream (a large UTF-8 JSONL goes to the workers in parts
// of whole lines). Results come back in input order whatever the number of workers, and the
// scores are computed once, on the whole result.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { PACKAGE } from '../core/package.js';
import { ConfigResolver, formatFor, isIgnored, ruleSourcesKey, type ConfigOptions, type ResolvedConfig } from '../config/discovery.js';
import {
  countFile,
  countFindings,
  emptySummary,
  type ConversationScore,
  type FileResult,
  type LintResult,
  type RenderSpec,
  type ResultStream,
} from './result.js';
import { resultOf, RunningScores } from './scores.js';
import { FIXABLE_FORMATS, openSource, openText, readTextFile, type DecodedText } from '../sources/index.js';
import { InputError, type Conversation, type ConversationInfo, type Finding, type SkippedCounts } from '../core/types.js';
import type { SourceFormat } from '../sources/index.js';
import { lintWholeDocument } from '../engine/lint.js';
import { compileRuleSet, type RuleSet } from '../engine/ruleset.js';
import { InThreadLinter, lintThreads, PartLinter, type DocumentResult, type PartResult, type RuleSetSource } from './pool.js';
import { applySeverities, lintLibraryText } from './configured.js';
import type { RenderedResult, RenderJob } from './batch.js';
import { jsonlParts, readSource, type JsonlPart } from './read.js';
import { loadContent, runContentFiles, type RuleSetContent } from './rulesets.js';
import { isLintableSource } from './inputs.js';
import type { CompiledRule } from '../checks/kind.js';

export interface RunOptions extends ConfigOptions {
  /** Added to what the config loads (command-line --glossary / --rules). */
  glossary?: readonly string[];
  rules?: readonly string[];
  /** false: no bundled glossary and rule packs, whatever the config says (--no-defaults). */
  defaults?: boolean;
  /** Input format for every file (default: by name and content). */
  format?: SourceFormat;
  /** Make fixes: 'write' writes them, 'dry-run' only diffs them. */
  fix?: 'write' | 'dry-run';
  reportUnusedDisableDirectives?: boolean;
  /** A cache file: unchanged files under an unchanged configuration are not linted again. */
  cacheFile?: string;
  /** Report only findings not in this baseline file. */
  baseline?: string;
  /** Record the findings (before any --baseline filter) in this file. */
  writeBaseline?: string;
  /** Where report paths are relative to (default process.cwd()). */
  cwd?: string;
  /** Worker threads for linting: a number, or `auto` (one per core). Default: lint in this thread. */
  concurrency?: number | 'auto';
  /**
   * Files found by walking a folder or a glob: each is linted only when it reads as a transcript
   * or a reply library (runner/inputs.ts), judged on the text read to lint it; the others are
   * left out of the result.
   */
  candidates?: ReadonlySet<string>;
  /** Called with each file's result, in input order, as soon as it and the files before it are done (a progress bar). */
  onFile?: (file: FileResult) => void;
  /**
   * A streamed report: each result goes to it in input order and is dropped, so that a run of any
   * size keeps only running counts. result.files and result.scores.conversations are then empty
   * (summary and agents are complete). Ignored when the whole result is needed at the end
   * (writeBaseline, dismissed).
   */
  stream?: ResultStream;
  /** Keep every conversation's turns in the result (the HTML report shows them). */
  transcripts?: boolean;
  /** A file of findings that reviewers dismissed in the HTML report: they are left out. */
  dismissed?: string;
  /**
   * Whether result.rules must list the rules even when the cache answered for every file (and no
   * rule set was compiled): SARIF describes them; other formats do not need them. Default true.
   */
  describeRules?: boolean;
}

export interface FixedFile {
  path: string;
  /** Unified diff of the change (dry runs only; '' when written). */
  diff: string;
  applied: number;
  written: boolean;
  /** Why the fixed text was not written (the file is then reported as it is). */
  notWritten?: string;
}

export interface UnfixedFinding {
  path: string;
  finding: Finding;
  /** Why --fix left it as it is. */
  reason: string;
}

export interface RunOutput {
  result: LintResult;
  fixed: FixedFile[];
  /** Fixable findings of reply libraries that --fix could not fix safely. */
  unfixed: UnfixedFinding[];
  /** Files skipped because a config ignores them. */
  ignored: string[];
}

/** Loads the content of each distinct set of glossary and rule files once, and compiles it when this thread needs it. */
export class RuleSetPool implements RuleSetSource {
  private readonly contents = new Map<string, Promise<RuleSetContent>>();
  private readonly sets = new Map<string, Promise<{ ruleSet: RuleSet; files: string[] }>>();
  private readonly configs = new Map<string, ResolvedConfig>();

  constructor(private readonly extra: { glossary?: readonly string[]; rules?: readonly string[]; defaults?: boolean } = {}) {}

  files(config: ResolvedConfig): { glossary: string[]; rules: string[] } {
    return runContentFiles(config, this.extra);
  }

  /**
   * Whether the run has linted with the rule set of this key: compiled in this thread, or its
   * content loaded for the workers (a JSONL report listed no rules when workers had linted).
   */
  has(key: string): boolean {
    return this.contents.has(key);
  }

  /** The key of a config's rule set, remembering the config for content() and compiled(). */
  keyOf(config: ResolvedConfig): string {
    const key = ruleSourcesKey(config);
    if (!this.configs.has(key)) this.configs.set(key, config);
    return key;
  }

  content(key: string): Promise<RuleSetContent> {
    let entry = this.contents.get(key);
    if (!entry) {
      entry = loadContent({ ...this.files(this.configs.get(key)!), defaults: false });
      this.contents.set(key, entry);
    }
    return entry;
  }

  async compiled(key: string): Promise<RuleSet> {
    return (await this.get(this.configs.get(key)!)).ruleSet;
  }

  get(config: ResolvedConfig): Promise<{ ruleSet: RuleSet; files: string[] }> {
    const key = this.keyOf(config);
    let entry = this.sets.get(key);
    if (!entry) {
      const files = this.files(config);
      entry = (async () => {
        const { glossary, rules, patterns } = await this.content(key);
        return { ruleSet: await compileRuleSet(glossary, rules, patterns), files: [...files.glossary, ...files.rules] };
      })();
      this.sets.set(key, entry);
    }
    return entry;
  }
}

/** The number of line breaks in a text. */
function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The conversations of a document that start on line `from` or later. */
async function* linesFrom(conversations: AsyncIterable<Conversation>, from: number): AsyncGenerator<Conversation> {
  for await (const c of conversations) {
    const line = c.units[0]?.locate(0).line ?? c.problems?.[0]?.line ?? from;
    if (line >= from) yield c;
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const MAX_FIX_PASSES = 10;

/**
 * How far V8 lets a heap grow past what was live after a full collection, while a large file is
 * linted. Its findings are garbage as soon as they are written, but by default V8 let the old
 * generation grow to several times the live heap (which stays ~20-50 MB): with --concurrency 1,
 * 366 MiB peak RSS at 16 MiB of input, 481 MiB at 50 MiB. With 20 %: 239 MiB at 16 MiB, the
 * same CPU time (within the noise of a loaded machine).
 */
const HEAP_GROWING_PERCENT = 20;
let heapKeptNearLive = false;

/**
 * Sets the growth for the rest of the process (V8 flags are process-wide: the worker threads too),
 * the first time a streamed run lints a large file; small files never pay for more frequent collections.
 */
function keepHeapNearLive(): void {
  if (heapKeptNearLive) return;
  heapKeptNearLive = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * With --concurrency auto, how many bytes of a large file must be left to lint for a worker thread
 * to be brought in (it then stays for the rest of the run); below, this thread lints alone. A
 * worker costs ~1-1.7 s of CPU to start and warm up (its isolate loads the modules and compiles
 * the rule set, lints its first parts cold, and has TurboFan compile the same hot code again), and
 * one thread already keeps ~1.5 of 2 cores busy (its GC and compiler threads): the worker pays only
 * where the spare half core over the whole run exceeds its cost. Measured (json -o /dev/null, a
 * loaded 2-core machine, least of 3; makeCorpus files): 24 MiB, one thread 5.13 s wall and 6.8 s
 * CPU, a worker too 5.23 s and 9.5 s (two workers and an idle main thread, before: 5.15 s, 9.4 s);
 * 64 MiB, 12.6 s and 15.3 s against 10.3 s and 18.8 s. See PartLinter (pool.ts) for the rest.
 */
const WORKER_MIN_BYTES = 32 << 20;

/** Files read and linted ahead of the one being reported, at least. */
const READ_AHEAD = 8;

/** A file linted, or (a large UTF-8 JSONL file) opened to be linted in parts when its turn comes. */
type Linted =
  | { result: FileResult | null; cacheKey?: string }
  | { large: { path: string; size: number | undefined; bom: number; config: ResolvedConfig }; cacheKey?: string };

/** What is read from stdin: its text, or (JSONL) its parts of whole lines as they arrive. */
export type StdinInput = { format: SourceFormat; path?: string } & ({ text: string } | { parts: AsyncIterable<JsonlPart | null> });

/** Lints files as the CLI does. `stdin` is linted as a file named `path` (default `<stdin>` in the working folder). */
/**
 * Whether a run can hand its results on as they come (options.stream). A streamed run keeps
 * running counts only; a run that rewrites its findings at the end (a baseline being written,
 * dismissals) keeps its whole result.
 */
export function canStream(options: Pick<RunOptions, 'writeBaseline' | 'dismissed'>): boolean {
  return !options.writeBaseline && !options.dismissed;
}

export async function runFiles(paths: readonly string[], options: RunOptions = {}, stdin?: StdinInput): Promise<RunOutput> {
  const configs = new ConfigResolver(options);
  // Read first: a broken file costs no run.
  const dismissals = options.dismissed ? (await import('./dismissed.js')).loadDismissals(options.dismissed) : undefined;
  const pool = new RuleSetPool(options);
  // What only some runs need is loaded only by them.
  const cache = options.cacheFile ? await (await import('./cache.js')).ResultCache.open(options.cacheFile, PACKAGE.version) : undefined;
  const fixer = options.fix ? await import('./fix.js') : undefined;
  const baselineModule = options.baseline || options.writeBaseline ? await import('./baseline.js') : undefined;
  const filter = options.baseline ? await baselineModule!.Baseline.load(options.baseline) : undefined;
  // Whole (small) files are linted in this thread, whatever --concurrency says; workers get only
  // the parts of large JSONL files. Measured on 5,000 transcripts of ~600 bytes (2.8 MiB, 2
  // cores): --concurrency auto took 11.8 s of CPU against 6.1 s in one thread and was no faster,
  // as each worker loads the modules, the rule set and the segmenter and every text and result
  // is copied; a file up to SMALL_FILE (read.ts) costs about a millisecond to lint. Re-measured
  // with the bundled worker (code cache, ready in 50-106 ms), same files, --format json, least of
  // 5 (CPU user+sys; the same minutes): in this thread 1.27 s wall, 1.80 s CPU. Workers that read,
  // lint and render batches themselves (text and counts back): batches of 64, 1.97 s wall and
  // 3.5 s CPU; of 256, 2.29 s and 4.3 s. Earlier, busier minutes (this thread 1.89 s wall):
  // workers that lint batches of 64 texts the runner read (packed findings back, rendered here)
  // 2.73 s wall and 2.8 s CPU; one file per message 3.41 s and 3.5 s (1.0 s of it posting).
  // Profiled (--cpu-prof, every thread): with render batches the runner idles 1.3 of 2.2 s while
  // each worker is busy throughout and spends about twice this thread's CPU per file (each
  // isolate warms its own JIT; the part renderer was unbundled there then, it is bundled now);
  // and one thread keeps ~1.4 of the 2 cores busy (its GC and compiler threads), so workers have
  // little to gain. The parts of a large JSONL are linted here and, with --concurrency, in
  // workers too (PartLinter, pool.ts).
  const here = new InThreadLinter(pool);
  const threads = lintThreads(options.concurrency);
  const partLinter = new PartLinter(here, pool, threads, options.concurrency === 'auto' ? WORKER_MIN_BYTES : 0);
  const files: FileResult[] = [];
  const unfiltered: FileResult[] = [];
  const fixed: FixedFile[] = [];
  const unfixed: UnfixedFinding[] = [];
  const ignored: string[] = [];
  const used = new Map<string, ResolvedConfig>();
  const notInputs = new Set<string>();

  /**
   * Lints one file: from the cache, or read (whole when small) and linted (in a worker when there
   * are workers). A large UTF-8 JSONL file is only opened: it is linted in parts when its turn
   * to be delivered comes, so that its parts can be handed on in input order.
   */
  const lintPath = async (path: string, config: ResolvedConfig): Promise<Linted> => {
    const source = await readSource(path, options.format ?? formatFor(config, path), config.input);
    if (options.candidates?.has(path) && !(await isLintableSource(source))) {
      notInputs.add(path);
      return { result: null };
    }
    const lintOptions = { ...config.lint, transcripts: options.transcripts };
    let cacheKey: string | undefined;
    if (cache && !options.fix) {
      // A hit needs no rule set at all: the glossary is not even loaded.
      const { glossary, rules: packs } = pool.files(config);
      const contentHash =
        source.kind === 'whole'
          ? createHash('sha256').update(`${source.decoded.encoding}\0${source.decoded.bom}\0`).update(source.decoded.text).digest('hex')
          : await hashFile(path);
      cacheKey = cache.key(
        [JSON.stringify(config), JSON.stringify(options.reportUnusedDisableDirectives ?? false), source.format],
        [...glossary, ...packs],
        contentHash,
      );
      const hit = cache.get(path, cacheKey);
      if (hit) return { result: { ...hit, path } };
    }
    const key = pool.keyOf(config);
    if (FIXABLE_FORMATS.has(source.format)) {
      // A reply library is always read whole, however large: inline disables and --fix need its text.
      const decoded = source.kind === 'whole' ? source.decoded : await readTextFile(path, source.doc.encoding);
      return { result: await lintLibraryFile(path, decoded, source.format, (await pool.get(config)).ruleSet, config), cacheKey };
    }
    if (source.kind === 'stream' && source.format === 'jsonl' && source.doc.encoding === 'utf-8') {
      // In parts whatever the number of workers: the same parts, so the same scores, with 1 or N.
      const bom = source.doc.bom ? 3 : 0;
      // A named pipe has no size: as on stdin, what has come stands for it.
      const stat = statSync(path);
      return { large: { path, size: stat.isFile() ? stat.size - bom : undefined, bom, config }, cacheKey };
    }
    let linted: DocumentResult;
    if (source.kind === 'whole')
      linted = await here.lint({ ruleSet: key, path, text: source.decoded.text, format: source.format, input: config.input, options: lintOptions });
    else linted = await lintWholeDocument(source.doc, (await pool.get(config)).ruleSet, lintOptions);
    const { findings, units, conversations, skipped } = linted;
    return { result: { path, findings: applySeverities(findings, config, path), units, conversations, skipped }, cacheKey };
  };

  /**
   * A large JSONL input in parts of whole lines, linted in this thread and the workers, handed
   * to `take` in order, each as soon as it and the parts before it are linted (rendered by a
   * worker for `render`). `size`: the input's size in bytes (unknown on stdin). The rest of a
   * file that turns out not to be UTF-8 is linted here.
   */
  const lintJsonlInParts = async (
    path: string,
    size: number | undefined,
    parts: AsyncIterable<JsonlPart | null>,
    config: ResolvedConfig,
    fromStdin: boolean,
    render: RenderJob | undefined,
    take: (part: PartResult) => void,
  ): Promise<void> => {
    const key = pool.keyOf(config);
    const lintOptions = { ...config.lint, transcripts: options.transcripts };
    // The parts in flight, in order, each with what it came to once linted. Each is handed on as
    // soon as it and the parts before it are done (a streaming filter writes a part before the
    // next arrives); the loop below waits only for room.
    const inFlight: { settled?: { value: PartResult } | { error: unknown } }[] = [];
    let failed: { error: unknown } | undefined;
    let wake: (() => void) | undefined;
    const takeSettled = () => {
      try {
        for (let s = inFlight[0]?.settled; s && !failed; s = inFlight[0]?.settled) {
          inFlight.shift();
          if ('error' in s) failed = s;
          else take(s.value);
        }
      } catch (error) {
        failed ??= { error };
      }
      const w = wake;
      wake = undefined;
      w?.();
    };
    /** Waits until fewer than `n` parts are in flight; throws what a part or its taking threw. */
    const room = async (n: number) => {
      while (inFlight.length >= n && !failed) await new Promise<void>((resolve) => (wake = resolve));
      if (failed) throw failed.error;
    };
    let last: JsonlPart | undefined;
    let seen = 0;
    for await (const part of parts) {
      if (part === null && fromStdin)
        throw new InputError(
          'the JSONL on stdin is not UTF-8 text',
          path,
          undefined,
          undefined,
          'Convert it to UTF-8 (iconv -f GB18030 -t UTF-8), or pipe it without --stdin-format jsonl streaming.',
        );
      if (part === null) {
        // Not UTF-8 after all: the ordinary reader names the place, from the first line not yet linted.
        await room(1);
        const from = last ? last.start.line + countLines(last.text) : 1;
        const doc = await openSource(path, { format: 'jsonl', input: config.input });
        const rest = await lintWholeDocument({ ...doc, conversations: linesFrom(doc.conversations, from) }, (await pool.get(config)).ruleSet, lintOptions);
        take({ unpack: () => rest });
        return;
      }
      last = part;
      // The bytes still to lint; on stdin, unknown, those that have come so far stand for them.
      const bytes = Buffer.byteLength(part.text);
      const left = size === undefined ? (seen += bytes) : size - seen;
      if (size !== undefined) seen += bytes;
      const job = { ruleSet: key, path, text: part.text, format: 'jsonl' as const, start: part.start, input: config.input, options: lintOptions };
      const entry: (typeof inFlight)[number] = {};
      inFlight.push(entry);
      partLinter.lint(job, left, render).then(
        (value) => {
          entry.settled = { value };
          takeSettled();
        },
        (error: unknown) => {
          entry.settled = { error };
          takeSettled();
        },
      );
      await room(partLinter.width);
    }
    await room(1);
  };

  /** A reply library: read whole, with inline disables, and the only files --fix rewrites. */
  const lintLibraryFile = async (path: string, decoded: DecodedText, format: SourceFormat, ruleSet: RuleSet, config: ResolvedConfig): Promise<FileResult> => {
    let text = decoded.text;
    let linted = await lintLibraryText(path, text, format, ruleSet, config, options.reportUnusedDisableDirectives);
    const asIs = linted;
    let applied = 0;
    if (fixer) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const outcome = await fixer.applyFixes(path, text, format, linted.findings);
        if (outcome.applied.length === 0) {
          unfixed.push(...outcome.skipped.map(({ finding, reason }) => ({ path, finding, reason })));
          break;
        }
        applied += outcome.applied.length;
        text = outcome.output;
        linted = await lintLibraryText(path, text, format, ruleSet, config, options.reportUnusedDisableDirectives);
      }
      if (text !== decoded.text) {
        // The diff is only printed by a dry run: building it for every --fix cost more than linting.
        const diff = options.fix === 'dry-run' ? fixer.unifiedDiff(path, decoded.text, text) : '';
        let notWritten: string | undefined;
        if (options.fix === 'write') {
          // A file that cannot be written (read-only, changed meanwhile) is reported; the run goes on.
          try {
            await fixer.writeFixedFile(path, text, decoded.encoding, decoded.bom, { original: decoded.text });
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            notWritten = e.format();
            linted = asIs;
          }
        }
        fixed.push({ path, diff, applied: notWritten ? 0 : applied, written: options.fix === 'write' && !notWritten, ...(notWritten ? { notWritten } : {}) });
      }
    }
    // As ESLint: with --fix or --fix-dry-run the report shows what remains after the fixes.
    return { path, findings: linted.findings, units: linted.units };
  };

  const stream = canStream(options) ? options.stream : undefined;
  /**
   * How workers render the report's text, when they can: a streamed report that can be rendered
   * elsewhere, workers, and no baseline (it filters findings across a file's parts). Known after
   * the stream's rules.
   */
  let spec: RenderSpec | undefined;
  const summary = emptySummary();
  const running = new RunningScores();
  let fileIndex = 0;

  /** A batch of the file being delivered (the file whole, or one part of it): counted, scored, handed on. */
  const streamBatch = (path: string, findings: readonly Finding[], conversations: readonly ConversationInfo[]): ConversationScore[] => {
    countFindings(summary, findings);
    return running.add(path, fileIndex, findings, conversations);
  };

  /**
   * A large JSONL input linted in parts. Streamed: each part goes on as it comes (after the
   * baseline, which counts occurrences across the file's parts) and only its counts stay.
   * Otherwise the parts are merged into the file's result.
   */
  const lintLarge = async (
    path: string,
    size: number | undefined,
    parts: AsyncIterable<JsonlPart | null>,
    config: ResolvedConfig,
    fromStdin: boolean,
  ): Promise<FileResult> => {
    // A run that keeps its findings grows with them anyway: a tighter heap would only collect more often.
    if (stream) keepHeapNearLive();
    const file: FileResult & Required<Pick<FileResult, 'conversations' | 'skipped'>> = {
      path,
      findings: [],
      units: 0,
      conversations: [],
      skipped: { media: 0, empty: 0 },
    };
    const addPart = (part: { units: number; skipped?: SkippedCounts }) => {
      file.units += part.units;
      file.skipped.media += part.skipped?.media ?? 0;
      file.skipped.empty += part.skipped?.empty ?? 0;
    };
    const baseline = stream && filter ? filter.filterFor(path) : undefined;
    // Workers render each part's report text when they can (no baseline: it filters findings
    // across the file's parts); only counts come back.
    const render: RenderJob | undefined = stream && spec && !filter ? { spec, config, fileIndex } : undefined;
    await lintJsonlInParts(path, size, parts, config, fromStdin, render, (done) => {
      if (!('unpack' in done)) {
        addPart(done);
        addRendered(done);
        stream!.rendered!(done.rendered);
        return;
      }
      const r = done.unpack();
      const part = { ...r, findings: applySeverities(r.findings, config, path) };
      addPart(part);
      if (stream) {
        const findings = baseline ? baseline(part.findings) : part.findings;
        const scores = streamBatch(path, findings, part.conversations);
        stream.part(path, findings, part.conversations);
        stream.scores(scores);
      } else {
        for (const f of part.findings) file.findings.push(f);
        for (const c of part.conversations) file.conversations.push(c);
      }
    });
    return file;
  };

  /** Adds what a worker counted of a batch it rendered to the run's counts and scores. */
  const addRendered = (r: RenderedResult): void => {
    summary.errors += r.severities[0];
    summary.warnings += r.severities[1];
    summary.infos += r.severities[2];
    running.addBatch(r.agents);
  };

  /** A file's result, in input order: cached, recorded for a baseline, filtered by one, handed on. */
  const deliver = async (linted: Linted): Promise<void> => {
    const parted = 'large' in linted;
    const result = parted
      ? await lintLarge(linted.large.path, linted.large.size, jsonlParts(linted.large.path, linted.large.bom), linted.large.config, false)
      : linted.result;
    if (!result) return; // a walked file that is not an input
    // A streamed large file's findings are gone by now: it is not cached.
    if (cache && linted.cacheKey !== undefined && !(parted && stream)) cache.set(result.path, linted.cacheKey, result);
    deliverResult(result, parted);
  };

  const deliverResult = (result: FileResult, parted: boolean): void => {
    if (stream) {
      if (!parted) {
        if (filter) result.findings = filter.filter(result.path, result.findings);
        const scores = streamBatch(result.path, result.findings, result.conversations ?? []);
        stream.file(result, false);
        stream.scores(scores);
      } else {
        // Its dialogues went with its parts.
        delete result.conversations;
        stream.file(result, true);
      }
      countFile(summary, result);
    } else {
      if (options.writeBaseline) unfiltered.push({ ...result });
      if (filter) result.findings = filter.filter(result.path, result.findings);
      files.push(result);
    }
    fileIndex++;
    options.onFile?.(result);
  };

  /** The rules of the run, for formats that describe them (compiled now if the cache answered for every file). */
  const rulesOfRun = async (): Promise<CompiledRule[]> => {
    const rules = new Map<string, CompiledRule>();
    for (const [key, config] of used) {
      if (options.describeRules === false && !pool.has(key)) continue;
      for (const r of (await pool.get(config)).ruleSet.rules) if (!rules.has(r.id)) rules.set(r.id, r);
    }
    return [...rules.values()];
  };

  try {
    if (stream?.rules) {
      // A streamed report that describes the rules (SARIF) starts with them: the configurations
      // of every input are known before any is linted.
      for (const path of paths) {
        const config = configs.forFile(path);
        if (!isIgnored(config, path)) used.set(ruleSourcesKey(config), config);
      }
      if (stdin) {
        const config = configs.forFile(stdin.path ?? '<stdin>');
        used.set(ruleSourcesKey(config), config);
      }
      stream.rules(await rulesOfRun());
    }
    spec = stream?.renderSpec?.();
    // A bounded number of files in flight (read, linted), awaited in input order. --fix writes
    // files, so it goes one file at a time: a file after a bad one is never rewritten.
    const window = options.fix ? 1 : READ_AHEAD;
    const inFlight: Promise<Linted>[] = [];
    for (const path of paths) {
      const config = configs.forFile(path);
      if (isIgnored(config, path)) {
        ignored.push(path);
        continue;
      }
      used.set(ruleSourcesKey(config), config);
      const job = lintPath(path, config);
      job.catch(() => {});
      inFlight.push(job);
      if (inFlight.length >= window) await deliver(await inFlight.shift()!);
    }
    while (inFlight.length > 0) await deliver(await inFlight.shift()!);

    if (stdin) {
      const stdinPath = stdin.path ?? '<stdin>';
      const config = configs.forFile(stdinPath);
      used.set(ruleSourcesKey(config), config);
      if ('parts' in stdin) {
        // A streaming filter: each part's findings go out as soon as it and the parts before it are linted.
        deliverResult(await lintLarge(stdinPath, undefined, stdin.parts, config, true), true);
      } else {
        const { ruleSet } = await pool.get(config);
        const linted = FIXABLE_FORMATS.has(stdin.format)
          ? await lintLibraryText(stdinPath, stdin.text, stdin.format, ruleSet, config, options.reportUnusedDisableDirectives)
          : await lintWholeDocument(openText(stdinPath, stdin.text, stdin.format, config.input), ruleSet, {
              ...config.lint,
              transcripts: options.transcripts,
            }).then((r) => ({ ...r, findings: applySeverities(r.findings, config, stdinPath) }));
        deliverResult({ path: stdinPath, ...linted }, false);
      }
    }
  } finally {
    await partLinter.close();
  }

  if (cache) await cache.save();
  if (options.writeBaseline) {
    const written = baselineModule!.Baseline.fromFiles(unfiltered, options.writeBaseline);
    await written.save();
    // Without --baseline, the findings just recorded are the baseline of this run.
    if (!filter) for (const f of files) f.findings = written.filter(f.path, f.findings);
  }
  const dismissed = dismissals && (await import('./dismissed.js')).applyDismissals(files, dismissals);
  const rules = await rulesOfRun();
  const run = {
    date: new Date().toISOString(),
    version: PACKAGE.version,
    inputs: [...paths.filter((p) => !notInputs.has(p)), ...(stdin ? ['<stdin>'] : [])],
    config: [...new Set([...used.values()].flatMap((c) => c.sources))],
    content: [...new Set([...used.values()].flatMap((c) => Object.values(pool.files(c)).flat()))],
    contentFiles: {
      glossary: [...new Set([...used.values()].flatMap((c) => pool.files(c).glossary))],
      rules: [...new Set([...used.values()].flatMap((c) => pool.files(c).rules))],
    },
  };
  // Scores once, on the findings as linted (and reviewed): display filters (--quiet) come after.
  if (stream) return { result: { files: [], summary, scores: { conversations: [], agents: running.summaries() }, rules, run }, fixed, unfixed, ignored };
  return { result: { ...resultOf(files, rules), run, ...(dismissed ? { dismissed } : {}) }, fixed, unfixed, ignored };
}
