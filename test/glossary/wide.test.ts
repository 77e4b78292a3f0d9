// `aslint glossary import` of spreadsheets as people keep them: a row per term, a column per
// language, Chinese or English headers, in CSV or xlsx; checked against the glossary the result
// will be used with before anything is written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { importTermBase } from '../../src/glossary/import.js';
import { loadGlossary } from '../../src/glossary/loader.js';
import { InputError } from '../../src/core/types.js';
import { runCli } from '../helpers.js';

const WIDE = join(import.meta.dirname, 'data', 'wide');
const tmp = () => mkdtempSync(join(tmpdir(), 'aslint-wide-'));

/** Imports, writes the YAML files and loads them as aslint would. */
async function imported(input: string | Buffer, name: string, options = {}) {
  const result = await importTermBase(input, name, options);
  const dir = tmp();
  const files = result.files.map((f) => {
    const path = join(dir, `${f.category}.yaml`);
    writeFileSync(path, f.yaml);
    return path;
  });
  return { glossary: await loadGlossary(files), result };
}

const csv = (name: string) => readFileSync(join(WIDE, name), 'utf8');

/** The CSV fixture as an xlsx workbook, the term sheet after a sheet of notes. */
async function workbook(name: string): Promise<Buffer> {
  const rows = parse(csv(name), { bom: true, relax_column_count: true }) as string[][];
  return writeXlsxFile(
    [
      { sheet: '说明', data: [['本表由培训组维护']] },
      { sheet: '术语表', data: rows },
    ] as never,
  ).toBuffer();
}

describe('wide tables', () => {
  it('CSV with Chinese headers: a row per term, a column per language', async () => {
    const { glossary, result } = await imported(csv('wide-zh.csv'), 'wide-zh.csv');
    expect(result.notes).toEqual([]);
    expect(result.files.map((f) => f.category)).toEqual(['basic', 'content']);
    const t = glossary.terms.find((x) => x.id === 'screen-damage-cover')!;
    expect([t['zh-Hans'], t['zh-Hant'], t.en, t.category]).toEqual(['碎屏险', '碎屏險', 'screen damage cover', 'content']);
    expect(t.definition).toEqual({
      'zh-Hans': '手机屏幕意外碎裂时免费或低价更换屏幕的保障服务。',
      'zh-Hant': '手機螢幕意外碎裂時免費或低價更換螢幕的保障服務。', // derived with Taiwan phrases,
      en: 'Cover that replaces an accidentally broken phone screen for free or at a low price.',
    });
    // 碎屏保险；屏幕险: two misuses in one cell, one reason for both.
    expect(t.misuses).toEqual([
      { text: '碎屏保险', why: '平台活动名称是“碎屏险”。' },
      { text: '屏幕险', why: '平台活动名称是“碎屏险”。' },
    ]);
    expect(t.examples).toEqual({ good: ['本店支持碎屏险。'], bad: ['本店支持碎屏保险。'] });
    expect(glossary.terms.find((x) => x.id === 'e-invoice')!.category).toBe('basic');
  });

  it('English headers; an unlabelled definition goes to the language it is written in; one example per line', async () => {
    const { glossary } = await imported(csv('wide-en.csv'), 'wide-en.csv', { category: 'content' });
    const t = glossary.terms[0]!;
    expect(t.definition['zh-Hans']).toBe('手机屏幕意外碎裂时免费或低价更换屏幕的保障服务。');
    expect(t.definition.en).toBe('Cover that replaces an accidentally broken phone screen for free or at a low price.');
    expect(t.examples.good).toEqual(['本店支持碎屏险。', 'This phone comes with screen damage cover.']);
  });

  it('xlsx: the same terms as the CSV, from the sheet named with --sheet', async () => {
    const data = await workbook('wide-zh.csv');
    const fromXlsx = await imported(data, 'terms.xlsx', { sheet: '术语表' });
    const fromCsv = await imported(csv('wide-zh.csv'), 'terms.csv');
    expect(fromXlsx.result.files.map((f) => f.yaml.replace('terms.xlsx', 'terms.csv'))).toEqual(fromCsv.result.files.map((f) => f.yaml));
    // The first sheet holds notes, not terms.
    await expect(importTermBase(data, 'terms.xlsx')).rejects.toThrow(/no column holds a term/);
    await expect(importTermBase(data, 'terms.xlsx', { sheet: 'Terms' })).rejects.toThrow(/the workbook has no sheet "Terms"/);
  });

  it('xlsx: a row without a term is named by its row', async () => {
    const data = await writeXlsxFile([['术语', '英文', '定义'], ['碎屏险', 'screen damage cover', '屏幕碎裂的保障。'], [null, null, '只有定义。']] as never).toBuffer();
    try {
      await importTermBase(data, 'terms.xlsx', { category: 'content' });
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).format()).toMatch(/^terms\.xlsx:3:1: row 3 has no term in any language/);
    }
    await expect(importTermBase(Buffer.from('PK\x03\x04 not a zip'), 'broken.xlsx')).rejects.toThrow(/not a readable \.xlsx workbook/);
  });

  it('maps other headers with --column, and names the columns it does not read', async () => {
    const columns = { 标准用语: 'zh-Hans', 台湾用词: 'zh-Hant', 英文说明: 'definition.en' };
    const { glossary, result } = await imported(csv('clash.csv'), 'clash.csv', { category: 'content', columns });
    expect(glossary.terms[0]!['zh-Hant']).toBe('碎屏險');
    expect(glossary.terms[0]!.definition.en).toBe('Cover for an accidentally broken screen.');
    expect(result.notes).toEqual([expect.stringMatching(/^column J "备注" is not read; map it with --column "备注=<field>"/)]);
    await expect(importTermBase(csv('clash.csv'), 'clash.csv', { columns: { 标准用语: 'chinese' } })).rejects.toThrow(/--column maps "标准用语" to "chinese", which is not a field/);
    await expect(importTermBase(csv('clash.csv'), 'clash.csv', { columns: { 中文: 'zh-Hans' } })).rejects.toThrow(/--column names "中文", which is not a column/);
  });
});

