import type { CompiledRule } from '../checks/kind.js';
import type { ConversationInfo, Finding, Severity } from '../types.js';

export interface FileResult {
  /** The path as given on the command line (or `<stdin>`). */
  path: string;
  findings: Finding[];
  /** How many utterances (turns or replies) were linted. */
  units: number;
  /** The file's dialogues, findings or not, so each gets a score (none for reply libraries). */
  conversations?: ConversationInfo[];
}


export interface Summary {
  files: number;
  units: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintResult {
  files: FileResult[];
  summary: Summary;
  /** The rules of the run, for formats that describe them (SARIF). */
  rules: readonly CompiledRule[];
}

export interface ReportOptions {
  color: boolean;
  /** Where paths are relative to. */
  cwd: string;
  /** How long the run took, in seconds, when the caller measured it (JUnit's `time`). */
  seconds?: number;
}

/** One output format: turns a lint result into the text written to stdout or `-o`. */
export type Reporter = (result: LintResult, options: ReportOptions) => string;

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = { files: files.length, units: 0, errors: 0, warnings: 0, infos: 0 };
  const key: Record<Severity, 'errors' | 'warnings' | 'infos'> = { error: 'errors', warning: 'warnings', info: 'infos' };
  for (const f of files) {
    summary.units += f.units;
    for (const finding of f.findings) summary[key[finding.severity]]++;
  }
  return summary;
}
