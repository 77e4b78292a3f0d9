import type { CompiledRule } from '../checks/kind.js';
import type { ConversationInfo, Finding, Severity } from '../types.js';
import type { Dismissal } from './dismissed.js';
import type { RunScores } from './scores.js';

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
  /** Scores of every finding of the run, kept when a display option (--quiet) drops findings from the report. */
  scores?: RunScores;
  /** What the run was: shown at the top of the HTML report. */
  run?: RunInfo;
  /** Findings that reviewers dismissed (--dismissed) and this run left out. */
  dismissed?: Dismissal[];
}

export interface RunInfo {
  /** ISO 8601. */
  date: string;
  version: string;
  /** The files linted. */
  inputs: string[];
  /** The config files applied (presets as `aslint:…`). */
  config: string[];
  /** The glossary and rule files. */
  content: string[];
}

export interface ReportOptions {
  color: boolean;
  /** Where paths are relative to. */
  cwd: string;
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
