// `aslint glossary check`: each problem it reports, where it reports it, and the CLI's exit codes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGlossary, formatProblems } from '../../src/glossary/check.js';
import { defaultGlossaryFiles } from '../../src/core/package.js';
import { TEST_GLOSSARY_FILES } from '../handout/helpers.js';

const DATA = join(import.meta.dirname, 'data');
const problemsOf = async (...files: string[]) => (await checkGlossary(files.map((f) => ({ path: join(DATA, f) })))).map((p) => `${p.file.replace(`${DATA}/`, '')}:${p.line} ${p.kind} ${p.termId}`);

describe('glossary check', () => {
  it('reports each kind of problem at its line', async () => {
    expect(await problemsOf('problems.yaml', 'other.yaml')).toEqual([
      'problems.yaml:11 misuse-is-term refund', // 仅退款 is the term refund-only
      'problems.yaml:25 duplicate-term refund-again', // 退款 twice
      'problems.yaml:33 conversion-only software-update', // 軟件更新, Taiwan says 軟體更新
      'problems.yaml:41 not-traditional after-sales', // zh-Hant written in Simplified
      'problems.yaml:45 not-traditional after-sales', // and its definition
      'problems.yaml:55 missing-examples price-protection', // an English misuse, no English examples
      'problems.yaml:55 misuse-in-term price-protection', // 保价 inside 保价服务
      'problems.yaml:70 missing-language no-english',
      'problems.yaml:73 missing-definition no-english',
      'problems.yaml:77 missing-language chinese-english',
      'problems.yaml:80 missing-language chinese-english',
      'other.yaml:3 duplicate-id refund',
    ]);
  });

  it('finds nothing in a clean glossary, nor in the test glossary', async () => {
    expect(await problemsOf('clean.yaml')).toEqual([]);
    expect(await checkGlossary(TEST_GLOSSARY_FILES.map((path) => ({ path })))).toEqual([]);
  });

  it('says what is wrong and what to do, grouped by file', async () => {
    const text = formatProblems(await checkGlossary([{ path: join(DATA, 'problems.yaml') }]), DATA);
    expect(text).toContain('problems.yaml\n  11:15   error    misuse "仅退款" of "refund" is the zh-Hans name of "refund-only"');
    expect(text).toContain('Taiwan says "軟體更新"');
    expect(text).toMatch(/✖ 11 problems \(6 errors, 5 warnings\)\n$/);
  });

  it('runs on the bundled glossary', async () => {
    let files: string[];
    try {
      files = defaultGlossaryFiles();
    } catch {
      return;
    }
    const problems = await checkGlossary(files.map((path) => ({ path })));
    // Printed for whoever writes the glossary; the bundled glossary's own test decides what must be clean.
    if (problems.length) console.log(formatProblems(problems));
    expect(problems.filter((p) => p.kind === 'duplicate-id')).toEqual([]);
  });
});
