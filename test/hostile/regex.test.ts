import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regexProblem } from '../../src/yaml/regex-safety.js';
import { runCli } from '../helpers.js';
import { folderWith, packWithRegex } from './helpers.js';

describe('rule-pack regexes that backtrack catastrophically', () => {
  it.each([
    ['(a+)+$', 'exponential', 'a+'],
    ['(a|aa)+$', 'exponential', '(a|aa)+'],
    ['(a|a)+$', 'exponential', '(a|a)+'],
    ['(\\w+\\s?)+$', 'exponential', '\\w+'],
    ['.*a.*b', 'polynomial', '.* and .*'],
  ])('%s is refused (%s, at %s)', (source, time, at) => {
    expect(regexProblem(source)).toBe(
      `can backtrack catastrophically (${time} time on some inputs, at ${at}): rewrite it so that each character can be matched in only one way (no nested or overlapping repetition), or use phrases`,
    );
  });

  it.each(['(ab|a)+$', '你(自己)?去问(问)?别的部门', '(a|b)*c', '[0-9]+ ?(个)?(小时|天)', 'a/b'])('%s is accepted', (source) => {
    expect(regexProblem(source)).toBeNull();
  });

  it('a pack with (a+)+$ stops the run at the regex, before any input is read', async () => {
    const dir = folderWith({ 'rules.yaml': packWithRegex('(a+)+$'), 'r.yaml': `- id: r1\n  text: ${'a'.repeat(30)}!\n` });
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(['lint', join(dir, 'r.yaml'), '--no-defaults', '--no-config', '--rules', join(dir, 'rules.yaml')]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `aslint: ${join(dir, 'rules.yaml')}:6:13: rule "r": rules[0].regex[0]: can backtrack catastrophically (exponential time on some inputs, at a+): rewrite it so that each character can be matched in only one way (no nested or overlapping repetition), or use phrases\n  See docs/formats.md for what this file may contain.\n`,
    );
  });
});

describe('regexes valid as written but not after script folding', () => {
  it('[伪-們] (a range out of order once 們 folds to 们)', () => {
    expect(regexProblem('[伪-們]')).toBe(
      'is valid as written but not once its Traditional characters are folded to Simplified (Range out of order in character class): /[伪-们]/',
    );
  });

  it('(?<們>a)(?<们>b) (duplicate group names once folded)', () => {
    expect(regexProblem('(?<們>a)(?<们>b)')).toBe(
      'is valid as written but not once its Traditional characters are folded to Simplified (Duplicate capture group name): /(?<们>a)(?<们>b)/',
    );
  });

  it('is a positioned error from the CLI, with no raw message', async () => {
    const dir = folderWith({ 'rules.yaml': packWithRegex('[伪-們]'), 'r.yaml': '- id: r1\n  text: 你好\n' });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), '--no-defaults', '--no-config', '--rules', join(dir, 'rules.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^aslint: .*rules\.yaml:6:13: rule "r": rules\[0\]\.regex\[0\]: is valid as written but not once its Traditional characters are folded/,
    );
  });

  it('an invalid regex says what the engine found', () => {
    expect(regexProblem('(x')).toBe('is not a valid regular expression: /(x/u: Unterminated group');
  });
});