describe('conflicts with the glossary the import is used with', () => {
  it('a misuse that is a configured term is an error, and nothing is written', async () => {
    const out = join(tmp(), 'glossary') + '/';
    const r = await runCli(['glossary', 'import', join(WIDE, 'clash.csv'), '--category', 'content', '--column', '标准用语=zh-Hans', '--column', '英文说明=definition.en', '--glossary', join(WIDE, 'company.yaml'), '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Nothing was written');
    expect(r.stderr).toMatch(/error {4}misuse "仅换货" of "screen-damage-cover" is the zh-Hans name of "exchange-only" \(.*company\.yaml:4:5\); aslint would flag the right word {2}misuse-is-term/);
    expect(existsSync(out)).toBe(false);
  });

  it('a misuse that is a bundled term (仅退款) is an error too; with no conflict the file is written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'refunds.csv'), '术语,英文,定义,英文定义,错误说法,原因,正确示例,错误示例,类别\n退货退款,return and refund,寄回商品后退款。,Refund after the goods are sent back.,仅退款,要寄回商品就不是仅退款。,请申请退货退款。,请申请仅退款。,content\n');
    const r = await runCli(['glossary', 'import', join(dir, 'refunds.csv'), '-o', join(dir, 'out.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/misuse "仅退款" of ".*" is the zh-Hans name of "refund-only"/);
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
    const ok = await runCli(['glossary', 'import', join(WIDE, 'wide-en.csv'), '--category', 'content', '-o', join(dir, 'ok.yaml')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(dir, 'ok.yaml'), 'utf8')).toContain('zh-Hans: 碎屏险');
  });

  it('glossary check FILE checks it against the bundled and configured glossary, as --glossary FILE uses it', async () => {
    const dir = tmp();
    const file = join(dir, 'mine.yaml');
    writeFileSync(
      file,
      `category: content
terms:
  - id: screen-damage-cover
    zh-Hans: 碎屏险
    en: screen damage cover
    definition: {zh-Hans: 屏幕意外碎裂的保障服务。, en: Cover for an accidentally broken screen.}
    misuses:
      - {text: 仅换货, why: 这不是换货。}
    examples: {good: [本店支持碎屏险。], bad: [本店支持仅换货。]}
`,
    );
    const withCompany = await runCli(['glossary', 'check', file, '--no-defaults', '--glossary', join(WIDE, 'company.yaml')]);
    expect(withCompany.code).toBe(1);
    expect(withCompany.stdout).toMatch(/8:16 {4}error {4}misuse "仅换货" of "screen-damage-cover" is the zh-Hans name of "exchange-only"/);
    // The configured file's own problems are not reported, only the clash.
    expect(withCompany.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
    const alone = await runCli(['glossary', 'check', file, '--no-defaults']);
    expect(alone.stdout).toBe('1 glossary file: no problems\n');
    const bundled = await runCli(['glossary', 'check', file]);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toMatch(/^1 glossary file: no problems \(checked with \d+ other glossary files in use\)\n$/);
  });
});
