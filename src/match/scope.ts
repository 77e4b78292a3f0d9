// Which conversations a rule applies to: its `lang` and `channel` lists against the language and
// channel of the conversation (given in the input, else told from the text and the config).
import type { Conversation, LintOptions } from '../core/types.js';
import { isTraditional } from '../text/script.js';
import { foldTable } from '../text/chartable.js';

/** A conversation's language as scopes compare it. */
export type TextLang = 'zh-Hans' | 'zh-Hant' | 'en';

/** The language of a text: Chinese when it has at least as many Han characters as Latin letters. */
export function textLang(text: string): TextLang {
  // One pass over the code units, where two global regex matches made an array of every Han
  // character and every letter (textLang runs for every utterance with a hit).
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) latin++;
  }
  if (han === 0 && latin === 0) return 'zh-Hans';
  if (han >= latin) return isTraditional(text) ? 'zh-Hant' : 'zh-Hans';
  return 'en';
}

/** The language of an utterance, for its message: when its characters don't tell the script, the conversation's. */
export function utteranceLang(text: string, conversation: () => string): TextLang {
  const lang = textLang(text);
  if (lang !== 'zh-Hans' || !scriptUnknown(text)) return lang;
  return conversation() === 'zh-Hant' ? 'zh-Hant' : lang;
}

/** No character of the text is written differently in the two scripts (我看一下). */
function scriptUnknown(text: string): boolean {
  const { bmp, simplifiedOnly } = foldTable();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || (c > 0x9fff && (c < 0xf900 || c > 0xfaff))) continue;
    const folded = bmp[c]!;
    if ((folded !== 0 && folded !== c) || simplifiedOnly[c]) return false;
  }
  return true;
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
