// The reduce step: JSONL reports of shards of a run (each written by `aslint lint --format jsonl`,
// e.g. one per partition in a cluster's map step) read back, in the order given, into one lint
// result, with its summary and scores computed as a single run computes them, so that any
// report format can be written from it (docs/scale.md). Shards are read line by line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CompiledRule } from '../checks/kind.js';
import { resultOf } from '../runner/scores.js';
import { InputError, type Finding } from '../core/types.js';
import { JSONL_FORMAT, JSONL_VERSION, type EndRecord, type FindingRecord, type JsonlRecord, type RunRecord } from './jsonl.js';
import type { FileResult, LintResult, RunInfo } from '../runner/result.js';

const WRITE_SHARDS_HINT = 'Merge the reports that `aslint lint --format jsonl` wrote, whole.';

/** One shard read back: its files (in order), its first and last records. */
interface Shard {
  run: RunRecord;
  files: FileResult[];
  end: EndRecord;
}

async function readShard(path: string): Promise<Shard> {
  const stream = createReadStream(path);
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', (e: NodeJS.ErrnoException) =>
      reject(new InputError(`cannot read the shard report: ${e.code ?? e.message}`, path, undefined, undefined, 'Check the path.')),
    ),
  );
  let run: RunRecord | undefined;
  let end: EndRecord | undefined;
  const files: FileResult[] = [];
  let findings: Finding[] = [];
  let lineNo = 0;
  const read = (async () => {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNo++;
      if (line.trim() === '') continue;
      const bad = (what: string) => new InputError(what, path, lineNo, 1, WRITE_SHARDS_HINT);
      let record: JsonlRecord;
      try {
        record = JSON.parse(line) as JsonlRecord;
      } catch (e) {
        throw bad(`not a JSON line: ${(e as Error).message}`);
      }
      if (end) throw bad('a record after the end record');
      if (!run) {
        if (record?.type !== 'run' || record.format !== JSONL_FORMAT) throw bad(`not an aslint JSONL report: the first line is not its "run" record`);
        if (record.version !== JSONL_VERSION) throw bad(`JSONL report version ${String(record.version)}; this aslint reads version ${JSONL_VERSION}`);
        run = record;
        continue;
      }
      switch (record?.type) {
        case 'finding': {
          const { type: _type, file: _file, path: _path, ...finding } = record as FindingRecord;
          findings.push(finding);
          break;
        }
        case 'file': {
          if (record.findings !== findings.length)
            throw bad(`the file record of ${record.path} counts ${record.findings} findings, ${findings.length} went before it`);
          files.push({
            path: record.path,
            findings,
            units: record.units,
            ...(record.conversations ? { conversations: record.conversations } : {}),
            ...(record.skipped ? { skipped: record.skipped } : {}),
          });
          findings = [];
          break;
        }
        case 'end':
          end = record;
          break;
        default:
          throw bad(`unknown record type ${JSON.stringify((record as { type?: unknown })?.type)}`);
      }
    }
  })();
  await Promise.race([read, failed]);
  if (!run) throw new InputError('empty shard report', path, undefined, undefined, WRITE_SHARDS_HINT);
  if (!end)
    throw new InputError(
      `the report ends at line ${lineNo} without its end record: the run that wrote it did not finish`,
      path,
      lineNo,
      undefined,
      'Run that shard again.',
    );
  return { run, files, end };
}

/** The rules of the shards, in the order a single run lists them, compiled from the content files the shards name. */
async function describeRules(ids: readonly string[], content: { glossary: string[]; rules: string[] }): Promise<CompiledRule[]> {
  const { loadRuleSet } = await import('../runner/rulesets.js');
  const ruleSet = await loadRuleSet({ ...content, defaults: false });
  const byId = new Map(ruleSet.rules.map((r) => [r.id, r]));
  return ids.map((id) => {
    const rule = byId.get(id);
    if (!rule)
      throw new InputError(
        `rule ${id} of the shards is not in their glossary and rule files`,
        undefined,
        undefined,
        undefined,
        'Merge where the content files of the run are as they were when it ran.',
      );
    return rule;
  });
}

export interface MergeOptions {
  /** Compile the rules the shards ran, for formats that describe them (SARIF, HTML). */
  describeRules?: boolean;
}

/** The lint result of a run split in shards: files in shard order, summary and scores as a single run computes them. */
export async function mergeShards(paths: readonly string[], options: MergeOptions = {}): Promise<LintResult> {
  if (paths.length === 0)
    throw new InputError(
      'no shard reports to merge',
      undefined,
      undefined,
      undefined,
      'Name the JSONL reports: aslint report merge shard-*.jsonl --format sarif',
    );
  const files: FileResult[] = [];
  const ruleIds: string[] = [];
  const seen = new Set<string>();
  const run: RunInfo = { date: '', version: '', inputs: [], config: [], content: [], contentFiles: { glossary: [], rules: [] } };
  const union = (into: string[], items: readonly string[] = []) => {
    for (const i of items) if (!into.includes(i)) into.push(i);
  };
  for (const path of paths) {
    const shard = await readShard(path);
    for (const f of shard.files) files.push(f);
    for (const id of shard.end.rules) {
      if (seen.has(id)) continue;
      seen.add(id);
      ruleIds.push(id);
    }
    // The run is dated by its first shard.
    if (!run.date) {
      run.date = shard.run.date;
      run.version = shard.run.aslint;
    }
    run.inputs.push(...(shard.end.run?.inputs ?? []));
    union(run.config, shard.end.run?.config);
    union(run.content, shard.end.run?.content);
    union(run.contentFiles!.glossary, shard.end.run?.contentFiles?.glossary);
    union(run.contentFiles!.rules, shard.end.run?.contentFiles?.rules);
  }
  const rules = options.describeRules ? await describeRules(ruleIds, run.contentFiles!) : [];
  return { ...resultOf(files, rules), run };
}
