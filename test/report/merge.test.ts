// `aslint report merge`: shards' JSONL reports rebuild the report of a single run, byte for byte.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, TEST_DATA } from '../helpers.js';

let dir: string;
let files: string[];
const content = ['--no-defaults', '--no-config', '--rules', join(TEST_DATA, 'rules.yaml'), '--glossary', join(TEST_DATA, 'glossary.yaml')];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-merge-'));
  const chats = [
    ['{"id":"a1","turns":[{"role":"customer","text":"快递太慢了"},{"role":"agent","speaker":"小王","text":"您好，这不归我管"}]}'],
    [
      '{"id":"b1","turns":[{"role":"agent","speaker":"小李","text":"您好，我不知道"}]}',
      '{"id":"b2","turns":[{"role":"agent","speaker":"小王","text":"亲，稍后回复您"}]}',
    ],
    ['{"id":"c1","turns":[{"role":"agent","speaker":"小李","text":"您好，今天给您回复"},{"role":"customer","text":"","type":"text"}]}'],
  ];
  files = chats.map((lines, i) => {
    const path = join(dir, `part-${i}.jsonl`);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  });
});

const shard = async (name: string, inputs: string[]) => {
  const out = join(dir, name);
  const { stderr } = await runCli(['lint', ...content, '--format', 'jsonl', '-o', out, ...inputs]);
  expect(stderr).toBe('');
  return out;
};

describe('aslint report merge', () => {
  it.each(['json', 'sarif', 'stylish', 'csv'])('rebuilds the %s report of a single run byte for byte, scores included', async (format) => {
    const single = await runCli(['lint', ...content, '--format', format, ...files]);
    const shards = [await shard('s0.jsonl', files.slice(0, 2)), await shard('s1.jsonl', files.slice(2))];
    const merged = await runCli(['report', 'merge', '--format', format, ...shards]);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(single.code);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toBe(single.stdout);
  });

  it('gives the scores of the whole run, agents averaged across shards', async () => {
    const shards = [await shard('t0.jsonl', files.slice(0, 1)), await shard('t1.jsonl', files.slice(1))];
    const report = JSON.parse((await runCli(['report', 'merge', '--format', 'json', ...shards])).stdout);
    expect(report.summary).toEqual({ files: 3, units: 5, errors: 2, warnings: 2, infos: 0, skipped: { media: 0, empty: 1 } });
    expect(report.scores.conversations.map((c: { conversation: string; score: number }) => [c.conversation, c.score])).toEqual([
      ['a1', 0],
      ['b1', 100],
      ['b2', 100],
      ['c1', 100],
    ]);
    expect(report.scores.agents.map((a: { agent: string; conversations: number; averageScore: number }) => [a.agent, a.conversations, a.averageScore])).toEqual(
      [
        ['小王', 2, 50],
        ['小李', 2, 100],
      ],
    );
  });

  it('names the shard and line of a damaged record, and a shard cut short, and exits 2', async () => {
    const good = readFileSync(await shard('u0.jsonl', files.slice(0, 1)), 'utf8').split('\n');
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, [good[0], '{"type":"finding",', ...good.slice(1)].join('\n'));
    const bad = await runCli(['report', 'merge', '--format', 'json', broken]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(new RegExp(`^aslint: ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1: not a JSON line: `));
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, good.slice(0, -2).join('\n') + '\n');
    const short = await runCli(['report', 'merge', '--format', 'json', cut]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain(`without its end record: the run that wrote it did not finish`);

    const notReport = join(dir, 'chats.jsonl');
    writeFileSync(notReport, '{"id":"x","turns":[]}\n');
    const wrong = await runCli(['report', 'merge', notReport]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`${notReport}:1:1: not an aslint JSONL report`);
  });
});
