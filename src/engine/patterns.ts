// Collects the phrases and regexes of every rule, expands phrases into their regional forms and
// builds the one matcher that a lint run scans each utterance with.
import { MatcherBuilder, type Matcher } from './matcher.js';
import { requiredLiterals } from './regex-literal.js';
import { normalizeText } from '../text/normalize.js';
import { matchForms, regionalForms } from '../text/variants.js';

/** auto: a word-boundary check for CJK matches of two characters or fewer; word: always; none: never. */
export type Boundary = 'auto' | 'word' | 'none';

/** What an edge of a match must sit on: nothing, a jieba word boundary, or a Latin word edge. */
export type EdgeCheck = 0 | 1 | 2;
export const EDGE_FREE: EdgeCheck = 0;
export const EDGE_WORD: EdgeCheck = 1;
export const EDGE_LATIN: EdgeCheck = 2;

export interface PatternOwner {
  rule: number;
  slot: string;
  /** The phrase as the rule wrote it. */
  phrase: string;
  startCheck: EdgeCheck;
  endCheck: EdgeCheck;
}

export interface RegexOwner {
  rule: number;
  slot: string;
  regex: RegExp;
}

export interface CompiledPatterns {
  matcher: Matcher;
  /** For each matcher pattern, the rules and slots it belongs to. */
  owners: PatternOwner[][];
  regexes: RegexOwner[];
  /** For each matcher pattern, the regexes (by index) that can match only where it occurs. */
  gates: number[][];
  /** Regexes without a required literal: they run on every utterance. */
  ungated: number[];
  /** Normalized CJK words for the segmenter's dictionary. */
  words: string[];
}

const LATIN = /[a-z0-9]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

function edgeCheck(ch: string, boundary: Boundary, cjkLength: number, stem: boolean): EdgeCheck {
  if (boundary === 'none') return EDGE_FREE;
  if (LATIN.test(ch)) return stem ? EDGE_FREE : EDGE_LATIN;
  if (CJK.test(ch) && (boundary === 'word' || cjkLength <= 2)) return EDGE_WORD;
  return EDGE_FREE;
}

function cjkLength(text: string): number {
  let n = 0;
  for (const ch of text) if (CJK.test(ch)) n++;
  return n;
}

interface RawPhrase {
  rule: number;
  slot: string;
  phrase: string;
  boundary: Boundary;
}

export class PatternSet {
  private readonly phrases: RawPhrase[] = [];
  private readonly regexes: RegexOwner[] = [];
  private readonly words = new Set<string>();

  /**
   * A literal phrase. A Latin phrase matches whole words; one that ends in `*` matches as a
   * stem (`apologi*` finds apologize and apologies).
   */
  addPhrase(rule: number, slot: string, phrase: string, boundary: Boundary = 'auto'): void {
    this.phrases.push({ rule, slot, phrase, boundary });
  }

  addRegex(rule: number, slot: string, regex: RegExp): void {
    this.regexes.push({ rule, slot, regex });
  }

  /** Words the segmenter must keep whole (glossary terms). */
  addWord(word: string): void {
    const norm = normalizeText(word);
    if (CJK.test(norm)) this.words.add(norm);
  }

  async compile(): Promise<CompiledPatterns> {
    const forms = await regionalForms(this.phrases.map((p) => stripStem(p.phrase)));
    const builder = new MatcherBuilder();
    const ids = new Map<string, number>();
    const owners: PatternOwner[][] = [];
    const gates: number[][] = [];
    const patternFor = (form: string): number => {
      let id = ids.get(form);
      if (id === undefined) {
        id = builder.add(form);
        ids.set(form, id);
        owners[id] = [];
        gates[id] = [];
      }
      return id;
    };
    for (const raw of this.phrases) {
      const stem = raw.phrase.endsWith('*') && raw.phrase.length > 1;
      const phrase = stripStem(raw.phrase);
      for (const form of matchForms(phrase, forms.get(phrase)!)) {
        const id = patternFor(form);
        const n = cjkLength(form);
        const list = owners[id]!;
        const owner: PatternOwner = {
          rule: raw.rule,
          slot: raw.slot,
          phrase: raw.phrase,
          startCheck: edgeCheck(form[0]!, raw.boundary, n, false),
          endCheck: edgeCheck(form[form.length - 1]!, raw.boundary, n, stem),
        };
        if (!list.some((o) => o.rule === owner.rule && o.slot === owner.slot)) list.push(owner);
      }
    }
    const ungated: number[] = [];
    this.regexes.forEach(({ regex }, k) => {
      const literals = requiredLiterals(regex.source);
      if (literals === null) ungated.push(k);
      else for (const literal of new Set(literals.map(normalizeText))) gates[patternFor(literal)]!.push(k);
    });
    return { matcher: builder.build(), owners, regexes: this.regexes, gates, ungated, words: [...this.words] };
  }
}

function stripStem(phrase: string): string {
  return phrase.endsWith('*') && phrase.length > 1 ? phrase.slice(0, -1) : phrase;
}
