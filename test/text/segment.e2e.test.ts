// DESIGN: loading nodejieba costs about a second and 240 MB, so a run that needs no
// word-boundary check must not load it; with the boundary dictionary, a boundary that the
// dictionary's words settle does not load nodejieba either (only its word table): nodejieba
// loads when its HMM must cut a run of single characters. Each case runs in a fresh process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function lintInFreshProcess(text: string, format = 'replies-text', bundled = false): { loaded: boolean; nodejieba: boolean; rules: string[] } {
  const content = bundled ? '' : `{ defaults: false, glossary: ['test/data/glossary.yaml'], rules: ['test/data/rules.yaml'] }`;
  const script = `
    const { loadRuleSet, lintText } = await import('./dist/index.js');
    const { segmenterLoaded, nodejiebaLoaded } = await import('./dist/text/segment.js');
    const rules = await loadRuleSet(${content});
    const result = await lintText(process.argv[1], '${format}', rules);
    console.log(JSON.stringify({ loaded: segmenterLoaded(), nodejieba: nodejiebaLoaded(), rules: result.findings.map((f) => f.ruleId) }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, text], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('the segmenter', () => {
  it('is not loaded when no match needs a word boundary', () => {
    expect(lintInFreshProcess('这不归我管，本店支持无条件退货')).toEqual({
      loaded: false,
      nodejieba: false,
      rules: ['test/blame-shifting', 'term/seven-day-return'],
    });
  });
  it('is loaded for a two-character match; nodejieba is not, when dictionary words settle the boundaries (支持|保价|吗)', () => {
    expect(lintInFreshProcess('这件商品支持保价吗')).toEqual({ loaded: true, nodejieba: false, rules: ['term/price-protection'] });
  });
  it('loads nodejieba when a boundary falls in a run of single characters, which its HMM cuts (哈亲 is one word: no greeting)', () => {
    expect(lintInFreshProcess('客服：哈亲在吗', 'text')).toEqual({ loaded: true, nodejieba: true, rules: ['test/greeting'] });
    expect(lintInFreshProcess('客服：亲在吗', 'text')).toEqual({ loaded: true, nodejieba: true, rules: [] });
  });
  it('is not loaded for a boundary at a separator or next to ASCII', () => {
    expect(lintInFreshProcess('你好，保价。')).toEqual({ loaded: false, nodejieba: false, rules: ['term/price-protection'] });
    expect(lintInFreshProcess('保价30天')).toEqual({ loaded: false, nodejieba: false, rules: ['term/price-protection'] });
  });
  it('is not loaded for a hit that no rule can use in its turn (a greeting phrase after the first agent turn)', () => {
    const chat = '客服：您好，很高兴为您服务\n顾客：快递到哪了\n客服：已经发出了哦亲\n顾客：谢谢\n客服：不客气，还有什么可以帮您的吗？';
    expect(lintInFreshProcess(chat, 'text', true)).toEqual({ loaded: false, nodejieba: false, rules: [] });
  });
});
