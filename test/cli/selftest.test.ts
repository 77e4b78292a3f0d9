import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const aslint = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'aslint.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('aslint test', () => {
  it('passes on the bundled glossary and rule packs', () => {
    const r = aslint(['test']);
    expect(r.stdout).toMatch(/^examples: \d+ passed, 0 failed$/m);
    expect(r.status).toBe(0);
  });

  it('passes on the test content', () => {
    const r = aslint(['test', '--no-defaults', '--glossary', 'test/data/glossary.yaml', '--rules', 'test/data/rules.yaml']);
    expect(r.stdout).toBe('12 examples of 11 rules\nexamples: 12 passed, 0 failed\n');
    expect(r.status).toBe(0);
  });

  it('names the file and line of each failing example and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslint-selftest-'));
    const pack = join(dir, 'pack.yaml');
    writeFileSync(
      pack,
      [
        'pack: p',
        'rules:',
        '  - id: rude',
        '    kind: forbidden',
        '    severity: error',
        '    phrases: [不关我事]',
        '    examples:',
        '      good: [这不关我事吧]',
        '      bad:',
        '        - 与我无关',
        '  - id: sorry',
        '    kind: require',
        '    severity: error',
        '    when: { role: customer, any: [坏了] }',
        '    expect: { role: agent, any: [抱歉] }',
        '    examples:',
        '      bad: [{turns: [{customer: 坏了}, {agent: 非常抱歉}]}]',
        '',
      ].join('\n'),
    );
    const r = aslint(['test', '--no-defaults', '--rules', pack]);
    expect(r.stdout).toBe(
      [
        `${pack}:8:14: p/rude: good example was flagged (“不关我事”): 这不关我事吧`,
        `${pack}:10:11: p/rude: bad example gave no finding: 与我无关`,
        `${pack}:17:13: p/sorry: bad example gave no finding: customer: 坏了 / agent: 非常抱歉`,
        '3 examples of 2 rules',
        'examples: 0 passed, 3 failed',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(1);
  });
});
