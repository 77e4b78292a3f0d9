// What a handout says, before it is laid out: the glossary filtered by category and put into
// the handout's language. Every renderer (html, md, quiz) lays out this one view, so the
// formats cannot say different things.
import { CATEGORIES, LANGS, type Category, type Glossary, type Lang, type Term } from '../model.js';
import { labelsFor, type HandoutLang, type Labels } from './labels.js';
import { taiwanQuotes, traditionalWriter, type TraditionalWriter } from './traditional.js';
import { openccConverters, type Convert } from '../../text/opencc.js';
import { hasHan } from '../../text/script.js';

export interface ChineseConverters {
  /** Simplified → Traditional with Taiwan phrases (软件 → 軟體): for prose we write. */
  toTaiwan: Convert;
  /** Simplified → Traditional, characters only (Taiwan standard forms): keeps a word the same word. */
  toTraditionalChars: Convert;
  /** Traditional → Simplified, characters only. */
  toSimplified: Convert;
}

let converters: Promise<ChineseConverters> | undefined;

/** OpenCC's converters; each is built on first use (Taiwan phrases cost ~0.3 s), so an English handout builds none. */
export function chineseConverters(): Promise<ChineseConverters> {
  converters ??= openccConverters().then((convert) => ({
    toTaiwan: convert('cn', 'twp'),
    toTraditionalChars: convert('cn', 'tw'),
    toSimplified: convert('tw', 'cn'),
  }));
  return converters;
}

/** The language a string of the glossary is written in: Chinese (either script) or English. */
export function scriptOf(text: string): 'zh' | 'en' {
  return hasHan(text) ? 'zh' : 'en';
}

/** A piece of text with the language it is written in (for `lang` attributes and fonts). */
export interface Localized {
  lang: Lang;
  text: string;
}

export interface MisuseView {
  text: Localized;
  why: Localized;
}

export interface TermView {
  id: string;
  category: Category;
  names: Localized[];
  definitions: Localized[];
  plain: Localized[];
  variants: Localized[];
  formal: boolean;
  misuses: MisuseView[];
  good: Localized[];
  bad: Localized[];
  source?: Localized;
}

export interface SectionView {
  category: Category;
  title: string;
  about: string;
  terms: TermView[];
}

export interface HandoutView {
  lang: HandoutLang;
  labels: Labels;
  title: string;
  /** The organisation the handout is for (on the cover), when given. */
  organization?: string;
  /** Show each term's id (for glossary editors; trainees do not need it). */
  showIds: boolean;
  /** YYYY-MM-DD */
  date: string;
  sections: SectionView[];
  termCount: number;
}

