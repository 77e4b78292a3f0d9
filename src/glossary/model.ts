// The glossary as loaded from glossary/*.yaml (format: docs/formats.md).

export const CATEGORIES = ['basic', 'element', 'form', 'content', 'quality', 'statutory'] as const;
export type Category = (typeof CATEGORIES)[number];
export const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Register = 'formal' | 'plain' | 'any';

export interface Misuse {
  text: string;
  /** Why it is wrong (zh-Hans, or the only language given): handouts and exports read this. */
  why: string;
  /** Why it is wrong per language, when the file gives more than one: findings use the text's. */
  whyIn?: Partial<Record<Lang, string>>;
  /** Other terms this misuse may stand for; set when the misuse is ambiguous (then not fixable). */
  alternatives?: string[];
  /** Phrases containing the misuse that are legitimate. */
  except?: string[];
}

export interface TermExamples {
  good: string[];
  /** The texts of the bad examples. */
  bad: string[];
}

/**
 * A bad example that pins what is flagged and the corrected sentence, checked by `aslint test`
 * like prh's specs: `{text: 本店支持无条件退货。, flags: 无条件退货, fix: 本店支持七日无理由退货。}`.
 */
export interface PinnedExample {
  text: string;
  /** The exact flagged text, or each of them in order. */
  flags?: string | string[];
  /** The sentence corrected: what the rule's fixes give, and a sentence the rule does not flag. */
  fix?: string;
}

/** Where each example was written, for `aslint test` to name the line. */
export interface ExampleOrigins {
  good: Origin[];
  bad: Origin[];
}

/** A position in a YAML file, kept so tests and `aslint test` can name the line. */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

export interface Term {
  id: string;
  category: Category;
  'zh-Hans': string;
  /** The word a Taiwan or Hong Kong agent uses; derived by OpenCC when the file leaves it out. */
  'zh-Hant': string;
  /** true when zh-Hant was written in the file, not derived. */
  zhHantGiven: boolean;
  en: string;
  definition: { 'zh-Hans': string; 'zh-Hant'?: string; en: string };
  variants: string[];
  misuses: Misuse[];
  register: Register;
  plain?: { 'zh-Hans': string; 'zh-Hant'?: string; en?: string };
  source?: string;
  examples: TermExamples;
  /** The bad examples as written: a text, or a pinned example. */
  badExamples: (string | PinnedExample)[];
  exampleOrigins: ExampleOrigins;
  origin: Origin;
}

export interface Glossary {
  terms: Term[];
  /** The files the terms came from, in load order. */
  files: string[];
}
