// The language of a text, as scopes and messages use it: counted in one pass over its code units.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textLang } from '../../src/match/scope.js';
import { isTraditional } from '../../src/text/script.js';

/** The definition as regexes: Han characters against Latin letters (full-width ones included). */
function byRegex(text: string): string {
  const han = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z\uff21-\uff3a\uff41-\uff5a]/g)?.length ?? 0;
  if (han === 0 && latin === 0) return 'zh-Hans';
  if (han >= latin) return isTraditional(text) ? 'zh-Hant' : 'zh-Hans';
  return 'en';
}

describe('textLang', () => {
  it('tells Simplified, Traditional and English', () => {
    expect(textLang('您好，请问有什么可以帮您？')).toBe('zh-Hans');
    expect(textLang('您好，請問有什麼可以幫您？')).toBe('zh-Hant');
    expect(textLang('Hi, 亲')).toBe('en');
    expect(textLang('ＯＫ 好的')).toBe('zh-Hans');
    expect(textLang('ＯＫＡＹ 好')).toBe('en');
    expect(textLang('123 :)')).toBe('zh-Hans');
  });

  it('counts as the regexes do, on any text', () => {
    const chars = fc.constantFrom(...'aZ@[`{_ 0好說说ＡＺａｚ＠｛丽\u3400\u9fff\uf900\ufaff\ufb00', '😀', '𠮷');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (a) => textLang(a.join('')) === byRegex(a.join(''))),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => textLang(s) === byRegex(s)));
  });
});
