// Rule patterns, as configs (`severity:` keys) and disable directives write them: a rule id
// (`term/refund`), every rule of a pack or kind (`term/*`), or every rule (`*`).

/** How specifically a rule pattern names a rule id (the id itself beats `prefix/*`, the longer prefix beats the shorter, `*` is last); -1 when it does not name it. */
export function patternSpecificity(pattern: string, ruleId: string): number {
  if (pattern === ruleId) return 10_000;
  if (pattern === '*') return 0;
  if (pattern.endsWith('/*') && ruleId.startsWith(pattern.slice(0, -1))) return pattern.length;
  return -1;
}

/** Whether a rule pattern names a rule id. */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  return patternSpecificity(pattern, ruleId) >= 0;
}
