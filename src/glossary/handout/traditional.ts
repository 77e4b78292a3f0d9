// How a zh-Hant handout writes what the glossary wrote in Simplified Chinese.
//
// OpenCC's Taiwan phrase converter (s2twp) rewrites words, and some rewrites change what a
// sentence says: 本店支持七日无理由退货 ("the shop offers …") becomes 本店支援… ("assists").
// So sentences (examples, reasons) are converted character by character (s2tw), and only the
// glossary's own words take their Taiwan form (软件更新 → 軟體更新, 保修卡 → 保固卡): the
// glossary says what those words are in Taiwan, OpenCC guesses for the rest. A sentence the
// glossary writes in Traditional characters is its own zh-Hant text and is kept as written.
// Quotation marks are Taiwan's: 「」 and 『』 for “” and ‘’.
import type { Glossary } from '../model.js';
import { hasHan } from '../../text/script.js';
import type { ChineseConverters } from './content.js';

export interface TraditionalWriter {
  /** A word or a misuse: characters only, so that it stays the same word. */
  word(text: string): string;
  /** A sentence: characters, the glossary's words in their Taiwan form, Taiwan quotation marks. */
  sentence(text: string): string;
  /** Why a word is wrong: it quotes words (“保修”), so characters only, and Taiwan quotation marks. */
  reason(text: string): string;
}

/** “…” → 「…」 and ‘…’ → 『…』 (only paired single quotes: an apostrophe stays). */
export function taiwanQuotes(text: string): string {
  return text.replace(/“/g, '「').replace(/”/g, '」').replace(/‘([^‘’\n]*)’/g, '『$1』');
}

/** The glossary's Simplified words whose Taiwan form is not their character conversion, longest first. */
function taiwanWords(glossary: Glossary, cc: ChineseConverters): [string, string][] {
  const words = new Map<string, string>();
  for (const t of glossary.terms) {
    const pairs: [string, string][] = [[t['zh-Hans'], t['zh-Hant']]];
    // A Simplified variant takes the Taiwan phrase form the matcher accepts for it (软件升级 → 軟體升級).
    for (const v of t.variants) if (cc.toSimplified(v) === v && hasHan(v)) pairs.push([v, cc.toTaiwan(v)]);
    for (const [cn, tw] of pairs) if (cn && tw && cc.toTraditionalChars(cn) !== tw && !words.has(cn)) words.set(cn, tw);
  }
  return [...words].sort((a, b) => b[0].length - a[0].length);
}

export function traditionalWriter(glossary: Glossary, cc: ChineseConverters): TraditionalWriter {
  let words: [string, string][] | undefined;
  const sentence = (text: string): string => {
    if (cc.toSimplified(text) !== text) return taiwanQuotes(text); // written in Traditional
    words ??= taiwanWords(glossary, cc);
    let out = '';
    let plain = 0;
    for (let i = 0; i < text.length; ) {
      const hit = words.find(([cn]) => text.startsWith(cn, i));
      if (!hit) {
        i++;
        continue;
      }
      out += cc.toTraditionalChars(text.slice(plain, i)) + hit[1];
      i += hit[0].length;
      plain = i;
    }
    return taiwanQuotes(out + cc.toTraditionalChars(text.slice(plain)));
  };
  return { word: (text) => cc.toTraditionalChars(text), sentence, reason: (text) => taiwanQuotes(cc.toTraditionalChars(text)) };
}
