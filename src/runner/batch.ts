// What a worker does with a part of a large JSONL when the report is rendered where the part is
// linted (a streamed json, jsonl or sarif report, --concurrency): it applies the configured
// severities, scores the dialogues and renders the report text, and hands back that text with the
// counts the run adds up, never the findings. Measured on a 4 MiB JSONL with 2 workers
// (--cpu-prof, every thread): unpacking each part's findings (v8.deserialize), scoring and
// formatting them took ~1.8 s of the main thread's CPU, more than either worker's share of the
// linting, so that --concurrency auto was no faster than one thread. The main thread lints and
// writes the parts it keeps itself (run.ts), without rendering them to bytes first.
import type { ResolvedConfig } from '../config/discovery.js';
import type { ConversationInfo, Finding, SkippedCounts } from '../core/types.js';
import type { PartRenderer, RenderedBatch, RenderSpec } from './result.js';
import { agentBatch, scoreBatch, type AgentBatch } from './scores.js';
import { applySeverities } from './configured.js';

/** What a worker hands back of a part it rendered: the text and what the run adds up. */
export interface RenderedResult {
  rendered: RenderedBatch;
  /** Its findings by severity (every one, --quiet or not): errors, warnings, infos. */
  severities: [number, number, number];
  agents: AgentBatch;
  units: number;
  skipped: SkippedCounts;
}

/** How a part is rendered: the report's spec, the file's config (its severities) and the file's place in the run. */
export interface RenderJob {
  spec: RenderSpec;
  config: ResolvedConfig;
  fileIndex: number;
}

/** A linted part as it is handed back: severities applied, scored, rendered. */
export async function renderLinted(
  path: string,
  linted: { findings: Finding[]; units: number; conversations: ConversationInfo[]; skipped: SkippedCounts },
  job: RenderJob,
): Promise<RenderedResult> {
  // The report layer's renderer, named by the spec (report/part-renderer.ts).
  const { renderPart } = (await import(job.spec.renderer)) as { renderPart: PartRenderer };
  const findings = applySeverities(linted.findings, job.config, path);
  const scores = scoreBatch(path, job.fileIndex, findings, linted.conversations);
  const severities: [number, number, number] = [0, 0, 0];
  for (const f of findings) severities[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
  const part = { path, findings, units: linted.units, conversations: linted.conversations };
  return {
    rendered: await renderPart(job.spec, part, scores, job.fileIndex),
    severities,
    agents: agentBatch(scores, findings),
    units: linted.units,
    skipped: linted.skipped,
  };
}
