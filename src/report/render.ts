// A streamed report's text rendered where a batch is linted (a worker): by the functions the
// format's writer uses for the same results, so that the bytes cannot drift. The writer stitches
// the text in (ReportWriter.rendered), and the runner adds up the batch's counts and scores.
import type { ConversationScore, FileResult, RenderedBatch, RenderSpec } from '../runner/result.js';
import { renderJson } from './json.js';
import { renderJsonl } from './jsonl.js';
import { renderSarif } from './sarif.js';

/**
 * The report text of a whole file's result (`part` false) or of one part of a large file, with its
 * conversations' scores. `index`, when known, is the file's place in the report (JSONL records
 * name it); otherwise the writer puts it between the pieces.
 */
export function renderBatch(spec: RenderSpec, file: FileResult, scores: readonly ConversationScore[], part: boolean, index?: number): RenderedBatch {
  // --quiet hides what is written, not what is counted and scored.
  const shown = spec.errorsOnly ? { ...file, findings: file.findings.filter((f) => f.severity === 'error') } : file;
  const batch =
    spec.format === 'json' ? renderJson(shown, scores, part) : spec.format === 'jsonl' ? renderJsonl(shown, part) : renderSarif(shown, spec.ruleIds ?? [], spec.cwd);
  if (index !== undefined && batch.pieces.length > 1) batch.pieces = [batch.pieces.join(String(index))];
  return batch;
}
