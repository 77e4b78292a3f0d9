// A term split by language, as the exchange formats (CSV, TBX) carry it: per language the name,
// definition and plain wording, and the variants, misuses and examples written in that language.
//
// An export of all languages is the glossary as written: each list item goes to the language
// its script says (Chinese in Traditional characters → zh-Hant) and keeps its index, so an import
// puts it back in place. An export of one language is a view: every Chinese item is shown in
// that language's script, as the handouts show it.
import { LANGS, type Lang, type Term } from '../model.js';
import { scriptOf, type ChineseConverters } from '../handout/content.js';
import type { HandoutLang } from '../handout/labels.js';
import type { TraditionalWriter } from '../handout/traditional.js';

export interface Indexed {
  text: string;
  /** The item's index in the term's list (variants, misuses, good or bad examples). */
  index: number;
}

export interface ExchangeMisuse extends Indexed {
  why: string;
  except: string[];
  alternatives: string[];
}

export interface LangPart {
  lang: Lang;
  term: string;
  definition: string;
  plain?: string;
  variants: Indexed[];
  misuses: ExchangeMisuse[];
  good: Indexed[];
  bad: Indexed[];
}

/** The language an item written in either script belongs to. */
export function writtenLang(text: string, cc: ChineseConverters): Lang {
  if (scriptOf(text) === 'en') return 'en';
  return cc.toSimplified(text) === text ? 'zh-Hans' : 'zh-Hant';
}

export function splitTerm(t: Term, lang: HandoutLang, cc: ChineseConverters, hant: TraditionalWriter): LangPart[] {
  const langs: Lang[] = lang === 'all' ? [...LANGS] : [lang];
  return langs.map((l) => {
    // Which items go to language l, and how they are written there.
    const place = (text: string, kind: 'word' | 'phrase' | 'sentence'): string | undefined => {
      if (lang === 'all') return writtenLang(text, cc) === l ? text : undefined;
      if (l === 'en') return scriptOf(text) === 'en' ? text : undefined;
      if (scriptOf(text) === 'en') return undefined;
      if (l === 'zh-Hans') return cc.toSimplified(text);
      return kind === 'word' ? hant.word(text) : kind === 'phrase' ? cc.toTaiwan(cc.toSimplified(text)) : hant.sentence(text);
    };
    const list = (items: readonly string[], kind: 'word' | 'phrase' | 'sentence'): Indexed[] =>
      items.flatMap((s, index) => {
        const text = place(s, kind);
        return text === undefined ? [] : [{ text, index }];
      });
    const misuses: ExchangeMisuse[] = t.misuses.flatMap((m, index) => {
      const text = place(m.text, 'word');
      if (text === undefined) return [];
      const why = lang === 'all' || scriptOf(m.why) === 'en' ? m.why : l === 'zh-Hant' ? hant.reason(m.why) : cc.toSimplified(m.why);
      const conv = (s: string) => place(s, 'word') ?? s;
      return [{ text, index, why, except: (m.except ?? []).map(conv), alternatives: (m.alternatives ?? []).map(conv) }];
    });
    return {
      lang: l,
      term: t[l],
      definition: t.definition[l] ?? '',
      plain: t.plain?.[l],
      variants: list(t.variants, 'word'),
      misuses,
      good: list(t.examples.good, 'sentence'),
      bad: list(t.examples.bad, 'word'),
    };
  });
}
