// Compiling is separate from loading (src/runner/rulesets.ts): the validated glossary + rule
// packs compile once into an immutable RuleSet that any number of lint runs can share.
import { CHECK_KINDS } from '../checks/index.js';
import { primaryMessage, type CompiledRule, type RuleSpec } from '../checks/kind.js';
import type { LoadedRule } from '../packs/loader.js';
import type { Glossary } from '../glossary/model.js';
import { Segmenter } from '../text/segment.js';
import { compileMessages, type MessageTemplates } from './message.js';
import { PatternSet, restorePatterns, storePatterns, type CompiledPatterns, type StoredPatterns } from '../match/patterns.js';

export interface RuleSet {
  rules: readonly CompiledRule[];
  patterns: CompiledPatterns;
  segmenter: Segmenter;
  glossary: Glossary;
  /** Each rule's message templates, by rule index. */
  messages: readonly MessageTemplates[];
  /** The patterns as JSON (what the compiled rule-set cache keeps and workers are sent). */
  stored(): StoredPatterns;
}

/** The rules the glossary makes: a `term/<id>` rule per term with misuses, a `register/<id>` rule per formal term. */
export function glossaryRules(glossary: Glossary): LoadedRule[] {
  const rules: LoadedRule[] = [];
  for (const t of glossary.terms) {
    if (t.misuses.length > 0) {
      const spec = { id: t.id, kind: 'term', severity: 'warning' as const, term: t, examples: { good: t.examples.good, bad: t.badExamples } };
      rules.push({ id: `term/${t.id}`, spec, origin: t.origin, exampleOrigins: t.exampleOrigins });
    }
    if (t.register === 'formal' && t.plain) {
      rules.push({ id: `register/${t.id}`, spec: { id: t.id, kind: 'register', severity: 'info', term: t }, origin: t.origin });
    }
  }
  return rules;
}

/** A loaded rule with its check kind and messages: what listing rules (`aslint rules`, docs) and compiling them share. */
export function describeRule({ id, spec, origin, exampleOrigins }: LoadedRule): Omit<CompiledRule, 'index' | 'data'> {
  const kind = CHECK_KINDS.get(spec.kind)!;
  return {
    id,
    kind,
    severity: spec.severity,
    message: primaryMessage(spec.message ?? kind.defaultMessage),
    messages: spec.message ?? kind.defaultMessage,
    spec: spec as RuleSpec,
    origin,
    exampleOrigins,
  };
}

/** The rules of a glossary and rule packs, described (glossary rules first). */
export function contentRules(glossary: Glossary, packRules: readonly LoadedRule[]): Omit<CompiledRule, 'index' | 'data'>[] {
  return [...glossaryRules(glossary), ...packRules].map(describeRule);
}

/**
 * Compiles the glossary and rule packs. With `stored` (patterns compiled earlier from the same
 * content: the on-disk cache, or the thread that sent them) the patterns are restored, not
 * compiled; each rule's own data is always made here (kind.compile is cheap: it only lists phrases).
 */
export async function compileRuleSet(glossary: Glossary, packRules: readonly LoadedRule[], stored?: StoredPatterns): Promise<RuleSet> {
  const patterns = new PatternSet();
  const rules: CompiledRule[] = contentRules(glossary, packRules).map((rule, index) => ({
    index,
    ...rule,
    data: rule.kind.compile(rule.spec, index, patterns),
  }));
  for (const t of glossary.terms) for (const word of [t['zh-Hans'], ...t.variants]) patterns.addWord(word);
  const compiled = stored && stored.inputs === patterns.inputs ? restorePatterns(stored) : await patterns.compile();
  let kept = stored && stored.inputs === patterns.inputs ? stored : undefined;
  return {
    stored: () => (kept ??= storePatterns(compiled, patterns.inputs)),
    rules,
    patterns: compiled,
    segmenter: new Segmenter(compiled.words),
    glossary,
    messages: rules.map((r) => compileMessages(r.messages)),
  };
}