export interface HandoutOptions {
  lang: HandoutLang;
  /** Only these categories (all when empty or left out). */
  categories?: readonly Category[];
  title?: string;
  /** The organisation the handout is for, on the cover. */
  organization?: string;
  /** Show the terms' ids on their cards. */
  showIds?: boolean;
  /** YYYY-MM-DD; today when left out. */
  date?: string;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The languages a handout shows, in order. */
export function langsOf(lang: HandoutLang): Lang[] {
  return lang === 'all' ? [...LANGS] : [lang];
}

/** The terms of the chosen categories, in category order then glossary order. */
export function selectTerms(glossary: Glossary, categories?: readonly Category[]): Term[] {
  const wanted = categories && categories.length > 0 ? new Set(categories) : undefined;
  const out: Term[] = [];
  for (const c of CATEGORIES) {
    if (wanted && !wanted.has(c)) continue;
    for (const t of glossary.terms) if (t.category === c) out.push(t);
  }
  return out;
}

export async function buildView(glossary: Glossary, options: HandoutOptions): Promise<HandoutView> {
  const lang = options.lang;
  const labels = labelsFor(lang);
  const cc = await chineseConverters();
  const terms = selectTerms(glossary, options.categories);
  const hant = traditionalWriter(glossary, cc);
  const sections: SectionView[] = [];
  for (const t of terms) {
    let section = sections[sections.length - 1];
    if (!section || section.category !== t.category) {
      section = { category: t.category, title: labels.category[t.category].title, about: labels.category[t.category].about, terms: [] };
      sections.push(section);
    }
    section.terms.push(termView(t, lang, cc, hant));
  }
  return {
    lang,
    labels,
    title: options.title ?? labels.title,
    organization: options.organization,
    showIds: options.showIds ?? false,
    date: options.date ?? today(),
    sections,
    termCount: terms.length,
  };
}

/** A term as a handout in `lang` shows it. */
export function termView(t: Term, lang: HandoutLang, cc: ChineseConverters, hant: TraditionalWriter): TermView {
  const langs = langsOf(lang);
  const given = (l: Lang, value: string | undefined): Localized[] => (value ? [{ lang: l, text: l === 'zh-Hant' ? taiwanQuotes(value) : value }] : []);
  const perLang = (pick: (l: Lang) => string | undefined) => langs.flatMap((l) => given(l, pick(l)));

  // Text written once in either script: shown in the handout's script. A `word` stays the same
  // word (a misuse must stay the misuse); a `phrase` (an accepted form) takes Taiwan's wording,
  // as the matcher accepts it; a `sentence` keeps its meaning (see traditional.ts).
  const asWritten = (text: string): Localized => {
    if (scriptOf(text) === 'en') return { lang: 'en', text };
    return cc.toSimplified(text) === text ? { lang: 'zh-Hans', text } : { lang: 'zh-Hant', text: taiwanQuotes(text) };
  };
  type Kind = 'word' | 'phrase' | 'sentence';
  const inLang = (text: string, kind: Kind): Localized | undefined => {
    const script = scriptOf(text);
    if (lang === 'all') return asWritten(text);
    if (lang === 'en') return script === 'en' ? { lang: 'en', text } : undefined;
    if (script === 'en') return undefined;
    if (lang === 'zh-Hans') return { lang, text: cc.toSimplified(text) };
    const converted = kind === 'word' ? hant.word(text) : kind === 'phrase' ? cc.toTaiwan(cc.toSimplified(text)) : hant.sentence(text);
    return { lang, text: converted };
  };
  // The reason a word is wrong is written in the language of the word (or in Chinese): show it in
  // the handout's script, or as written in an English handout.
  const why = (text: string): Localized => {
    if (lang === 'zh-Hant' && scriptOf(text) === 'zh') return { lang, text: hant.reason(text) };
    if (lang === 'zh-Hans' && scriptOf(text) === 'zh') return { lang, text: cc.toSimplified(text) };
    return asWritten(text);
  };
  const list = (items: readonly (Localized | undefined)[]) => {
    const out = items.filter((x): x is Localized => x !== undefined);
    return out.filter((x, i) => out.findIndex((y) => y.text === x.text) === i);
  };

  const misuses: MisuseView[] = [];
  for (const m of t.misuses) {
    const text = inLang(m.text, 'word');
    // A reason the glossary gives in the handout's language is shown as written.
    const own = lang === 'all' ? undefined : m.whyIn?.[lang];
    if (text) misuses.push({ text, why: own && lang !== 'all' ? { lang, text: lang === 'zh-Hant' ? taiwanQuotes(own) : own } : why(m.why) });
  }
  // A bad example must still show its misuse: where the glossary's Taiwan words would change it,
  // the sentence is converted by character only.
  const badExample = (text: string): Localized | undefined => {
    const sentence = inLang(text, 'sentence');
    if (!sentence || sentence.lang !== 'zh-Hant' || lang !== 'zh-Hant') return sentence;
    const shown = (s: string) => misuses.filter((m) => s.includes(m.text.text)).length;
    const word = inLang(text, 'word')!;
    return shown(sentence.text) < shown(word.text) ? { ...word, text: taiwanQuotes(word.text) } : sentence;
  };
  let source: Localized | undefined;
  if (t.source) {
    // A statute's name is a proper name: converted by character only, and kept in an English handout.
    source = lang === 'zh-Hant' && scriptOf(t.source) === 'zh' ? { lang, text: cc.toTraditionalChars(t.source) } : asWritten(t.source);
    if (lang === 'zh-Hans' && scriptOf(t.source) === 'zh') source = { lang, text: cc.toSimplified(t.source) };
  }
  const names = perLang((l) => t[l]);
  return {
    id: t.id,
    category: t.category,
    names,
    definitions: perLang((l) => t.definition[l]),
    plain: perLang((l) => t.plain?.[l]),
    // Accepted forms as the region writes them (软件升级 → 軟體升級); a misuse stays the same word.
    variants: list(t.variants.map((v) => inLang(v, 'phrase'))).filter((v) => !names.some((n) => n.text === v.text)),
    formal: t.register === 'formal',
    misuses,
    good: list(t.examples.good.map((g) => inLang(g, 'sentence'))),
    bad: list(t.examples.bad.map(badExample)),
    source,
  };
}
