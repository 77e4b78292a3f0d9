// The language of a text, as scopes and messages use it: counted in one pass over its code units.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageLang, textLang, textScript, TRADITIONAL } from '../../src/match/scope.js';
import { isTraditional } from '../../src/text/script.js';
import { foldTable } from '../../src/text/chartable.js';

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

/** No ideograph of the text is written differently in the two scripts: neither one that folds nor one that is Simplified only. */
function scriptUnknownByDefinition(text: string): boolean {
  const { bmp, simplifiedOnly } = foldTable();
  return [...text.matchAll(/[\u3400-\u9fff\uf900-\ufaff]/g)].every(([ch]) => {
    const c = ch.charCodeAt(0);
    return (bmp[c] === 0 || bmp[c] === c) && !simplifiedOnly[c];
  });
}

describe('textScript: the language, the Traditional majority and an unknown script in one pass', () => {
  const chars = fc.constantFrom(...'aZ 0好說说我看一下丽\u3400\uf900ＡＺ', '😀');
  it('agrees with textLang and isTraditional on any text', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (a) => {
        const text = a.join('');
        const script = textScript(text);
        expect(messageLang(script, () => 'zh-Hans')).toBe(textLang(text));
        expect((script & TRADITIONAL) !== 0).toBe(isTraditional(text));
      }),
      { numRuns: 2000 },
    );
  });
  it('gives a message the conversation’s script only when the text’s characters do not tell it', () => {
    const hant = () => 'zh-Hant';
    expect(messageLang(textScript('我看一下'), hant)).toBe('zh-Hant');
    expect(messageLang(textScript('我看一下说明'), hant)).toBe('zh-Hans');
    expect(messageLang(textScript('Let me check'), hant)).toBe('en');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (a) => {
        const text = a.join('');
        const expected = textLang(text) === 'zh-Hans' && scriptUnknownByDefinition(text) ? 'zh-Hant' : textLang(text);
        expect(messageLang(textScript(text), hant)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
