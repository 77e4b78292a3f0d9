// Regexes from rule packs run on every utterance of untrusted input, with the JavaScript engine,
// which backtracks: `(a+)+$` against 30 a's ran past 60 s. So every regex is checked when its
// pack loads, and one that can backtrack super-linearly is refused with its position.
//
// Two checks, both static and fast (a few ms a regex; the 84 bundled regexes take ~50 ms):
// - scslre (the engine of eslint-plugin-regexp's no-super-linear-backtracking) finds nested and
//   adjacent quantifiers that can trade characters: (a+)+$, \s*\d+\s*$, .*a.*b.
// - scslre does not look at alternatives: (a|aa)+$ and (a|a)+$ are exponential because one
//   string can be split into iterations of the repeated group in more than one way. For every
//   unbounded quantifier whose body has alternatives, refa builds the body's automaton and
//   checks that no two alternatives share a word and that no word is both one iteration and
//   several (L(body) ∩ L(body){2,} = ∅), which is what makes the split unique.
// Tried and left: recheck (the most thorough checker) took 19 s for the 84 bundled regexes,
// natively or in pure JS; redos-detector timed out on 80 of them; safe-regex2 only measures
// star height and misses (a|aa)+$; V8's linear engine (--enable-experimental-regexp-engine)
// refuses the u flag on Node 20.
import { createRequire } from 'node:module';
import type { AST, RegExpParser as Parser } from '@eslint-community/regexpp';
import { normalizeRegexSource } from '../text/normalize.js';

// Loaded when a regex is first checked (a content file changed), not by every run: they take
// ~70 ms to load.
const require = createRequire(import.meta.url);
let libs: { regexpp: typeof import('@eslint-community/regexpp'); refa: typeof import('refa'); scslre: typeof import('scslre'); parser: Parser } | undefined;
function load(): NonNullable<typeof libs> {
  if (!libs) {
    const regexpp = require('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
    libs = {
      regexpp,
      refa: require('refa') as typeof import('refa'),
      scslre: require('scslre') as typeof import('scslre'),
      parser: new regexpp.RegExpParser({ ecmaVersion: 2024 }),
    };
  }
  return libs;
}

/** Automata larger than this are not built; the regex is refused as too complex to check. */
const MAX_NODES = 10_000;

/** Why a rule regex cannot be used (written in the u flag's syntax), or null when it can. */
export function regexProblem(source: string): string | null {
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return `is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  // Rules match text folded to one script; folding can break a regex valid as written.
  const folded = normalizeRegexSource(source);
  try {
    new RegExp(folded, 'u');
  } catch (e) {
    const why = (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return `is valid as written but not once its Traditional characters are folded to Simplified (${why}): /${folded}/`;
  }
  return backtrackingProblem(folded);
}

function backtrackingProblem(source: string): string | null {
  const { parser, scslre } = load();
  let literal: AST.RegExpLiteral;
  try {
    literal = parser.parseLiteral(`/${source.replace(/(?<!\\)((?:\\\\)*)\//g, '$1\\/')}/u`);
  } catch {
    return null; // what V8 accepts and regexpp does not is left to V8
  }
  const advice = 'rewrite it so that each character can be matched in only one way (no nested or overlapping repetition), or use phrases';
  try {
    const report = scslre.analyse(literal, { reportTypes: { Move: false, Self: true, Trade: true }, assumeRejectingSuffix: true }).reports[0];
    if (report) {
      const where = report.type === 'Trade' ? `${report.startQuant.raw} and ${report.endQuant.raw}` : report.quant.raw;
      return `can backtrack catastrophically (${report.exponential ? 'exponential' : 'polynomial'} time on some inputs, at ${where}): ${advice}`;
    }
    const ambiguous = ambiguousRepetition(literal);
    if (ambiguous) return `can backtrack catastrophically (exponential time on some inputs, at ${ambiguous}): ${advice}`;
  } catch {
    return `is too complex to check for catastrophic backtracking: ${advice}`;
  }
  return null;
}

/** The raw text of an unbounded repetition whose iterations can split a string in two ways. */
function ambiguousRepetition(literal: AST.RegExpLiteral): string | null {
  const { JS, NFA, isDisjointWith } = load().refa;
  const { visitRegExpAST } = load().regexpp;
  const refa = JS.Parser.fromAst(literal);
  const nfaOf = (element: AST.Alternative | AST.Element): import('refa').NFA => {
    const { expression, maxCharacter } = refa.parseElement(element, { backreferences: 'disable', assertions: 'disable', maxNodes: MAX_NODES });
    return NFA.fromRegex(expression, { maxCharacter }, { assertions: 'disable', unknowns: 'disable' }, new NFA.LimitedNodeFactory(MAX_NODES));
  };
  let found: string | null = null;
  visitRegExpAST(literal, {
    onQuantifierEnter(q) {
      if (found || q.max !== Infinity) return;
      const body = q.element;
      if (body.type !== 'Group' && body.type !== 'CapturingGroup') return;
      const alternatives = body.alternatives.map(nfaOf);
      for (let i = 0; i < alternatives.length && !found; i++) {
        for (let j = i + 1; j < alternatives.length; j++) {
          if (!isDisjointWith(alternatives[i]!, alternatives[j]!, MAX_NODES)) {
            found = q.raw;
            break;
          }
        }
      }
      if (found) return;
      const once = nfaOf(body);
      if (once.isEmpty) return;
      const several = once.copy(new NFA.LimitedNodeFactory(MAX_NODES));
      several.quantify(2, Infinity, new NFA.LimitedNodeFactory(MAX_NODES));
      if (!isDisjointWith(once, several, MAX_NODES)) found = q.raw;
    },
  });
  return found;
}
