import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { openText } from '../../src/sources/index.js';
import type { Conversation } from '../../src/core/types.js';
import type { SourceDocument } from '../../src/sources/index.js';
import { folderWith, SMALL_CONTENT } from './helpers.js';

/** Ten anchors, each a list of ten aliases of the one before: 10^9 nodes once expanded. */
function aliasBomb(tail: string): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n${tail}\n`;
}

async function readAll(doc: SourceDocument): Promise<Conversation[]> {
  const out: Conversation[] = [];
  for await (const c of doc.conversations) out.push(c);
  return out;
}

const cases: [string, string, string][] = [
  [
    'an alias bomb',
    aliasBomb('replies: [{id: r1, text: *a9}]'),
    '4:45: YAML aliases expand to more than 10,000 nodes (an alias bomb?)\n  write the data out instead of repeating it with aliases (*name)',
  ],
  [
    'a recursive alias',
    'x: &b {y: *b}\n',
    '1:11: a YAML alias refers to a node that contains it, which never ends\n  point the alias (*name) at a node outside the one it is in',
  ],
  [
    '5,000 nested brackets',
    `${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    '1:65: YAML nested more than 64 brackets deep\n  flatten the data: aslint files need only a few levels',
  ],
  [
    '5,000 nested block maps',
    `${Array.from({ length: 5000 }, (_, i) => `${'  '.repeat(i)}k:\n`).join('')}`,
    '130:259: YAML indented or nested more than 256 columns deep\n  flatten the data: aslint files need only a few levels',
  ],
  [
    '5,000 compact sequences',
    `${'- '.repeat(5000)}x\n`,
    '1:258: YAML indented or nested more than 256 columns deep\n  flatten the data: aslint files need only a few levels',
  ],
];

describe('hostile YAML in a reply library', () => {
  // A reply library that cannot be read is one unreadable record at the place of the problem.
  it.each(cases)('%s is an unreadable-record finding at its place', async (_name, yaml, expected) => {
    const dir = folderWith({ 'r.yaml': yaml });
    const { code, stdout, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--format', 'json']);
    const [place, message, hint] = expected.match(/^(\d+:\d+): (.*)\n {2}(.*)$/s)!.slice(1);
    const findings = (JSON.parse(stdout) as { files: { findings: { ruleId: string; line: number; column: number; message: string }[] }[] }).files[0]!.findings;
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(findings.map((f) => [f.ruleId, `${f.line}:${f.column}`, f.message])).toEqual([
      ['aslint/unreadable-record', place, `${message}: the record was not linted; ${hint}`],
    ]);
  });

  it.each(cases)('%s: the reader gives up within a second', async (_name, yaml, expected) => {
    const started = performance.now();
    const problems = (await readAll(openText('r.yaml', yaml, 'replies-yaml'))).flatMap((c) => c.problems ?? []);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems.map((p) => `${p.line}:${p.column}: ${p.message}\n  ${p.hint}`)).toEqual([expected]);
  });

  it('a block scalar indented past the limit is text, not nesting', async () => {
    const dir = folderWith({ 'r.yaml': `- id: r1\n  text: |\n${' '.repeat(300)}你好\n${' '.repeat(300)}再见\n` });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('aliases that expand within bounds still read', async () => {
    const dir = folderWith({ 'r.yaml': 'base: &t 您好，请稍等\nreplies:\n  - {id: r1, text: *t}\n  - {id: r2, text: *t}\n' });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), ...SMALL_CONTENT, '--format', 'json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe('hostile YAML in a glossary or rule pack', () => {
  const glossaryCases: [string, string, string][] = [
    [
      'an alias bomb',
      aliasBomb('category: basic\nterms: []'),
      '2:10: YAML aliases expand too far (an alias bomb?)\n  write the data out instead of repeating it with aliases (*name)',
    ],
    cases[1]!,
    cases[2]!,
    cases[4]!,
  ];
  it.each(glossaryCases)('%s in a glossary is a positioned error', async (_name, yaml, expected) => {
    const dir = folderWith({ 'g.yaml': yaml, 'r.yaml': '- id: r1\n  text: 你好\n' });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), '--no-config', '--no-defaults', '--glossary', join(dir, 'g.yaml')]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: `aslint: ${join(dir, 'g.yaml')}:${expected}\n` });
  });

  it.each(glossaryCases)('%s in a rule pack is a positioned error', async (_name, yaml, expected) => {
    const dir = folderWith({ 'p.yaml': yaml, 'r.yaml': '- id: r1\n  text: 你好\n' });
    const { code, stderr } = await runCli(['lint', join(dir, 'r.yaml'), '--no-config', '--no-defaults', '--rules', join(dir, 'p.yaml')]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: `aslint: ${join(dir, 'p.yaml')}:${expected}\n` });
  });
});
