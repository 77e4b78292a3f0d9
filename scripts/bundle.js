// Bundles the command line (dist/cli/index.js, as tsc wrote it), the lint worker thread
// (dist/runner/worker.js) and the packages they import into CommonJS chunks in dist/bundle/ (one
// per lazily imported part: each command, each report format, the spreadsheet readers ...), and
// makes their V8 code caches from a warm-up run. bin/aslint.js and bin/worker.js run them through
// bin/bundle.js. Run by `npm run build`, after tsc; the library (dist/index.js) stays unbundled.
//
// Why: Node 20 has no compile cache for ES modules. One short transcript
// (`aslint lint short.txt --format json`) spent ~75 ms of 280 ms compiling 21 ES module chunks
// (and each function again when first called) and ~15 ms in the ES module loader. CommonJS
// chunks run with a code cache compile nothing the warm-up ran. Measured, 15 runs each
// alternating on a loaded 2-core machine: CPU 273 -> ~200 ms (least), 354 -> ~265 ms (median).
// One file with one cache measured the same, but compiled all 1.2 MB when V8 rejected the cache
// (~40 ms more than these chunks; NODE_OPTIONS=--max-old-space-size is enough).
//
// - ASCII only, no comments (rolldown escapes strings, identifiers and regexes; forLoader() below
//   the rest): bin/bundle.js reads the chunks as latin1, one-byte strings (a third of the time of UTF-8).
// - Left outside: the native segmenter; packages that only some commands load and that read files
//   of their own (the browser, the spreadsheet readers and writers); opencc-js's converter and its
//   1.3 MB of dictionaries (only a cold rule-set cache needs them): they are imported from node_modules.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { parseAst } from 'rolldown/parseAst';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bundle');

/**
 * Rewrites one piece of a package's code, exactly as found; when the package has changed and the
 * piece is not found, the build says so and leaves the package as it is (slower, never wrong).
 */
function patchPackage(name, file, replacements) {
  return {
    name,
    transform(code, id) {
      if (!file.test(id)) return null;
      for (const [from] of replacements) {
        if (code.split(from).length !== 2) {
          console.warn(`bundle: ${name}: ${id} has changed (${JSON.stringify(from.slice(0, 40))} not found once); left as it is`);
          return null;
        }
      }
      return { code: replacements.reduce((c, [from, to]) => c.replace(from, () => to), code) };
    },
  };
}

/**
 * fdir (tinyglobby's directory walker) requires picomatch from node_modules as it loads, for its
 * glob() without a matcher, which tinyglobby never calls (it passes its own): ~6 ms of a short
 * run compiling picomatch's 5 CommonJS files outside the code cache. It is required where fdir
 * would use it instead.
 */
const fdirPicomatchWhenUsed = patchPackage('fdir-picomatch-when-used', /[\\/]fdir[\\/]dist[\\/]index\.mjs$/, [
  [
    'let pm = null;\n/* c8 ignore next 6 */\ntry {\n\t__require.resolve("picomatch");\n\tpm = __require("picomatch");\n} catch {}',
    'let pm;\nconst picomatchIfInstalled = () => {\n\tif (pm === undefined) {\n\t\tpm = null;\n\t\ttry {\n\t\t\t__require.resolve("picomatch");\n\t\t\tpm = __require("picomatch");\n\t\t} catch {}\n\t}\n\treturn pm;\n};',
  ],
  ['const globFn = this.globFunction || pm;', 'const globFn = this.globFunction || picomatchIfInstalled();'],
]);

const EXTERNAL = ['nodejieba', 'playwright-core', 'read-excel-file', 'write-excel-file', 'opencc-js/core', 'opencc-js/preset'];

/**
 * The code as bin/bundle.js runs it:
 * - its last non-ASCII characters escaped: those rolldown leaves, in template literals' raw text.
 *   Each becomes a substitution (`${"\u3010"}`), which gives the same string in an untagged
 *   template and in String.raw; any other place (another tag's template) fails the build.
 * - its dynamic import()s (of the packages left outside) made calls of `__import`, which
 *   bin/bundle.js passes in: Node 20's import() from a vm.Script needs an experimental loader
 *   option, which warns on stderr and fails when the script comes from a code cache.
 */
