// What `aslint lint` writes, through the CLI: links that work off this machine, report files in
// folders that do not exist yet, colours as ESLint decides them, and --max-warnings -1.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useColor } from '../../src/cli/output.js';
import { FORMATS } from '../../src/report/formats.js';
import { TEST_DATA, runCli } from '../helpers.js';

const TEST_CONTENT = ['--no-defaults', '--no-config', '--glossary', join(TEST_DATA, 'glossary.yaml'), '--rules', join(TEST_DATA, 'rules.yaml')];
const ESC = '\u001b[';

let dir: string;
let library: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aslint-out-'));
  library = join(dir, 'replies.yaml');
  writeFileSync(library, '- id: a\n  text: 本店支持无条件退货。\n- id: b\n  text: 我不知道，这不归我管\n');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('links', () => {
  it('no output format carries a file: URL, with the bundled content or without it', async () => {
    for (const format of Object.keys(FORMATS)) {
      for (const content of [TEST_CONTENT, ['--no-config']]) {
        const r = await runCli(['lint', ...content, '-f', format, library], dir);
        expect(r.code, `${format}: ${r.stderr}`).toBe(1);
        expect(r.stdout, format).not.toMatch(/file:/);
        expect(r.stderr, format).toBe('');
      }
    }
  });
  it('rule links in SARIF and rdjson point at the homepage over https', async () => {
    const sarif = JSON.parse((await runCli(['lint', ...TEST_CONTENT, '-f', 'sarif', library], dir)).stdout);
    const term = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'term/seven-day-return');
    expect(term.helpUri).toBe('https://github.com/aslint/aslint/blob/main/docs/rules/term/seven-day-return.md');
    const rd = JSON.parse((await runCli(['lint', ...TEST_CONTENT, '-f', 'rdjson', library], dir)).stdout);
    expect(rd.source.url).toBe('https://github.com/aslint/aslint');
    expect(rd.diagnostics[0].code.url).toBe('https://github.com/aslint/aslint/blob/main/docs/rules/term/seven-day-return.md');
  });
});

describe('-o', () => {
  it('creates the folders of the report file', async () => {
    const out = join(dir, 'reports', 'sub', 'x.sarif');
    const r = await runCli(['lint', ...TEST_CONTENT, '-f', 'sarif', '-o', out, library], dir);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', '']);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
  it('a report path it cannot write is an input error, not a raw one', async () => {
    const r = await runCli(['lint', ...TEST_CONTENT, '-o', library + '/x.txt', library], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^aslint: .*replies\.yaml\/x\.txt: cannot create the folder for the report: (EEXIST|ENOTDIR)\n {2}Choose a path in a folder you can write to\.\n$/,
    );
  });
});

describe('colours', () => {
  it('follow --color / --no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(useColor(true, {}, false)).toBe(true);
    expect(useColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
  });
  it('--color and FORCE_COLOR=1 colour a report that is not going to a terminal; --no-color wins', async () => {
    expect((await runCli(['lint', ...TEST_CONTENT, library], dir)).stdout).not.toContain(ESC);
    expect((await runCli(['lint', ...TEST_CONTENT, '--color', library], dir)).stdout).toContain(ESC);
    vi.stubEnv('FORCE_COLOR', '1');
    expect((await runCli(['lint', ...TEST_CONTENT, library], dir)).stdout).toContain(ESC);
    expect((await runCli(['lint', ...TEST_CONTENT, '--no-color', library], dir)).stdout).not.toContain(ESC);
  });
});

describe('--max-warnings', () => {
  it('-1 means no limit, as in ESLint; below -1 is a usage error', async () => {
    writeFileSync(library, '- id: b\n  text: 我不知道\n');
    expect((await runCli(['lint', ...TEST_CONTENT, '--max-warnings', '0', library], dir)).code).toBe(1);
    expect((await runCli(['lint', ...TEST_CONTENT, '--max-warnings', '-1', library], dir)).code).toBe(0);
    const bad = await runCli(['lint', ...TEST_CONTENT, '--max-warnings', '-2', library], dir);
    expect([bad.code, bad.stderr]).toEqual([2, 'aslint: --max-warnings takes a whole number (or -1 for no limit), not "-2"\n']);
  });
});
