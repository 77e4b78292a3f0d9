// Which conversations a rule applies to: its `lang` and `channel` lists against the language and
// channel of the conversation (given in the input, else told from the text and the config).
import type { Conversation, LintOptions } from '../core/types.js';
import { foldTable } from '../text/chartable.js';

/** A conversation's language as scopes compare it. */
export type TextLang = 'zh-Hans' | 'zh-Hant' | 'en';

/** TextLangs by their number in a text's script code (textScript). */
const LANGS: readonly TextLang[] = ['zh-Hans', 'zh-Hant', 'en'];
/** In a script code: no character of the text is written differently in the two scripts (我看一下). */
const SCRIPT_UNKNOWN = 4;
/** In a script code: more of its ideographs are Traditional than Simplified only (isTraditional), whatever its language. */
export const TRADITIONAL = 8;

/**
 * The language of a text, whether its script is unknown and whether it is Traditional, from one pass over its code units
 * (textLang, then isTraditional and scriptUnknown, were three passes, each per finding's
 * utterance): the number of its TextLang in LANGS, plus SCRIPT_UNKNOWN and TRADITIONAL.
 */
export function textScript(text: string): number {
  const { bmp, simplifiedOnly } = foldTable();
  let han = 0;
  let latin = 0;
  // Ideographs that fold to another (Traditional), and ones that exist only in Simplified.
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) {
      han++;
      const folded = bmp[c]!;
      if (folded !== 0 && folded !== c) traditional++;
      else if (simplifiedOnly[c]) simplified++;
    } else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) latin++;
  }
  const flags = (traditional === 0 && simplified === 0 ? SCRIPT_UNKNOWN : 0) | (traditional > simplified ? TRADITIONAL : 0);
  // Chinese when it has at least as many Han characters as Latin letters.
  if (han === 0 && latin === 0) return 0 | flags;
  if (han >= latin) return (flags & TRADITIONAL ? 1 : 0) | flags;
  return 2 | flags;
}

/** The language of a script code (textScript). */
export function scriptLang(script: number): TextLang {
  return LANGS[script & 3]!;
}

/** The language of a text: Chinese when it has at least as many Han characters as Latin letters. */
export function textLang(text: string): TextLang {
  return scriptLang(textScript(text));
}

/**
 * The language of an utterance for its message, from its script code (textScript): when its
 * characters don't tell the script, the conversation's.
 */
export function messageLang(script: number, conversation: () => string): TextLang {
  const lang = scriptLang(script);
  if (lang !== 'zh-Hans' || !(script & SCRIPT_UNKNOWN)) return lang;
  return conversation() === 'zh-Hant' ? 'zh-Hant' : lang;
}

/** The language of a conversation: its `lang` field (BCP 47: zh-TW, zh-Hant-HK, en-GB …), else its text. */
export function conversationLang(conversation: Conversation): TextLang | string {
  const text = () => conversation.units.map((u) => u.text).join('\n');
  const given = conversation.lang?.toLowerCase();
  if (!given) return textLang(text());
  if (given === 'zh') return textLang(text()) === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  if (/^zh-(hant|tw|hk|mo)\b/.test(given)) return 'zh-Hant';
  if (given.startsWith('zh-')) return 'zh-Hans';
  if (given === 'en' || given.startsWith('en-')) return 'en';
  return given;
}

export function conversationChannel(conversation: Conversation, options: LintOptions): string {
  return conversation.channel ?? options.channel ?? 'chat';
}

/** Whether a rule's `lang` list covers a language (`zh` covers zh-Hans and zh-Hant). */
export function langInScope(scope: readonly string[] | undefined, lang: string): boolean {
  return !scope || scope.some((s) => s === lang || (s === 'zh' && lang.startsWith('zh-')));
}

export function channelInScope(scope: readonly string[] | undefined, channel: string): boolean {
  return !scope || scope.includes(channel);
}
