// What a worker renders of a part of a large file (report/render.ts) is what the format's writer
// writes for the same results, byte for byte, between whole files the writer is given: with
// --quiet, an empty first part, and a sink that takes bytes or only text.
import { describe, expect, it } from 'vitest';
import { JsonWriter } from '../../src/report/json.js';
import { JsonlWriter } from '../../src/report/jsonl.js';
import { renderPart } from '../../src/report/render.js';
import { SarifWriter } from '../../src/report/sarif.js';
import type { Sink } from '../../src/report/sink.js';
import { batched } from '../../src/report/write-batch.js';
import type { ConversationScore, FileResult, ReportWriter, RenderSpec } from '../../src/runner/result.js';
import { AgentTotals, agentBatch, scoreBatch } from '../../src/runner/scores.js';
import type { Finding } from '../../src/core/types.js';
import { CWD, sampleResult } from './fixture.js';

const FORMATS = {
  json: (sink: Sink) => new JsonWriter(sink),
  jsonl: (sink: Sink) => new JsonlWriter(sink, '2026-01-01T00:00:00.000Z'),
  sarif: (sink: Sink) => new SarifWriter(sink, CWD),
} as const;

/** The sample's files as a run sees them: dialogues on the chat, and a large export in two parts. */
async function inputs() {
  const result = await sampleResult();
  const chat = result.files.find((f) => f.path.endsWith('.jsonl'))!;
  const findings = result.files.flatMap((f) => f.findings).map((f, i) => ({ ...f, conversation: `c${i % 3}`, role: 'agent' as const, speaker: `a${i % 2}` }));
  const conversations = [0, 1, 2].map((i) => ({ id: `c${i}`, agents: [`a${i % 2}`], turns: 2 }));
  const files: FileResult[] = result.files.map((f) =>
    f === chat ? { ...f, conversations: [{ id: 'c1', agents: [''], turns: 2 }], skipped: { media: 1, empty: 0 } } : f,
  );
  // An empty part first: the next part's first finding is the file's first.
  const parts = [
    { findings: [] as Finding[], conversations: [] },
    { findings: findings.slice(0, 3), conversations: conversations.slice(0, 2) },
    { findings: findings.slice(3), conversations: conversations.slice(2) },
  ];
  return { result, files, parts, large: 'exports/big.jsonl' };
}

type Input = Awaited<ReturnType<typeof inputs>>;

/** Writes the run through `make`'s writer, each batch given as results or as what a worker rendered. */
async function run(format: keyof typeof FORMATS, input: Input, how: 'results' | 'rendered', quiet: boolean, bytes: boolean): Promise<string> {
  const chunks: (string | Uint8Array)[] = [];
  const sink: Sink = (text) => chunks.push(text);
  if (bytes) sink.bytes = (b) => chunks.push(Buffer.from(b));
  const writer: ReportWriter = FORMATS[format](sink);
  const shown = (findings: readonly Finding[]) => (quiet ? findings.filter((f) => f.severity === 'error') : findings);
  writer.start();
  writer.rules?.(input.result.rules);
  const spec: RenderSpec = { ...writer.renderSpec!()!, errorsOnly: quiet };
  let index = 0;
  const scoresOf = (path: string, findings: readonly Finding[], conversations: FileResult['conversations']): ConversationScore[] =>
    scoreBatch(path, index, findings, conversations ?? []);
  for (const file of input.files) {
    const scores = scoresOf(file.path, file.findings, file.conversations);
    writer.file({ ...file, findings: shown(file.findings) as Finding[] }, false);
    writer.scores(scores);
    index++;
  }
  for (const part of input.parts) {
    const scores = scoresOf(input.large, part.findings, part.conversations);
    if (how === 'results') {
      writer.part(input.large, shown(part.findings), part.conversations);
      writer.scores(scores);
    } else {
      writer.rendered!(await renderPart(spec, { path: input.large, findings: part.findings, units: 0, conversations: part.conversations }, scores, index));
    }
  }
  writer.file({ path: input.large, findings: [], units: 7, skipped: { media: 0, empty: 2 } }, true);
  writer.end({ ...input.result, scores: { conversations: [], agents: [] } });
  writer.abort();
  return chunks.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
}

describe('a part rendered where it is linted', () => {
  for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
    it(`writes the bytes the ${format} writer writes for the same results, with --quiet or not, to a sink of text or of bytes`, async () => {
      const input = await inputs();
      for (const quiet of [false, true]) {
        const expected = await run(format, input, 'results', quiet, false);
        // The sample has findings of every kind the format writes (the quiet report has fewer).
        expect(expected.length).toBeGreaterThan(2000);
        for (const bytes of [false, true]) expect(await run(format, input, 'rendered', quiet, bytes)).toBe(expected);
      }
      expect(await run(format, input, 'results', true, false)).not.toBe(await run(format, input, 'results', false, false));
    });
  }

  it('goes through the batched writer (write-batch.ts): the text held first (encoded, to a sink that takes bytes), then the part as bytes, as it came', async () => {
    const input = await inputs();
    const expected = await run('jsonl', input, 'results', false, false);
    const out: string[] = [];
    const sink: Sink = (text) => out.push(text);
    sink.bytes = (b) => out.push(`<${Buffer.from(b).toString('utf8')}>`);
    const writer = await batched(sink, async (s) => new JsonlWriter(s, '2026-01-01T00:00:00.000Z'));
    writer.start();
    writer.file(input.files[0]!, false);
    const part = input.parts[1]!;
    writer.rendered!(
      await renderPart(writer.renderSpec!()!, { path: input.large, findings: part.findings, units: 0, conversations: part.conversations }, [], 1),
    );
    expect(out).toHaveLength(2);
    expect(out[0]!.startsWith('<{"type":"run"')).toBe(true);
    expect(out[0]!.endsWith('>')).toBe(true);
    expect(expected.startsWith(out[0]!.slice(1, -1))).toBe(true);
    expect(out[1]!.startsWith('<{"type":"finding","file":1,"path":"exports/big.jsonl"')).toBe(true);
    expect(out[1]!.endsWith('}\n>')).toBe(true);
    writer.abort();
  });
});

describe('the agents of a batch (agentBatch)', () => {
  it('add up as the scores and findings themselves do, fractional deductions and the agents’ order included', async () => {
    const { result } = await inputs();
    const base = result.files.flatMap((f) => f.findings);
    const batches = [0, 1, 2].map((b) => {
      const findings = base.map((f, i) => ({
        ...f,
        conversation: `c${(i + b) % 4}`,
        role: 'agent' as const,
        speaker: ['zoe', 'amy', ''][(i + b) % 3],
        score: { deduct: 0.1 * ((i % 7) + 1) },
      }));
      const conversations = [0, 1, 2, 3].map((i) => ({ id: `c${i}`, agents: [['bob', 'zoe', 'amy', ''][(i + b) % 4]!], turns: 2 }));
      return { scores: scoreBatch('x', 0, findings, conversations), findings };
    });
    const direct = new AgentTotals();
    const added = new AgentTotals();
    for (const b of batches) {
      direct.addScores(b.scores);
      direct.addFindings(b.findings);
      added.addBatch(structuredClone(agentBatch(b.scores, b.findings)));
    }
    expect(added.summaries()).toEqual(direct.summaries());
    expect(direct.summaries().map((s) => s.agent)).toEqual(expect.arrayContaining(['bob', 'zoe', 'amy', '']));
    expect(direct.summaries().some((s) => !Number.isInteger(s.averageScore * 1))).toBe(true);
  });
});
