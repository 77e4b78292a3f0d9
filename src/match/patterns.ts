// Collects the phrases and regexes of every rule, expands phrases into their regional forms and
// builds the one matcher that a lint run scans each utterance with.
//
// A phrase may have gaps (`还有…其他…帮`): its literal pieces are the matcher's patterns, and a
// scan joins them in order (see scan.ts). A phrase or regex may carry guards (`not-after`,
// `not-before`, `unless`), which are phrases too, found in the same pass.
import { MatcherBuilder, type Matcher } from './matcher.js';
import { requiredLiterals } from './regex-literal.js';
import { expandGuards } from './guards.js';
import { normalizeText } from '../text/normalize.js';
import { matchForms, regionalForms } from '../text/variants.js';

/**
 * auto: a word-boundary check for CJK matches of two characters or fewer; word: always; none:
 * never; latin: only Latin word edges (guards: 不 before 能退 needs no segmenter, `no` must not
 * match inside `know`).
 */
export type Boundary = 'auto' | 'word' | 'none' | 'latin';

/** What an edge of a match must sit on: nothing, a jieba word boundary, or a Latin word edge. */
export type EdgeCheck = 0 | 1 | 2;
export const EDGE_FREE: EdgeCheck = 0;
export const EDGE_WORD: EdgeCheck = 1;
export const EDGE_LATIN: EdgeCheck = 2;

/** The gap a phrase's `…` allows when the rule gives no `gap`, in characters (spaces not counted). */
export const DEFAULT_GAP = 4;

/** `…` or `...` between two pieces of a phrase: a gap. */
const GAP_MARK = /\s*(?:…|\.\.\.)\s*/;

/** Guards of a phrase or of a whole rule, as written (`$negation` names a standard list). */
export interface PhraseGuards {
  'not-after'?: string[];
  'not-before'?: string[];
  unless?: string[];
}

/** A phrase in a rule pack: a string, or an object with its own guards and gap. */
export type PhraseEntry = string | ({ phrase: string; gap?: number } & PhraseGuards);

/** What applies to every phrase of a matcher (a rule, or its `when` / `expect` / `if`). */
export interface PhraseDefaults extends PhraseGuards {
  gap?: number;
  boundary?: Boundary;
}

/** Guards compiled: the phrase numbers of each list. */
export interface CompiledGuards {
  notAfter: number[];
  notBefore: number[];
  unless: number[];
}

/** One phrase (possibly gapped), the rules and slots that own it and its guards. */
export interface CompiledPhrase {
  /** The phrase as the rule wrote it. */
  phrase: string;
  pieces: number;
  gap: number;
  owners: { rule: number; slot: string }[];
  guards: CompiledGuards | null;
}

/** A matcher pattern is piece `piece` of phrase `phrase`, with the checks on its edges. */
export interface PieceOwner {
  phrase: number;
  piece: number;
  startCheck: EdgeCheck;
  endCheck: EdgeCheck;
}

export interface RegexOwner {
  rule: number;
  slot: string;
  regex: RegExp;
  guards: CompiledGuards | null;
}

export interface CompiledPatterns {
  matcher: Matcher;
  /** For each matcher pattern, the phrase pieces it is. */
  owners: PieceOwner[][];
  phrases: CompiledPhrase[];
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
  if (boundary !== 'latin' && CJK.test(ch) && (boundary === 'word' || cjkLength <= 2)) return EDGE_WORD;
  return EDGE_FREE;
}

function cjkLength(text: string): number {
  let n = 0;
  for (const ch of text) if (CJK.test(ch)) n++;
  return n;
}

interface RawGuards {
  notAfter: string[];
  notBefore: string[];
  unless: string[];
}

interface RawPhrase {
  rule: number;
  slot: string;
  phrase: string;
  boundary: Boundary;
  gap: number;
  guards: RawGuards | null;
}

/** The pieces of a phrase: `还有…其他` → [还有, 其他]; a gap at either end is dropped. */
export function phrasePieces(phrase: string): string[] {
  return phrase.split(GAP_MARK).filter((p) => p.length > 0);
}

function isStem(piece: string): boolean {
  return piece.endsWith('*') && piece.length > 1;
}

function stripStem(piece: string): string {
  return isStem(piece) ? piece.slice(0, -1) : piece;
}

/** The guards of an entry and of its defaults together, or null when there are none. */
function mergeGuards(entry: PhraseGuards, defaults: PhraseGuards): RawGuards | null {
  const list = (key: keyof PhraseGuards) => expandGuards([...(defaults[key] ?? []), ...(entry[key] ?? [])]);
  const guards = { notAfter: list('not-after'), notBefore: list('not-before'), unless: list('unless') };
  return guards.notAfter.length + guards.notBefore.length + guards.unless.length > 0 ? guards : null;
}

