import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/match/regex-literal.js';

describe('requiredLiterals', () => {
  it('finds the most selective literals every match contains', () => {
    expect(requiredLiterals('你(自己)?去问(问)?别的部门')).toEqual(['别的部门']);
    expect(requiredLiterals('自己不会看吗?')).toEqual(['自己不会看']);
    expect(requiredLiterals('[0-9]+(小时|分钟)')).toEqual(['小时', '分钟']);
    expect(requiredLiterals('(好评|五星)(一下)?(返|送)现')).toEqual(['好评', '五星']);
    expect(requiredLiterals('今天|明天|下午')).toEqual(['今天', '明天', '下午']);
    expect(requiredLiterals('加我?微信')).toEqual(['微信']);
    expect(requiredLiterals('好评返{1,2}现')).toEqual(['好评返']);
    expect(requiredLiterals('a|b.')).toEqual(['a', 'b']);
    expect(requiredLiterals('a|.')).toBeNull();
    expect(requiredLiterals('(你|您)(很|真)卢|(不要|别)(再)?卢了')).toEqual(['卢', '卢了']);
    expect(requiredLiterals('(周|星期)[一二]|本周|月底')).toEqual(['周', '星期', '本周', '月底']);
    expect(requiredLiterals('(?<!不)(肯定|一定)能')).toEqual(['肯定', '一定']);
    expect(requiredLiterals('\\d+天内')).toEqual(['天内']);
    expect(requiredLiterals('no(thing)? we can do')).toEqual([' we can do']);
    expect(requiredLiterals('\\u4e0d管\\p{Script=Han}了')).toEqual(['管']);
    expect(requiredLiterals('(a)\\1\\k<x>等一下')).toEqual(['等一下']);
    expect(requiredLiterals('(a|b)?')).toBeNull();
    // A group of alternatives that are no plain literals: the union of what each requires.
    expect(requiredLiterals('[0-9]+ ?(hours?|mins?|business days?)')).toEqual(['hour', 'min', 'business day']);
    expect(requiredLiterals('(?:请(您)?稍等|马上)[。!]*')).toEqual(['稍等', '马上']);
    expect(requiredLiterals('[0-9]+(小时|.天)')).toEqual(['小时', '天']);
    expect(requiredLiterals('[0-9]+(小时|.)')).toBeNull();
    expect(requiredLiterals('(a(b|c)d|e)')).toEqual(['a', 'e']);
    expect(requiredLiterals('(x(bb|cc)|e)')).toEqual(['bb', 'cc', 'e']);
  });
  it('never names literals that a match can lack', () => {
    const piece = fc.constantFrom(
      '你',
      '我',
      '(',
      ')',
      '?',
      '*',
      '+',
      '|',
      '|',
      '[你我]',
      '\\d',
      '{0,2}',
      '{1}',
      '\\u4f60',
      '(?:',
      '(?<!我)',
      '(你|我我)',
      '(你?|我)',
      '(你我?|我)',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 10 }).map((a) => a.join('')),
        fc.stringMatching(/^[你我0-9]{0,12}$/),
        (src, text) => {
          let re: RegExp;
          try {
            re = new RegExp(src, 'gu');
          } catch {
            return;
          }
          const literals = requiredLiterals(src);
          if (literals === null) return;
          for (const m of text.matchAll(re)) expect(literals.some((l) => m[0].includes(l))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
