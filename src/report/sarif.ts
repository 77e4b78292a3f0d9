// SARIF 2.1.0 (the OASIS static-analysis results format) for code-scanning tools such as
// GitHub's. Every rule of the run is described in tool.driver.rules with a link to its docs page;
// results carry UTF-16 columns and fingerprints that survive unrelated edits of the file.
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Run } from 'sarif';
import { PACKAGE, PROJECT_URL } from '../core/package.js';
import type { CompiledRule } from '../checks/kind.js';
import type { Finding, RelatedLocation, Severity } from '../core/types.js';
import { AT, num, str, strOrNull, strings } from './json-text.js';
import { displayPath, pathUri } from './paths.js';
import { writeWhole, type FileResult, type RenderedBatch, type RenderedItems, type RenderSpec, type Reporter, type ReportWriter } from '../runner/result.js';
import { addChunks, sinkBytes, type Sink } from './sink.js';
import { PART_RENDERER } from './part-renderer.js';
import { DIRECTIVE_RULES, ruleDocsUrl, ruleFullDescription, ruleHelpMarkdown, ruleHelpText, ruleShortDescription } from './rule-docs.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of aslint's fingerprint in partialFingerprints; bump the version if the recipe changes. */
export const FINGERPRINT_KEY = 'aslint/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A fingerprint that does not move when lines are added above the finding: the rule, the file,
 * the unit (reply or turn id), the flagged text and which occurrence of that text in the unit it is.
 */
export function fingerprint(ruleId: string, path: string, unit: string, text: string, occurrence: number): string {
  return createHash('sha256')
    .update([ruleId, path, unit, text, String(occurrence)].join('\0'))
    .digest('hex');
}

/**
 * Writes the SARIF log as results arrive: the run's tool and rules first (the rules are known
 * before any file is linted), then each result, then the closing brackets. The same bytes as
 * JSON.stringify(log, null, 2), never as one string.
 */
export class SarifWriter implements ReportWriter {
  private ruleIndex = new Map<string, number>();
  private tail = '';
  private count = 0;
  private started = false;

  constructor(
    private readonly sink: Sink,
    private readonly cwd: string,
  ) {}

  start(): void {}

  rules(ruleList: readonly CompiledRule[]): void {
    const described = [...ruleList, ...DIRECTIVE_RULES.filter((d) => !ruleList.some((r) => r.id === d.id))];
    this.ruleIndex = new Map(described.map((rule, i) => [rule.id, i]));
    const rules: ReportingDescriptor[] = described.map((rule) => ({
      id: rule.id,
      shortDescription: { text: ruleShortDescription(rule) },
      fullDescription: { text: ruleFullDescription(rule) },
      help: { text: ruleHelpText(rule), markdown: ruleHelpMarkdown(rule) },
      helpUri: ruleDocsUrl(rule.id),
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { kind: rule.kind.name, tags: [rule.kind.name] },
    }));
    const run: Run = {
      tool: {
        driver: {
          name: 'aslint',
          version: PACKAGE.version,
          semanticVersion: PACKAGE.version,
          informationUri: PROJECT_URL,
          rules,
        },
      },
      // Where %SRCROOT% is, is left to the consumer (the checkout, for code scanning): a file: URL
      // of this machine would be a dead link everywhere else.
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder aslint ran in; result paths are relative to it.' } } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true }],
      results: [],
    };
    const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
    // The log with no result, cut where the results go: `results` is the run's last member.
    const whole = JSON.stringify(log, null, 2) + '\n';
    const at = whole.lastIndexOf('"results": []') + '"results": ['.length;
    this.sink(whole.slice(0, at));
    this.tail = whole.slice(at);
    this.started = true;
  }

  renderSpec(): RenderSpec {
    return { format: 'sarif', cwd: this.cwd, errorsOnly: false, ruleIds: [...this.ruleIndex.keys()], renderer: PART_RENDERER };
  }

  part(path: string, findings: readonly Finding[]): void {
    this.results(path, findings);
  }

  file(file: FileResult, parts = false): void {
    if (!parts) this.results(file.path, file.findings);
  }

  rendered(batch: RenderedBatch): void {
    addChunks(batch.bytes, this.count === 0, (bytes) => sinkBytes(this.sink, bytes));
    this.count += batch.items;
  }

  private results(path: string, findings: readonly Finding[]): void {
    if (!this.started) throw new Error('SarifWriter: rules() must come before the results');
    // A result each: the sink batches the writes (write-batch.ts).
    resultsText(path, findings, this.ruleIndex, this.cwd, (text) => this.sink(this.count++ === 0 ? text.slice(1) : text));
  }

  scores(): void {}

  end(): void {
    this.sink(this.count > 0 ? '\n      ' + this.tail : this.tail);
  }

  abort(): void {}
}

/**
 * The results of a file, or of one part of a large one, each led by its separator, to `emit`.
 * Occurrences (in fingerprints) count within it: a unit never spans two parts.
 */