export class PatternSet {
  private readonly raw: RawPhrase[] = [];
  private readonly rawRegexes: { rule: number; slot: string; regex: RegExp; guards: RawGuards | null }[] = [];
  private readonly words = new Set<string>();

  /**
   * A literal phrase, possibly with gaps and guards. A Latin phrase matches whole words; one
   * that ends in `*` matches as a stem (`apologi*` finds apologize and apologies).
   */
  addPhrase(rule: number, slot: string, entry: PhraseEntry, defaults: PhraseDefaults = {}): void {
    const phrase = typeof entry === 'string' ? entry : entry.phrase;
    const own = typeof entry === 'string' ? {} : entry;
    const gap = (typeof entry === 'string' ? undefined : entry.gap) ?? defaults.gap ?? DEFAULT_GAP;
    this.raw.push({ rule, slot, phrase, boundary: defaults.boundary ?? 'auto', gap, guards: mergeGuards(own, defaults) });
  }

  /** A regex; the defaults' guards apply to its matches. */
  addRegex(rule: number, slot: string, regex: RegExp, defaults: PhraseGuards = {}): void {
    this.rawRegexes.push({ rule, slot, regex, guards: mergeGuards({}, defaults) });
  }

  /** Words the segmenter must keep whole (glossary terms). */
  addWord(word: string): void {
    const norm = normalizeText(word);
    if (CJK.test(norm)) this.words.add(norm);
  }

  async compile(): Promise<CompiledPatterns> {
    const guardPhrases = (g: RawGuards | null) => (g ? [...g.notAfter, ...g.notBefore, ...g.unless] : []);
    const allPieces = [...this.raw, ...this.rawRegexes].flatMap((r) => [...('phrase' in r ? [r.phrase] : []), ...guardPhrases(r.guards)]);
    const forms = await regionalForms(allPieces.flatMap(phrasePieces).map(stripStem));
    const builder = new MatcherBuilder();
    const patternIds = new Map<string, number>();
    const owners: PieceOwner[][] = [];
    const gates: number[][] = [];
    const phrases: CompiledPhrase[] = [];
    const phraseIds = new Map<string, number>();

    const patternFor = (form: string): number => {
      let id = patternIds.get(form);
      if (id === undefined) {
        id = builder.add(form);
        patternIds.set(form, id);
        owners[id] = [];
        gates[id] = [];
      }
      return id;
    };
    const phraseFor = (phrase: string, boundary: Boundary, gap: number, guards: CompiledGuards | null): number => {
      const key = JSON.stringify([phrase, boundary, gap, guards]);
      let id = phraseIds.get(key);
      if (id !== undefined) return id;
      const pieces = phrasePieces(phrase);
      id = phrases.length;
      phraseIds.set(key, id);
      phrases.push({ phrase, pieces: pieces.length, gap, owners: [], guards });
      const total = cjkLength(normalizeText(pieces.map(stripStem).join('')));
      pieces.forEach((piece, k) => {
        const stem = isStem(piece);
        const text = stripStem(piece);
        for (const form of matchForms(text, forms.get(text)!)) {
          const list = owners[patternFor(form)]!;
          // Inner edges of a gapped phrase only keep Latin words whole (`let…know` is not in `letter`).
          const startCheck = edgeCheck(form[0]!, k === 0 ? boundary : 'latin', total, false);
          const endCheck = edgeCheck(form[form.length - 1]!, k === pieces.length - 1 ? boundary : 'latin', total, stem);
          if (!list.some((o) => o.phrase === id && o.piece === k)) list.push({ phrase: id!, piece: k, startCheck, endCheck });
        }
      });
      return id;
    };
    const compileGuards = (g: RawGuards | null): CompiledGuards | null => {
      if (!g) return null;
      const ids = (list: string[]) => [...new Set(list.map((p) => phraseFor(p, 'latin', DEFAULT_GAP, null)))];
      return { notAfter: ids(g.notAfter), notBefore: ids(g.notBefore), unless: ids(g.unless) };
    };

    for (const raw of this.raw) {
      if (phrasePieces(raw.phrase).length === 0) continue;
      const list = phrases[phraseFor(raw.phrase, raw.boundary, raw.gap, compileGuards(raw.guards))]!.owners;
      if (!list.some((o) => o.rule === raw.rule && o.slot === raw.slot)) list.push({ rule: raw.rule, slot: raw.slot });
    }
    const regexes: RegexOwner[] = this.rawRegexes.map((r) => ({ rule: r.rule, slot: r.slot, regex: r.regex, guards: compileGuards(r.guards) }));
    const ungated: number[] = [];
    regexes.forEach(({ regex }, k) => {
      const literals = requiredLiterals(regex.source);
      if (literals === null) ungated.push(k);
      else for (const literal of new Set(literals.map(normalizeText))) gates[patternFor(literal)]!.push(k);
    });
    return { matcher: builder.build(), owners, phrases, regexes, gates, ungated, words: [...this.words] };
  }
}
