// `aslint glossary import`: export then import gives the same glossary (TBX and CSV), and term
// bases written by other tools are read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/glossary/exchange/csv.js';
import { renderTbx } from '../../src/glossary/exchange/tbx.js';
import { importTermBase } from '../../src/glossary/import.js';
import { loadGlossary } from '../../src/glossary/loader.js';
import type { Glossary, Term } from '../../src/glossary/model.js';
import { InputError } from '../../src/core/types.js';
import { defaultGlossary, testGlossary } from './handout/helpers.js';

/** The glossary's content: everything but where it was read from (origin, exampleOrigins …). */
function content(g: Glossary) {
  return g.terms
    .map((t) => Object.fromEntries(Object.entries(t).filter(([k]) => !/origin/i.test(k) && k !== 'zhHantGiven')) as Partial<Term>)
    .sort((a, b) => a.id!.localeCompare(b.id!));
}

async function reimport(text: string, name: string): Promise<{ glossary: Glossary; notes: string[]; yaml: string[] }> {
  const result = await importTermBase(text, name);
  const dir = mkdtempSync(join(tmpdir(), 'aslint-import-'));
  const files = result.files.map((f) => {
    const path = join(dir, `${f.category}.yaml`);
    writeFileSync(path, f.yaml);
    return path;
  });
  return { glossary: await loadGlossary(files), notes: result.notes, yaml: result.files.map((f) => f.yaml) };
}

describe('round trip', () => {
  for (const format of ['tbx', 'csv'] as const) {
    it(`${format}: export then import gives the same glossary (test glossary)`, async () => {
      const g = await testGlossary();
      const text = format === 'tbx' ? await renderTbx(g, { lang: 'all' }) : await renderCsv(g, { lang: 'all' });
      const back = await reimport(text, `terms.${format}`);
      expect(content(back.glossary)).toEqual(content(g));
      expect(back.notes).toEqual([]);
      // zh-Hant written only where it differs from what OpenCC derives.
      const statutory = back.yaml.find((y) => y.includes('category: statutory'))!;
      expect(statutory).toContain('zh-Hant: 保固卡');
      expect(statutory).not.toContain('zh-Hant: 七日無理由退貨');
      expect(back.yaml.join('\n')).not.toContain('zh-Hant: 軟體更新'); // OpenCC's Taiwan phrases derive it
    });
    it(`${format}: export then import gives the same glossary (bundled glossary)`, async () => {
      const g = await defaultGlossary();
      const text = format === 'tbx' ? await renderTbx(g, { lang: 'all' }) : await renderCsv(g, { lang: 'all' });
      const back = await reimport(text, `terms.${format}`);
      expect(content(back.glossary)).toEqual(content(g));
    });
  }
});

describe('order', () => {
  it('tbx keeps list items in place even when languages alternate; csv groups them by language', async () => {
    const g = await testGlossary();
    const t = g.terms.find((x) => x.id === 'price-protection')!;
    t.misuses = [t.misuses[2]!, t.misuses[0]!, t.misuses[1]!]; // English first
    t.examples = { good: [...t.examples.good].reverse(), bad: [...t.examples.bad].reverse() };
    t.badExamples = [...t.badExamples].reverse();
    const viaTbx = await reimport(await renderTbx(g, { lang: 'all' }), 'terms.tbx');
    expect(content(viaTbx.glossary)).toEqual(content(g));
    const viaCsv = await reimport(await renderCsv(g, { lang: 'all' }), 'terms.csv');
    const back = viaCsv.glossary.terms.find((x) => x.id === 'price-protection')!;
    expect(back.misuses.map((m) => m.text)).toEqual(['保价期', '天保价', 'price insurance']);
  });
});

describe('term bases from other tools', () => {
  it('reads TBX 2019 (conceptEntry, langSec, termSec), zh-TW only terms and normativeAuthorization', async () => {
    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>ACME term base</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="C-0042">
      <descrip type="subjectField">Logistics</descrip>
      <langSec xml:lang="zh-TW">
        <descrip type="definition">寄件時聲明價值並支付費用，貨物遺失或損壞時按聲明價值賠償。</descrip>
        <termSec><term>保價</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <descrip type="context">貴重物品建議保價寄送。</descrip></termSec>
        <termSec><term>價保</term><termNote type="normativeAuthorization">deprecatedTerm</termNote>
          <note>價保是價格保護，不是運送保險。</note><descrip type="context">貴重物品建議價保寄送。</descrip></termSec>
      </langSec>
      <langSec xml:lang="en-US">
        <descrip type="definition">Declaring a value when shipping so that loss or damage is compensated at that value.</descrip>
        <termSec><term>declared-value insurance</term></termSec>
        <termSec><term>insured value</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
    const result = await importTermBase(tbx, 'acme.tbx', { category: 'element' });
    expect(result.files.map((f) => f.category)).toEqual(['element']);
    const dir = mkdtempSync(join(tmpdir(), 'aslint-import-'));
    writeFileSync(join(dir, 'element.yaml'), result.files[0]!.yaml);
    const g = await loadGlossary([join(dir, 'element.yaml')]);
    const t = g.terms[0]!;
    expect(t.id).toBe('c-0042');
    expect(t['zh-Hans']).toBe('保价');
    expect(t['zh-Hant']).toBe('保價');
    expect(t.en).toBe('declared-value insurance');
    expect(t.variants).toEqual(['insured value']);
    expect(t.misuses).toEqual([{ text: '價保', why: '價保是價格保護，不是運送保險。' }]);
    expect(t.examples).toEqual({ good: ['貴重物品建議保價寄送。'], bad: ['貴重物品建議價保寄送。'] });
    expect(t.definition['zh-Hans']).toBe('寄件时声明价值并支付费用，货物遗失或损坏时按声明价值赔偿。');
    expect(result.notes.some((n) => n.includes('derived from zh-Hant'))).toBe(true);
  });

  it('names the place of what it cannot read', async () => {
    const bad = async (text: string, name: string, options = {}) => {
      try {
        await importTermBase(text, name, options);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).format();
      }
      throw new Error('no error');
    };
    expect(await bad('<martif><text><body><termEntry></body></text></martif>', 'x.tbx')).toMatch(/^x\.tbx:1:\d+: not well-formed XML/);
    expect(await bad('<html/>', 'x.tbx')).toContain('not a TBX file');
    expect(await bad('id,lang,term\na,zh-Hans,售后\na,xx,after-sales\n', 'x.csv', { category: 'basic' })).toMatch(/^x\.csv:3:1: unknown language "xx"/);
    expect(await bad('id,lang,term,category\na,zh-Hans,售后,basic\na,en,after-sales,content\n', 'x.csv')).toMatch(/^x\.csv:3:1: term "a": category "content" differs/);
    expect(await bad('id,lang,term\na,zh-Hans,售后\n', 'x.csv')).toContain('--category');
    expect(await bad('id,note\na,售后\n', 'x.csv')).toMatch(/^x\.csv:1:1: no column holds a term/);
  });

  it('splits terms of several categories into one document each', async () => {
    const g = await testGlossary();
    const result = await importTermBase(await renderCsv(g, { lang: 'all' }), 'terms.csv');
    expect(result.files.map((f) => [f.category, f.terms])).toEqual([
      ['content', 3],
      ['statutory', 3],
    ]);
  });
});
