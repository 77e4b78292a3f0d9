// Configured severities: a config without severities or overrides hands the findings on as they
// are; otherwise `off` drops a finding and another severity replaces its own.
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../../src/config/discovery.js';
import type { Finding, Severity } from '../../src/core/types.js';
import { applySeverities } from '../../src/runner/configured.js';

const finding = (ruleId: string, severity: Severity): Finding =>
  ({ ruleId, kind: 'term', severity, message: '', unit: 'L1#0', conversation: 'L1', turn: 0, role: 'agent', line: 1, column: 1 }) as Finding;

describe('applySeverities', () => {
  const findings = () => [finding('term/a', 'warning'), finding('forbidden/b', 'error'), finding('habits/c', 'info')];

  it('hands the findings on unchanged when the config sets no severity', () => {
    const given = findings();
    const out = applySeverities(given, emptyConfig(), 'chats/a.txt');
    expect(out).toBe(given);
    expect(out.map((f) => [f.ruleId, f.severity])).toEqual([
      ['term/a', 'warning'],
      ['forbidden/b', 'error'],
      ['habits/c', 'info'],
    ]);
  });

  it('drops what is off and replaces other severities, by rule and by override', () => {
    const config = {
      ...emptyConfig(),
      severity: { 'term/*': 'error' as const, 'habits/c': 'off' as const },
      overrides: [{ base: '/work', files: ['replies/**'], excludeFiles: [], severity: { 'forbidden/*': 'warning' as const } }],
    };
    expect(applySeverities(findings(), config, '/work/chats/a.txt').map((f) => [f.ruleId, f.severity])).toEqual([
      ['term/a', 'error'],
      ['forbidden/b', 'error'],
    ]);
    expect(applySeverities(findings(), config, '/work/replies/a.yaml').map((f) => [f.ruleId, f.severity])).toEqual([
      ['term/a', 'error'],
      ['forbidden/b', 'warning'],
    ]);
  });
});
