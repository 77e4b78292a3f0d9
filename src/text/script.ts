import { foldTable } from './chartable.js';

/** A Han character (an ideograph of any plane, Simplified or Traditional). */
export const HAN = /\p{Script=Han}/u;

/** Whether text is Chinese rather than English: it has a Han character. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Whether text is written in Traditional characters: it has more characters that fold to a
 * different Simplified one than characters that exist only in Simplified.
 */
export function isTraditional(text: string): boolean {
  const { bmp, simplifiedOnly } = foldTable();
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Only ideographs tell the script: full-width punctuation (，) folds too, but is not Traditional.
    if (c < 0x3400 || (c > 0x9fff && (c < 0xf900 || c > 0xfaff))) continue;
    const folded = bmp[c]!;
    if (folded !== 0 && folded !== c) traditional++;
    else if (simplifiedOnly[c]) simplified++;
  }
  return traditional > simplified;
}
