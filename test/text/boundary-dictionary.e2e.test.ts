// DESIGN: the boundary dictionary (src/text/boundary-dictionary.ts, boundary-cut.ts) stands in
// for nodejieba's full dictionary only if it cuts every text the same: every word-boundary
// decision at the edge of a short pattern, and every boundary of every utterance. nodejieba holds
// one dictionary per process, so each dictionary cuts in a child process of its own, over the
// same texts: our own sentences (always), and every utterance of the real dev chats (when
// ../shared/data/dev is there; their text stays out of the project, and out of the output).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DEV = join(ROOT, '..', 'shared', 'data', 'dev');
const devFiles = existsSync(DEV)
  ? readdirSync(DEV)
      .filter((f) => f.endsWith('.jsonl') && !f.startsWith('labels_'))
      .map((f) => join(DEV, f))
  : [];

/**
 * In a fresh process: with the bundled rule set, every edge of a short-pattern hit that asks for
 * a word boundary and is not settled without segmenting, and whether it is one; and a hash of
 * every utterance's boundaries. Prints {decisions: ["file#line#turn@offset pattern yes|no"],
 * cuts: ["file#line#turn hash"], loadMs}.
 */
const DECIDE = `
  import { readFileSync } from 'node:fs';
  import { createHash } from 'node:crypto';
  const { loadRuleSet } = await import('./dist/index.js');
  const { normalize } = await import('./dist/text/normalize.js');
  const { EDGE_WORD } = await import('./dist/match/patterns.js');
  const { segmenter, patterns } = await loadRuleSet();
  const started = performance.now();
  // A run of single characters: the word table is read and nodejieba loads for its HMM.
  [...segmenter.boundaries('哈亲')];
  const loadMs = performance.now() - started;
  const forms = new Map();
  const texts = [];
  for (const file of process.argv.slice(1)) {
    readFileSync(file, 'utf8').split('\\n').forEach((line, n) => {
      if (!line.trim()) return;
      const record = JSON.parse(line);
      const turns = record.turns ?? [{ text: record.text }];
      turns.forEach((t, k) => texts.push([file.split('/').pop() + '#' + (n + 1) + '#' + k, t.text]));
    });
  }
  const decisions = [];
  const cuts = [];
  for (const [where, text] of texts) {
    const { norm } = normalize(text);
    const all = [...segmenter.boundaries(norm)].sort((a, b) => a - b).join(',');
    cuts.push(where + ' ' + createHash('sha1').update(all).digest('hex').slice(0, 12));
    const edges = new Map();
    for (const m of patterns.matcher.scan(norm)) {
      const owners = patterns.owners[m.pattern];
      const pattern = norm.slice(m.start, m.end);
      if (owners.some((o) => o.startCheck === EDGE_WORD)) edges.set(m.start, pattern);
      if (owners.some((o) => o.endCheck === EDGE_WORD)) edges.set(m.end, pattern);
    }
    let bounds;
    for (const [at, pattern] of [...edges].sort((a, b) => a[0] - b[0])) {
      if (segmenter.settledBoundary(norm, at)) continue;
      bounds ??= segmenter.boundaries(norm);
      decisions.push(where + '@' + at + ' ' + pattern + ' ' + (bounds.has(at) ? 'yes' : 'no'));
    }
  }
  console.log(JSON.stringify({ decisions, cuts, loadMs }));`;

interface Decided {
  decisions: string[];
  cuts: string[];
  loadMs: number;
}

function decide(files: string[], dictionary: 'full' | 'boundary'): Decided {
  const env = { ...process.env, ASLINT_SEGMENTER_DICTIONARY: dictionary };
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', DECIDE, ...files], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 1 << 28 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

/** The decisions that differ, as "where pattern: full → boundary". */
function differences(full: string[], boundary: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(full.length, boundary.length); i++) if (full[i] !== boundary[i]) out.push(`${full[i]} → ${boundary[i]}`);
  return out;
}

// Our own sentences: short patterns (亲, 急, 加, 你好, 投诉…) where the HMM joins unknown
// characters (哈亲, 看亲) and where dictionary words overlap them from either side.
const OWN = [
  '哈亲在吗',
  '看亲这个颜色喜欢吗',
  '亲，您好',
  '您好亲爱的顾客',
  '亲人都说好',
  '我都急死了你们到底什么时候发货',
  '能加个微信吗',
  '增加一个赠品给您',
  '你好像没看懂我的意思',
  '我要投诉你们，差评',
  '这个破损的地方能换吗',
  '您的工单已经提交了哦',
  '石头大小不一样',
  '咋还没到啊',
  '我还能再买一个吗',
  '返现什么时候到账',
  '送货上门吗',
  '坑人啊这也太坑了',
];

describe('the boundary dictionary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aslint-boundary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decides every boundary of our own sentences as the full dictionary does', () => {
    const file = join(dir, 'own.jsonl');
    writeFileSync(file, OWN.map((text) => JSON.stringify({ text })).join('\n'));
    const full = decide([file], 'full');
    const boundary = decide([file], 'boundary');
    expect(full.decisions.length).toBeGreaterThan(OWN.length);
    expect(full.decisions.some((d) => d.endsWith(' no'))).toBe(true);
    expect(differences(full.decisions, boundary.decisions)).toEqual([]);
    expect(differences(full.cuts, boundary.cuts)).toEqual([]);
  });

  it.skipIf(devFiles.length === 0)('decides every boundary of the dev chats as the full dictionary does (needs ../shared/data/dev, skipped without it)', () => {
    const full = decide(devFiles, 'full');
    const boundary = decide(devFiles, 'boundary');
    console.log(
      `dev chats: ${full.decisions.length} boundary decisions, ${full.cuts.length} utterances; ` +
        `nodejieba load + first cut: full dictionary ${Math.round(full.loadMs)} ms, boundary dictionary ${Math.round(boundary.loadMs)} ms`,
    );
    expect(full.decisions.length).toBeGreaterThan(1000);
    expect(differences(full.decisions, boundary.decisions)).toEqual([]);
    expect(differences(full.cuts, boundary.cuts)).toEqual([]);
  });
});
