// A streamed report's text rendered where a batch is linted (a worker): by the functions the
// format's writer uses for the same results, so that the bytes cannot drift. The writer stitches
// the text in (ReportWriter.rendered), and the runner adds up the batch's counts and scores.
import type { ConversationScore, FileResult, RenderedBatch, RenderOut, RenderSpec } from '../runner/result.js';
import { renderJson } from './json.js';
import { renderJsonl } from './jsonl.js';
import { renderSarif } from './sarif.js';
import { Utf8Text } from './sink.js';

/**
 * The report text of a whole file's result (`part` false) or of one part of a large file, with its
 * conversations' scores. `index`, when known, is the file's place in the report (JSONL records
 * name it); the text is then UTF-8 bytes, else pieces that the writer joins with the index.
 */
export function renderBatch(spec: RenderSpec, file: FileResult, scores: readonly ConversationScore[], part: boolean, index?: number): RenderedBatch {
  // --quiet hides what is written, not what is counted and scored.
  const shown = spec.errorsOnly ? { ...file, findings: file.findings.filter((f) => f.severity === 'error') } : file;
  // Its place known (a part of a large file): encoded as it is rendered, and written as these
  // bytes; a rope of strings held until the part was done was copied by every scavenge of the
  // worker's young generation. Else pieces, cut where the index goes.
  const utf8 = index !== undefined ? new Utf8Text() : undefined;
  const pieces: string[] = [];
  let piece = '';
  const out: RenderOut = utf8
    ? { add: (text) => utf8.add(text), index: () => utf8.add(String(index)) }
    : {
        add: (text) => (piece += text),
        index: () => {
          pieces.push(piece);
          piece = '';
        },
      };
  const items =
    spec.format === 'json'
      ? renderJson(shown, scores, part, out)
      : spec.format === 'jsonl'
        ? renderJsonl(shown, part, out)
        : renderSarif(shown, spec.ruleIds ?? [], spec.cwd, out);
  if (utf8) return { ...items, pieces: [], indexed: false, bytes: utf8.bytes() };
  pieces.push(piece);
  return { ...items, pieces, indexed: spec.format === 'jsonl' };
}
