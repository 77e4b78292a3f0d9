// Writes the boundary dictionary (src/text/boundary-dictionary.ts: nodejieba's dictionary as a
// word table, and the one-word files nodejieba loads beside it) into dist/boundary-dictionary/,
// so that the first run that needs a word boundary does not write it into the cache. Run by
// `npm run build`, after tsc. Generated, not committed: it is made from the installed nodejieba's
// dictionary (8 MB), and its directory name changes with nodejieba's version.
import { rmSync } from 'node:fs';
import { BUNDLED_DIR, writeBundledBoundaryDictionary } from '../dist/text/boundary-dictionary.js';

const started = performance.now();
rmSync(BUNDLED_DIR, { recursive: true, force: true });
const dir = writeBundledBoundaryDictionary();
console.log(`boundary dictionary: ${dir} (${Math.round(performance.now() - started)} ms)`);
