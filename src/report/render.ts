// A streamed report's text rendered where a part of a large file is linted (a worker): by the
// functions the format's writer uses for the same results, so that the bytes cannot drift. The
// writer stitches the text in (ReportWriter.rendered), and the runner adds up the part's counts
// and scores.
import type { PartRenderer } from '../runner/result.js';
import { Utf8Text } from './sink.js';

/**
 * The report text of one part of a large file, with its conversations' scores, as UTF-8: the
 * bytes are handed over to the runner's thread without a copy and written as they are. `index`
 * is the file's place in the report (JSONL records name it).
 */
export const renderPart: PartRenderer = async (spec, part, scores, index) => {
  // --quiet hides what is written, not what is counted and scored.
  const shown = spec.errorsOnly ? { ...part, findings: part.findings.filter((f) => f.severity === 'error') } : part;
  // Encoded as it is rendered: a rope of strings held until the part was done was copied by
  // every scavenge of the worker's young generation.
  const text = new Utf8Text();
  const out = (t: string) => text.add(t);
  // Only the format's own module is loaded (a worker loads it once; sarif's rule docs cost ~60 ms).
  const items =
    spec.format === 'json'
      ? (await import('./json.js')).renderJson(shown, scores, out)
      : spec.format === 'jsonl'
        ? (await import('./jsonl.js')).renderJsonl(shown, index, out)
        : (await import('./sarif.js')).renderSarif(shown, spec.ruleIds ?? [], spec.cwd, out);
  return { ...items, bytes: text.bytes() };
};
