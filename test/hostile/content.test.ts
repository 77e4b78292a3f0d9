import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { folderWith, SMALL_CONTENT } from './helpers.js';

const REPLY = '- id: r1\n  text: 你好\n';
const term = (misuse: string) =>
  `category: basic\nterms:\n  - id: t1\n    zh-Hans: 七日无理由退货\n    en: return\n    definition: {zh-Hans: 定义, en: def}\n    misuses:\n      - text: ${misuse}\n        why: 原因\n    examples: {good: [好], bad: [无条件退货]}\n`;

describe('content files accepted though wrong are positioned errors', () => {
  it.each([
    ['a misuse that is a single space', term('" "'), '8:15: text that is only white space\n  Write the words, or remove the entry.'],
    [
      'a custom YAML tag',
      term('!custom 无条件退货'),
      '8:15: unknown YAML tag: Unresolved tag: !custom\n  Remove the tag (!name): aslint files hold plain text, numbers and lists.',
    ],
    ['a NUL byte', term('"无条件\\0退货"'), '8:15: a control character (U+0000) in text\n  Remove it: text in aslint files is what people write.'],
  ])('%s in a glossary', async (_name, yaml, expected) => {
    const dir = folderWith({ 'g.yaml': yaml, 'r.yaml': REPLY });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--glossary', join(dir, 'g.yaml')]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: `aslint: ${join(dir, 'g.yaml')}:${expected}\n` });
  });

  it('within: 1e309 in a rule pack', async () => {
    const pack =
      'pack: p\nrules:\n  - id: r1\n    kind: require\n    severity: error\n    when: {role: customer, any: [投诉]}\n    expect: {role: agent, within: 1e309, any: [抱歉]}\n';
    const dir = folderWith({ 'p.yaml': pack, 'r.yaml': REPLY });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--rules', join(dir, 'p.yaml')]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `aslint: ${join(dir, 'p.yaml')}:7:35: a number too large to use: 1e309\n  Write a whole number of a reasonable size.\n`,
    });
  });

  it('an ignores glob "[" in a config', async () => {
    const dir = folderWith({ 'c.yaml': 'ignores: ["["]\n', 'r.yaml': REPLY });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT.filter((a) => a !== '--no-config'), '-c', join(dir, 'c.yaml')]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `aslint: ${join(dir, 'c.yaml')}:1:11: ignores: "[" has a [ that is never closed\n  Close the bracket or brace, or escape it with a backslash to match it literally.\n`,
    });
  });

  it('circular extends name the extends that closes the circle', async () => {
    const dir = folderWith({ 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: ./a.yaml\n', 'r.yaml': REPLY });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT.filter((a) => a !== '--no-config'), '-c', join(dir, 'a.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `aslint: ${join(dir, 'b.yaml')}:1:10: config files extend each other in a circle: ${join(dir, 'a.yaml')} → ${join(dir, 'b.yaml')} → ${join(dir, 'a.yaml')}\n  Remove one of the extends.\n`,
    );
  });

  it('2,000-deep extends stop at a depth limit, positioned, without a stack overflow', async () => {
    const dir = folderWith({ 'r.yaml': REPLY });
    for (let i = 0; i < 2000; i++) writeFileSync(join(dir, `d${i}.yaml`), `extends: ./d${i + 1}.yaml\n`);
    writeFileSync(join(dir, 'd2000.yaml'), 'root: true\n');
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT.filter((a) => a !== '--no-config'), '-c', join(dir, 'd0.yaml')]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `aslint: ${join(dir, 'd31.yaml')}:1:10: config files extend each other more than 32 levels deep\n  Extend the files you need directly from one config.\n`,
    });
  });
});
