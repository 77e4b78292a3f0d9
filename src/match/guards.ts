// The standard guard lists a rule may name instead of repeating them: `not-after: [$negation]`,
// `unless: [$hypothetical]`. Written once here in Simplified Chinese and English; like every
// phrase they are expanded at load time to Traditional and regional forms, so they cover all scripts.

/** The names of the standard guard lists. */
export const GUARD_NAMES = ['$negation', '$hypothetical'] as const;

export const GUARD_LISTS: Readonly<Record<(typeof GUARD_NAMES)[number], readonly string[]>> = {
  /** Words that negate what follows them. */
  $negation: [
    '不',
    '没',
    '没有',
    '别',
    '无需',
    '不用',
    '不必',
    '未',
    '无法',
    '不会',
    '不要',
    '从不',
    '从未',
    '并非',
    '绝不',
    '勿',
    'never',
    'not',
    'no',
    "don't",
    'dont',
    'do not',
    "doesn't",
    'does not',
    "didn't",
    'did not',
    "won't",
    'will not',
    "can't",
    'cannot',
    "isn't",
    "aren't",
    "wasn't",
    "haven't",
    "hasn't",
    'without',
    'no need to',
  ],
  /** Words that make a clause hypothetical or conditional. */
  $hypothetical: [
    '如果',
    '万一',
    '假如',
    '假设',
    '要是',
    '若是',
    '倘若',
    '如若',
    '假使',
    '的话',
    '是否',
    '会不会',
    '能不能',
    'if',
    'in case',
    'hypothetically',
    'suppose',
    'supposing',
    'what if',
    'whether',
  ],
};

function isGuardName(name: string): name is (typeof GUARD_NAMES)[number] {
  return (GUARD_NAMES as readonly string[]).includes(name);
}

/** A guard list with its `$names` replaced by the standard lists. */
export function expandGuards(list: readonly string[]): string[] {
  const phrases = list.flatMap((g) => (isGuardName(g) ? [...GUARD_LISTS[g]] : [g]));
  // Normalization leaves the typographic apostrophe alone: don’t must guard as don't does.
  return [...new Set(phrases.flatMap((p) => (p.includes("'") ? [p, p.replaceAll("'", '\u2019')] : [p])))];
}
