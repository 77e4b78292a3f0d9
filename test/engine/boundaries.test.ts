// Word boundaries settled without segmenting (the text's edges, cppjieba's separators, an ASCII
// character next to a non-ASCII one) must be boundaries that nodejieba, with its full dictionary
// and the glossary's words, also finds. Checked at every offset of every utterance of the real
// dev chats, when they are there (they are not part of the project: ../shared/data/dev).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/runner/rulesets.js';
import { normalize } from '../../src/text/normalize.js';
import { Segmenter } from '../../src/text/segment.js';

const DEV = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'dev');
const FILES = ['jddc_zh-Hans.jsonl', 'ecd_taobao_zh-Hans.jsonl', 'ibm_twitter_en.jsonl', 'ecd_taobao_agent_replies_zh-Hans.jsonl'];
const haveDev = FILES.every((f) => existsSync(join(DEV, f)));

function utterances(): string[] {
  const texts: string[] = [];
  for (const f of FILES) {
    for (const line of readFileSync(join(DEV, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { text?: string; turns?: { text: string }[] };
      for (const t of record.turns ?? [{ text: record.text ?? '' }]) texts.push(t.text);
    }
  }
  return texts;
}

describe('settled word boundaries', () => {
  it('hold at the edges, at separators and between ASCII and other characters, and nowhere else', () => {
    const s = new Segmenter(['7天无理由退货']);
    expect(s.settledBoundary('保价', 0)).toBe(true);
    expect(s.settledBoundary('保价', 2)).toBe(true);
    expect(s.settledBoundary('亲，保价', 2)).toBe(true);
    expect(s.settledBoundary('亲。保价', 1)).toBe(true);
    expect(s.settledBoundary('保价30天', 2)).toBe(true);
    expect(s.settledBoundary('支持保价', 2)).toBe(false);
    // A dictionary word that joins a digit to a Chinese character spans the edge.
    expect(s.settledBoundary('支持7天无理由退货', 3)).toBe(false);
    expect(s.settledBoundary('支持8天', 3)).toBe(true);
  });
  it.skipIf(!haveDev)(
    `agree with nodejieba's full dictionary at every offset of the dev chats${haveDev ? '' : ' (skipped: ../shared/data/dev is absent)'}`,
    async () => {
      const { segmenter } = await loadRuleSet();
      const wrong: string[] = [];
      let settled = 0;
      for (const text of utterances()) {
        const norm = normalize(text).norm;
        // Every boundary, cut in full: has() alone answers a settled offset without cutting.
        const bounds = new Set(segmenter.boundaries(norm));
        for (let at = 0; at <= norm.length; at++) {
          if (!segmenter.settledBoundary(norm, at)) continue;
          settled++;
          if (!bounds.has(at)) wrong.push(`${norm.slice(Math.max(0, at - 4), at)}|${norm.slice(at, at + 4)}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(settled).toBeGreaterThan(100_000);
    },
    300_000,
  );
});
