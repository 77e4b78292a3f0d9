// The glossary's misuse pairs as a prh.yml for textlint-rule-prh, in both scripts, so that
// textlint + prh and aslint look for the same terms in the side-by-side benchmark.
import * as OpenCC from 'opencc-js/core';
import * as preset from 'opencc-js/preset';
import { loadRuleSet } from '../dist/index.js';

const yamlString = (s) => JSON.stringify(s);
// prh escapes a string pattern's `-` and compiles it with the `u` flag, which rejects `\-`: give
// every pattern as a regex (Latin ones case-insensitive, as aslint matches them).
const regexPattern = (s) => `/${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/${/[a-z]/i.test(s) ? 'i' : ''}`;

/** prh.yml text: one rule per misuse and script (`expected` is the preferred term in that script). */
export async function prhYaml() {
  const { glossary } = await loadRuleSet();
  const toTw = OpenCC.ConverterBuilder(preset)({ from: 'cn', to: 'twp' });
  const seen = new Set();
  const rules = [];
  for (const term of glossary.terms) {
    for (const misuse of term.misuses) {
      for (const [pattern, expected] of [
        [misuse.text, term['zh-Hans']],
        [toTw(misuse.text), term['zh-Hant'] ?? toTw(term['zh-Hans'])],
      ]) {
        if (seen.has(pattern) || pattern === expected) continue;
        seen.add(pattern);
        rules.push(`  - expected: ${yamlString(expected)}\n    pattern: ${yamlString(regexPattern(pattern))}\n`);
      }
    }
  }
  return { text: `version: 1\nrules:\n${rules.join('')}`, pairs: rules.length };
}
