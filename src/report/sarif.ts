// SARIF 2.1.0 (the OASIS static-analysis results format) for code-scanning tools such as
// GitHub's. Every rule of the run is described in tool.driver.rules with a link to its docs page;
// results carry UTF-16 columns and fingerprints that survive unrelated edits of the file.
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { PACKAGE, PROJECT_URL } from '../core/package.js';
import type { CompiledRule } from '../checks/kind.js';
import type { Finding, Severity } from '../core/types.js';
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

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep (JSON strings hold no raw line break). */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));

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
  const uri = pathUri(path, cwd);
  const occurrences = new Map<string, number>();
  for (const f of findings) {
    const key = [f.ruleId, f.unit, f.text].join('\0');
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    emit(',\n        ' + nested(toResult(f, ruleIndex.get(f.ruleId), uri, fingerprint(f.ruleId, shown, f.unit, f.text, occurrence)), 4));
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

function toResult(f: Finding, index: number | undefined, uri: string, print: string): Result {
  const message = f.suggestions.length > 0 && !f.message.includes(f.suggestions[0]!) ? `${f.message} (→ ${f.suggestions.join(' / ')})` : f.message;
  const result: Result = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            snippet: { text: f.text },
          },
        },
        logicalLocations: [{ name: f.unit }],
      },
    ],
    ...(f.related
      ? {
          relatedLocations: f.related.map((r, id) => ({
            id,
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn, snippet: { text: r.text } },
            },
            logicalLocations: [{ name: r.unit }],
            message: { text: r.message },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: print },
    properties: {
      unit: f.unit,
      conversation: f.conversation,
      turn: f.turn,
      role: f.role,
      suggestions: f.suggestions,
      fixable: f.fix !== undefined,
    },
  };
  if (index !== undefined) result.ruleIndex = index;
  return result;
}