function forLoader(code) {
  const edits = []; // [start, end, replacement], in no order
  const rawText = []; // [start, end] of template elements whose value is their text as written
  const visit = (node, tag) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, tag));
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'ImportExpression') edits.push([node.start, node.start + 'import'.length, '__import']);
    if (node.type === 'TaggedTemplateExpression') {
      const raw = node.tag.type === 'MemberExpression' && node.tag.object.name === 'String' && node.tag.property.name === 'raw';
      visit(node.tag);
      return visit(node.quasi, raw ? 'raw' : 'other');
    }
    if (node.type === 'TemplateLiteral') {
      if (tag !== 'other') for (const q of node.quasis) rawText.push([q.start, q.end]);
      return visit(node.expressions);
    }
    for (const key of Object.keys(node)) if (node[key] && typeof node[key] === 'object') visit(node[key]);
  };
  visit(parseAst(code));
  for (const m of code.matchAll(/[^\x00-\x7f]+/g)) {
    const [at, end] = [m.index, m.index + m[0].length];
    if (!rawText.some(([s, e]) => s <= at && end <= e)) {
      throw new Error(`bundle: a non-ASCII character rolldown did not escape, outside a template literal: ${JSON.stringify(code.slice(at - 40, end + 40))}`);
    }
    const escaped = JSON.stringify(m[0]).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    edits.push([at, end, '${' + escaped + '}']);
  }
  let out = code;
  for (const [at, end, text] of edits.sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, at) + text + out.slice(end);
  }
  return out;
}

const started = performance.now();
rmSync(out, { recursive: true, force: true });
const { output } = await build({
  // render: the part renderer a worker imports by its URL (report/part-renderer.ts), bundled with
  // the worker's chunks so that it shares their modules (bin/bundle.js BUNDLED_MODULES).
  input: {
    aslint: join(root, 'dist', 'cli', 'index.js'),
    worker: join(root, 'dist', 'runner', 'worker.js'),
    render: join(root, 'dist', 'report', 'render.js'),
  },
  platform: 'node',
  external: (id) => id.startsWith('node:') || EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`)),
  plugins: [fdirPicomatchWhenUsed],
  // dist/bundle/ is as deep as dist/cli/: paths made from __filename ('..', '..') still name the package root.
  output: { format: 'cjs', charset: 'ascii', comments: false, entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
  write: false,
  logLevel: 'warn',
});
mkdirSync(out, { recursive: true });
for (const chunk of output) {
  const code = forLoader(chunk.code);
  // Node's CommonJS wrapper, and __import (forLoader), as bin/bundle.js compiles the chunk.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __import) {${code}\n})`;
  // The cache file is named after the code it was made from, so a cache never meets another build's chunk.
  const hash = createHash('sha256').update(wrapped).digest('hex').slice(0, 16);
  writeFileSync(join(out, chunk.fileName), `${wrapped}\n//# codeCache=${chunk.fileName.replace(/\.cjs$/, '')}-${hash}.v8cache\n`);
}
const bundle = join(out, 'aslint.cjs');

// The warm-up: a first run fills the rule-set cache; a second lints the demo files in the formats
// a run streams or people read, then saves what V8 compiled, which is what a warm run compiles.
// Its output is thrown away; a failed warm-up only leaves the bundle without a code cache.
const warmUp = (save) => `
import { createRequire } from 'node:module';
const { loadBundle } = createRequire(import.meta.url)('./bin/bundle.js');
const { main, saveCodeCache } = loadBundle(${JSON.stringify(bundle)});
for (const format of ${save ? "['json', 'jsonl', 'sarif', 'stylish']" : "['json']"}) {
  await main(['node', 'aslint', 'lint', 'fixtures/demo', '--format', format, '-o', ${JSON.stringify(devNull)}]);
}
${save ? 'saveCodeCache();' : ''}
`;
for (const save of [false, true]) {
  const warm = spawnSync(process.execPath, ['--input-type=module', '-e', warmUp(save)], { cwd: root, encoding: 'utf8' });
  if (warm.status !== 0) {
    console.warn(`bundle: no code cache (the warm-up failed: ${warm.stderr.trim()})`);
    break;
  }
}
console.log(`bundle: ${bundle} (${Math.round(performance.now() - started)} ms)`);
