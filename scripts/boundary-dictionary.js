// Derives the boundary dictionary of the bundled content (src/text/boundary-dictionary.ts) into
// dist/boundary-dictionary/<key>/, so that a run with the bundled rules loads it without deriving
// it. Run by `npm run build`, after tsc. Generated, not committed: it is made of nodejieba's
// installed dictionary, and its key changes with nodejieba's version and the bundled patterns.
import { rmSync } from 'node:fs';
import { loadRuleSet } from '../dist/index.js';
import { BUNDLED_DIR, deriveInto } from '../dist/text/boundary-dictionary.js';

const started = performance.now();
const { segmenter, patterns } = await loadRuleSet();
rmSync(BUNDLED_DIR, { recursive: true, force: true });
const files = deriveInto(BUNDLED_DIR, { patterns: segmenter.boundaryForms, words: patterns.words });
console.log(`boundary dictionary: ${files.dict} (${Math.round(performance.now() - started)} ms)`);
