// `aslint handout` and `aslint glossary import|check` as a user runs them (in-process).
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { encodeText } from '../../src/sources/encoding.js';
import { DATA } from '../glossary/handout/helpers.js';

const GLOSSARY = ['--no-defaults', '--glossary', DATA];

const aslint = (...args: string[]) => runCli(args);

const tmp = () => mkdtempSync(join(tmpdir(), 'aslint-handout-'));

afterEach(() => {
  delete process.env.ASLINT_CHROMIUM;
});

describe('aslint handout', () => {
  it('writes each format, chosen by --format or by the -o extension', async () => {
    const dir = tmp();
    for (const [args, file, starts] of [
      [['--format', 'csv'], 'a.csv', '\uFEFFid,category,lang,term'],
      [[], 'a.tbx', '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic"'],
      [['--lang', 'zh-Hant'], 'a.html', '<!DOCTYPE html>\n<html lang="zh-Hant">'],
      [['--lang', 'en'], 'a.md', '# After-sales service glossary\n'],
      [['--format', 'quiz', '--lang', 'zh-Hans'], 'quiz.md', '# 售后服务术语手册 — 术语练习'],
      [['--format', 'quiz'], 'quiz.html', '<!DOCTYPE html>'],
    ] as [string[], string, string][]) {
      const r = await aslint('handout', ...GLOSSARY, ...args, '-o', join(dir, file));
      expect(r.code, `${args.join(' ')} ${file}: ${r.stderr}`).toBe(0);
      expect(readFileSync(join(dir, file), 'utf8').startsWith(starts), file).toBe(true);
    }
  });

  it('writes to stdout without -o, and keeps to the chosen categories', async () => {
    const r = await aslint('handout', ...GLOSSARY, '--format', 'md', '--lang', 'en', '--category', 'statutory');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## <a id="cat-statutory"></a>Statutory terms');
    expect(r.stdout).not.toContain('cat-content');
  });

  it("uses the config's glossary, as aslint lint does", async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'aslint.config.yaml'), `defaults: false\nglossary: [${join(DATA, 'statutory.yaml')}]\n`);
    const r = await aslint('handout', '-c', join(dir, 'aslint.config.yaml'), '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { bom: true, columns: true }) as { id: string }[];
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(['seven-day-return', 'warranty-card', '12315-hotline']));
    expect((await aslint('glossary', 'check', '-c', join(dir, 'aslint.config.yaml'))).stdout).toBe('1 glossary file: no problems\n');
  });

  it('exits 2 with a clear message on usage errors', async () => {
    const bad = [
      [['--category', 'nope'], /unknown category "nope"\n {2}Use one or more of: basic, element/],
      [['--category', 'quality'], /the glossary has no terms in quality/],
      [['--lang', 'fr'], /argument 'fr' is invalid/],
      [['--date', '22.11.2026'], /--date takes YYYY-MM-DD/],
      [['--no-defaults', '--glossary', 'no/such.yaml'], /no\/such\.yaml: cannot read glossary/],
    ] as const;
    for (const [args, message] of bad) {
      const r = await aslint('handout', ...(args[0] === '--no-defaults' ? [] : GLOSSARY), ...args, '--format', 'md');
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('pdf: says how to install Chromium when there is none', async () => {
    process.env.ASLINT_CHROMIUM = '/nonexistent/chromium';
    const r = await aslint('handout', ...GLOSSARY, '-o', join(tmp(), 'h.pdf'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('apt-get install chromium fonts-noto-cjk');
  });
});

describe('aslint glossary', () => {
  it('import: TBX and CSV into a folder of YAML files that check clean', async () => {
    for (const ext of ['tbx', 'csv']) {
      const dir = tmp();
      expect((await aslint('handout', ...GLOSSARY, '-o', join(dir, `terms.${ext}`))).code).toBe(0);
      const r = await aslint('glossary', 'import', '--no-defaults', join(dir, `terms.${ext}`), '-o', join(dir, 'glossary') + '/');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`imported 6 terms from ${join(dir, `terms.${ext}`)}`);
      expect(readdirSync(join(dir, 'glossary')).sort()).toEqual(['content.yaml', 'statutory.yaml']);
      expect((await aslint('glossary', 'check', '--no-defaults', join(dir, 'glossary'))).code).toBe(0);
    }
  });

  it('import: a CSV saved as GB18030 by a spreadsheet program', async () => {
    const dir = tmp();
    await aslint('handout', ...GLOSSARY, '--category', 'content', '-o', join(dir, 'utf8.csv'));
    const text = readFileSync(join(dir, 'utf8.csv'), 'utf8').replace(/^\uFEFF/, '');
    writeFileSync(join(dir, 'gbk.csv'), encodeText(text, 'gb18030', false));
    const a = await aslint('glossary', 'import', '--no-defaults', join(dir, 'utf8.csv'));
    const b = await aslint('glossary', 'import', '--no-defaults', join(dir, 'gbk.csv'));
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout.replace('gbk.csv', 'utf8.csv')).toBe(a.stdout);
    expect((await aslint('glossary', 'import', join(dir, 'missing.csv'))).code).toBe(2);
  });

  it('import: one category to a file or stdout; several need a folder', async () => {
    const dir = tmp();
    await aslint('handout', ...GLOSSARY, '--category', 'statutory', '-o', join(dir, 'statutory.csv'));
    const r = await aslint('glossary', 'import', '--no-defaults', join(dir, 'statutory.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Imported by aslint from statutory\.csv\.\ncategory: statutory\nterms:\n/);
    await aslint('handout', ...GLOSSARY, '-o', join(dir, 'all.csv'));
    const r2 = await aslint('glossary', 'import', '--no-defaults', join(dir, 'all.csv'), '-o', join(dir, 'one.yaml'));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('Write them to a folder: -o glossary/');
    expect(existsSync(join(dir, 'one.yaml'))).toBe(false);
  });

  it('check: exit 1 with problems, 0 without, json on request', async () => {
    const problems = join(import.meta.dirname, '..', 'glossary', 'data', 'problems.yaml');
    const r = await aslint('glossary', 'check', '--no-defaults', problems);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('misuse-is-term');
    const j = await aslint('glossary', 'check', '--no-defaults', '--format', 'json', problems);
    expect(JSON.parse(j.stdout).problems.length).toBe(11);
    expect((await aslint('glossary', 'check', '--no-defaults', DATA)).code).toBe(0);
  });
});
