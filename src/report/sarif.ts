// SARIF 2.1.0 (the OASIS static-analysis results format) for code-scanning tools such as
// GitHub's. Every rule of the run is described in tool.driver.rules with a link to its docs page;
// results carry UTF-16 columns and fingerprints that survive unrelated edits of the file.
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { PACKAGE, PROJECT_URL } from '../core/package.js';
import type { Finding, Severity } from '../core/types.js';
import { displayPath, pathUri } from './paths.js';
import type { Reporter } from '../runner/result.js';
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
  return createHash('sha256').update([ruleId, path, unit, text, String(occurrence)].join('\0')).digest('hex');
}

export const sarif: Reporter = (result, options) => {
  const cwd = options.cwd;
  const ruleIndex = new Map<string, number>();
  const described = [...result.rules, ...DIRECTIVE_RULES.filter((d) => !result.rules.some((r) => r.id === d.id))];
  const rules: ReportingDescriptor[] = described.map((rule, i) => {
    ruleIndex.set(rule.id, i);
    return {
      id: rule.id,
      shortDescription: { text: ruleShortDescription(rule) },
      fullDescription: { text: ruleFullDescription(rule) },
      help: { text: ruleHelpText(rule), markdown: ruleHelpMarkdown(rule) },
      helpUri: ruleDocsUrl(rule.id),
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { kind: rule.kind.name, tags: [rule.kind.name] },
    };
  });

  const results: Result[] = [];
  for (const file of result.files) {
    const shown = displayPath(file.path, cwd);
    const uri = pathUri(file.path, cwd);
    const occurrences = new Map<string, number>();
    for (const f of file.findings) {
      const key = [f.ruleId, f.unit, f.text].join('\0');
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      results.push(toResult(f, ruleIndex.get(f.ruleId), uri, fingerprint(f.ruleId, shown, f.unit, f.text, occurrence)));
    }
  }

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
    results,
  };
  const log: Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
};

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
