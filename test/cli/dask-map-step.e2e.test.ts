// The map step of docs/scale.md on a real engine: Dask distributed, a local cluster with 2
// workers, pipes partitions of a JSONL export through `aslint lint - --stdin-format jsonl
// --format jsonl`; `aslint report merge` then gives the findings and scores of a single run.
// Needs Debian's python3-distributed (.ci/run installs it); skipped, saying so, without it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, TEST_DATA } from '../helpers.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'aslint.js');
const CONTENT = ['--no-defaults', '--no-config', '--rules', join(TEST_DATA, 'rules.yaml'), '--glossary', join(TEST_DATA, 'glossary.yaml')];

/** A Python that imports distributed: the one on PATH, or Debian's (which apt-get installs into). */
const PYTHON = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import distributed, dask.bag']).status === 0);
const SKIP_REASON = 'skipped: no python3 here imports distributed (apt-get install -y python3-distributed)';

const REPLIES = ['您好，这不归我管', '您好，马上为您处理', '亲，我不知道', '您好，非常抱歉，稍后回复您'];

describe('the map step on Dask distributed', () => {
  it.skipIf(!PYTHON)(
    `gives the findings and scores of a single run, merged from 2 workers' shards${PYTHON ? '' : ` (${SKIP_REASON})`}`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aslint-dask-'));
      const exportFile = join(dir, 'export.jsonl');
      const lines = Array.from({ length: 400 }, (_, i) =>
        JSON.stringify({
          id: `c${i}`,
          turns: [
            { role: 'customer', text: i % 5 === 0 ? '快递太慢了' : '在吗' },
            { role: 'agent', speaker: `客服${i % 3}`, text: REPLIES[i % REPLIES.length] },
          ],
        }),
      );
      writeFileSync(exportFile, lines.join('\n') + '\n');
      const shardsDir = join(dir, 'shards');
      const map = spawnSync(
        PYTHON!,
        [
          join(ROOT, 'test', 'cli', 'dask_map_step.py'),
          exportFile,
          shardsDir,
          '12000',
          '--',
          process.execPath,
          BIN,
          'lint',
          '-',
          '--stdin-format',
          'jsonl',
          '--format',
          'jsonl',
          '--stdin-filename',
          'export.jsonl',
          ...CONTENT,
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
      );
      expect(map.status, map.stderr).toBe(0);
      const shards = readdirSync(shardsDir).sort();
      expect(shards.length).toBeGreaterThanOrEqual(4);
      expect(map.stdout.trim()).toBe(`${shards.length} ${shards.length}`);

      const merged = await runCli(['report', 'merge', '--format', 'json', ...shards.map((s) => join(shardsDir, s))]);
      const single = await runCli(['lint', '--format', 'json', ...CONTENT, exportFile]);
      expect(merged.stderr).toBe('');
      expect(merged.code).toBe(single.code);
      const m = JSON.parse(merged.stdout);
      const s = JSON.parse(single.stdout);
      // Lines and files are counted per partition; what a finding is and where in its conversation, not.
      const findings = (report: { files: { findings: Record<string, unknown>[] }[] }) =>
        report.files.flatMap((f) => f.findings.map(({ ruleId, conversation, turn, column, text }) => ({ ruleId, conversation, turn, column, text })));
      expect(findings(m)).toEqual(findings(s));
      expect(new Set(findings(s).map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(3);
      expect({ ...m.summary, files: 1 }).toEqual(s.summary);
      const scores = (report: { scores: { conversations: { path: string }[] } }) => report.scores.conversations.map(({ path: _p, ...c }) => c);
      expect(scores(m)).toEqual(scores(s));
      expect(m.scores.agents).toEqual(s.scores.agents);
    },
    180_000,
  );
});
