// Findings as a file's configuration and inline disables have them, applied where a text is
// linted: in the runner's thread, or in a worker that renders its report text (a config is plain
// data, so a worker is given it as it is).
import { overridesFor, severityFor, type ResolvedConfig } from '../config/discovery.js';
import type { Finding } from '../core/types.js';
import { lintWholeDocument } from '../engine/lint.js';
import type { RuleSet } from '../engine/ruleset.js';
import { openText, type SourceFormat } from '../sources/index.js';

/** Whether a config sets no severity and has no overrides (most runs): it changes no finding. */
const changesNothing = new WeakMap<ResolvedConfig, boolean>();

/**
 * Applies configured severities: `off` drops a finding, others replace its severity. The findings
 * themselves are returned when the config changes none (5,000 files of ~5 findings, a fresh
 * process: 13-20 ms of CPU to look each finding up in an empty map, measured).
 */
export function applySeverities(findings: Finding[], config: ResolvedConfig, path: string): Finding[] {
  let unchanged = changesNothing.get(config);
  if (unchanged === undefined) changesNothing.set(config, (unchanged = config.overrides.length === 0 && Object.keys(config.severity).length === 0));
  if (unchanged) return findings;
  const overrides = overridesFor(config, path);
  const out: Finding[] = [];
  for (const f of findings) {
    const s = severityFor(config, f.ruleId, path, f.severity, overrides);
    if (s === 'off') continue;
    out.push(s === f.severity ? f : { ...f, severity: s });
  }
  return out;
}

/** Lints a reply library's text: findings after severities and inline disables. */
export async function lintLibraryText(
  path: string,
  text: string,
  format: SourceFormat,
  ruleSet: RuleSet,
  config: ResolvedConfig,
  reportUnused: boolean | undefined,
) {
  const { findings, units } = await lintWholeDocument(openText(path, text, format), ruleSet, config.lint);
  const configured = applySeverities(findings, config, path);
  // Most files have no inline disable: they skip parsing for them.
  if (!text.includes('aslint-disable')) return { findings: configured, units };
  const { applyDirectives } = await import('../engine/suppress.js');
  const suppressed = applyDirectives(configured, text, format, { reportUnused });
  // Directive warnings may themselves be configured (`aslint/*: off`).
  return { findings: applySeverities(suppressed.findings, config, path), units };
}
