// `aslint glossary check`: each problem it reports, where it reports it, and the CLI's exit codes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGlossary, formatProblems } from '../../src/glossary/check.js';
import { defaultGlossaryFiles } from '../../src/core/package.js';
import { TEST_GLOSSARY_FILES } from './handout/helpers.js';

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
    expect(formatProblems(await checkGlossary([{ path: join(DATA, 'problems.yaml') }]), DATA)).toBe(
      [
        `problems.yaml`,
        `  11:15   error    misuse "仅退款" of "refund" is the zh-Hans name of "refund-only" (${DATA}/problems.yaml:17:5); aslint would flag the right word  misuse-is-term`,
        `                   Remove the misuse, or narrow it with a longer phrase.`,
        `  25:14   error    the zh-Hans name of "refund-again", "退款", is also the zh-Hans name of "refund" (${DATA}/problems.yaml:4:5)  duplicate-term`,
        `                   Merge the two terms, or keep the form in one of them.`,
        `  33:14   warning  the zh-Hant name of "software-update" only converts the characters of "软件更新": "軟件更新", but Taiwan says "軟體更新"  conversion-only`,
        `                   Write the word Taiwan and Hong Kong agents use (OpenCC's Taiwan phrases give "軟體更新"), or leave zh-Hant out to derive it.`,
        `  41:14   warning  the zh-Hant name of "after-sales" is written in Simplified characters: "售后服务"  not-traditional`,
        `                   Write it in Traditional characters (OpenCC gives "售後服務"), or leave it out to derive it.`,
        `  45:16   warning  the zh-Hant definition of "after-sales" is written in Simplified characters  not-traditional`,
        `                   Write it in Traditional characters, or leave it out to derive it with OpenCC.`,
        `  55:7    warning  term "price-protection" has English misuses but no good and bad English example  missing-examples`,
        `                   Add examples in that language so \`aslint test\` checks the misuses.`,
        `  55:15   warning  misuse "保价" of "price-protection" is part of the zh-Hans name of "insured-value", "保价服务" (${DATA}/problems.yaml:63:5): aslint may flag that term  misuse-in-term`,
        `                   Add it to the misuse's except list: except: [保价服务]`,
        `  70:5    error    term "no-english" has no English name  missing-language`,
        `                   Add \`en:\` with the English term.`,
        `  73:7    error    term "no-english" has no English definition  missing-definition`,
        `  77:9    error    the English name of "chinese-english" is written in Chinese: "客服人员"  missing-language`,
        `  80:11   error    the English definition of "chinese-english" is not English  missing-language`,
        ``,
        `✖ 11 problems (6 errors, 5 warnings)`,
        ``,
      ].join('\n'),
    );
  });

  it('finds no problem in the bundled glossary', async () => {
    expect(await checkGlossary(defaultGlossaryFiles().map((path) => ({ path })))).toEqual([]);
  });
});
