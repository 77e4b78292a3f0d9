// Bundles the command line (dist/cli/index.js, as tsc wrote it) and the packages it imports into
// dist/bundle/: a chunk per lazily imported part (each command, each report format, the
// spreadsheet readers …), so a run still loads only what it uses. bin/aslint.js runs it. Node 20
// has no compile cache for ES modules, and loading ~90 small modules (dist/ and the CommonJS
// files of yaml, commander, picomatch …) was a third of a short file's start-up: measured on one
// short transcript (`aslint lint short.txt --format json`, 10 runs on a busy 2-core machine),
// 21 files instead of 90, 0.24 s of CPU instead of 0.33 s. Run by `npm run build`, after tsc.
// The library (dist/index.js) and the worker threads (dist/runner/worker.js) stay unbundled.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bundle');

/**
 * Left to Node to load from node_modules: the native segmenter, and packages that only some
 * commands load and that read files of their own (the browser, the spreadsheet readers and writers).
 */
const EXTERNAL = ['nodejieba', 'playwright-core', 'read-excel-file', 'write-excel-file'];

const started = performance.now();
rmSync(out, { recursive: true, force: true });
await build({
  input: { aslint: join(root, 'dist', 'cli', 'index.js') },
  platform: 'node',
  external: (id) => id.startsWith('node:') || EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`)),
  // dist/bundle/ is as deep as dist/cli/: paths made from import.meta.url ('..', '..') still name the package root.
  output: { dir: out, format: 'esm', chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});
console.log(`bundle: ${out} (${Math.round(performance.now() - started)} ms)`);