function resultsText(path: string, findings: readonly Finding[], ruleIndex: ReadonlyMap<string, number>, cwd: string, emit: (text: string) => void): void {
  const shown = displayPath(path, cwd);
  const artifact = artifactJson(pathUri(path, cwd));
  const occurrences = new Map<string, number>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const key = `${f.ruleId}\0${f.unit}\0${f.text}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    emit(',\n        ' + resultJson(f, ruleIndex.get(f.ruleId), artifact, fingerprint(f.ruleId, shown, f.unit, f.text, occurrence)));
  }
}

/**
 * The SARIF results of a part of a large file, where it is linted (report/render.ts): `ruleIds` are the rules
 * the log describes, in order (RenderSpec). SarifWriter writes the same text when given results.
 */
export function renderSarif(part: FileResult, ruleIds: readonly string[], cwd: string, out: (text: string) => void): RenderedItems {
  resultsText(part.path, part.findings, new Map(ruleIds.map((id, i) => [id, i])), cwd, out);
  return { items: part.findings.length, later: '', laterItems: 0 };
}

export const sarif: Reporter = (result, options) => writeWhole(result, (sink) => new SarifWriter(sink, options.cwd));

// A result as JSON.stringify(result, null, 2) writes it nested four levels deep (a SARIF `Result`:
// ruleId, level, message, locations, relatedLocations, partialFingerprints, properties, ruleIndex),
// written by hand as the JSON report's findings are (json-text.ts). Measured on big4.jsonl's 27,153
// results, --format sarif --concurrency 1 (--cpu-prof, loaded machine): the result object built,
// stringified and re-indented with a regex (`nested`, toResult) took ~850 ms of a 4 s profile, the
// write of its flattened text ~400 ms; this text ~200 ms, its encoding into the batches ~150 ms.
// CPU time of the run: 2.90 -> 2.57 s (least of 5).

/** An artifactLocation (the same for every result of a file and for their related places). */
function artifactJson(uri: string): string {
  return `{${AT[9]}"uri": ${JSON.stringify(uri)},${AT[9]}"uriBaseId": "%SRCROOT%"${AT[8]}}`;
}

/** A region and its snippet. */
function regionJson(r: { line: number; column: number; endLine: number; endColumn: number; text: string }): string {
  return (
    `{${AT[9]}"startLine": ${num(r.line)},${AT[9]}"startColumn": ${num(r.column)},${AT[9]}"endLine": ${num(r.endLine)},` +
    `${AT[9]}"endColumn": ${num(r.endColumn)},${AT[9]}"snippet": {${AT[10]}"text": ${str(r.text)}${AT[9]}}${AT[8]}}`
  );
}

/** A physicalLocation (at depth 7) and its logicalLocations, of the unit named. */
function placeJson(artifact: string, r: { line: number; column: number; endLine: number; endColumn: number; text: string }, unit: string): string {
  return (
    `"physicalLocation": {${AT[8]}"artifactLocation": ${artifact},${AT[8]}"region": ${regionJson(r)}${AT[7]}},` +
    `${AT[7]}"logicalLocations": [${AT[8]}{${AT[9]}"name": ${JSON.stringify(unit)}${AT[8]}}${AT[7]}]`
  );
}

/** The relatedLocations of a result. */
function relatedJson(related: readonly RelatedLocation[], artifact: string): string {
  if (related.length === 0) return '[]';
  let out = '';
  for (let id = 0; id < related.length; id++) {
    const r = related[id]!;
    out += `${id === 0 ? '[' : ','}${AT[6]}{${AT[7]}"id": ${id},${AT[7]}${placeJson(artifact, r, r.unit)},${AT[7]}"message": {${AT[8]}"text": ${str(r.message)}${AT[7]}}${AT[6]}}`;
  }
  return out + AT[5] + ']';
}

function resultJson(f: Finding, index: number | undefined, artifact: string, print: string): string {
  const message = f.suggestions.length > 0 && !f.message.includes(f.suggestions[0]!) ? `${f.message} (→ ${f.suggestions.join(' / ')})` : f.message;
  let out =
    `{${AT[5]}"ruleId": ${str(f.ruleId)},${AT[5]}"level": "${LEVEL[f.severity]}",${AT[5]}"message": {${AT[6]}"text": ${str(message)}${AT[5]}},` +
    `${AT[5]}"locations": [${AT[6]}{${AT[7]}${placeJson(artifact, f, f.unit)}${AT[6]}}${AT[5]}],`;
  if (f.related) out += `${AT[5]}"relatedLocations": ${relatedJson(f.related, artifact)},`;
  out +=
    `${AT[5]}"partialFingerprints": {${AT[6]}"${FINGERPRINT_KEY}": "${print}"${AT[5]}},` +
    `${AT[5]}"properties": {${AT[6]}"unit": ${JSON.stringify(f.unit)},${AT[6]}"conversation": ${strOrNull(f.conversation)},${AT[6]}"turn": ${num(f.turn)},` +
    `${AT[6]}"role": ${str(f.role)},${AT[6]}"suggestions": ${strings(f.suggestions, 6)},${AT[6]}"fixable": ${f.fix !== undefined}${AT[5]}}`;
  if (index !== undefined) out += `,${AT[5]}"ruleIndex": ${index}`;
  return out + AT[4] + '}';
}
