// Bundles the command line (dist/cli/index.js, as tsc wrote it) and the packages it imports into
// one CommonJS file, dist/bundle/aslint.cjs, and makes its V8 code cache from a warm-up run.
// bin/aslint.js runs it through bin/bundle.js. Run by `npm run build`, after tsc; the library
// (dist/index.js) and the worker threads (dist/runner/worker.js) stay unbundled.
//
// Why: Node 20 has no compile cache for ES modules. One short transcript
// (`aslint lint short.txt --format json`) spent ~75 ms of 280 ms compiling 21 ES module chunks
// (and each function again when first called), ~15 ms in the ES module loader, ~40 ms evaluating
// rolldown's per-module wrappers. One script with a code cache compiles nothing it has seen run.
// Measured against the 21 chunks: see the commit that made this file.
//
// - One file: a code cache is per script; modules that only other commands use cost nothing but
//   their bytes (rolldown wraps each lazily imported module in a function run on first import).
// - ASCII only, no comments (rolldown escapes strings, identifiers and regexes; asciiOnly() below
//   the rest): bin/bundle.js reads it as latin1, a one-byte string (~2 ms instead of ~6 ms as UTF-8).
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

/**
 * Node's modules that a short run never uses but the bundle would load as it starts (rolldown
 * hoists every import of a built-in module to the top): worker threads (--concurrency), v8
 * (their results, big inputs), os (auto concurrency, temporary folders), tty (colours),
 * readline, and child_process (commander, for executable subcommands aslint has none of).
 * Each becomes an object that loads the module on first use: measured ~4-8 ms of a short run.
 */
const LAZY_BUILTINS = ['worker_threads', 'v8', 'os', 'tty', 'readline', 'child_process'];

/** The bundle with LAZY_BUILTINS loaded when first used. Fails the build if rolldown's output no longer has the expected shape. */
function lazyBuiltins(code) {
  const lazy = (module, toESM) => `__lazyBuiltin(() => ${toESM ? '__toESM(' : ''}require("node:${module}")${toESM ? ', 1)' : ''})`;
  let out = code;
  for (const module of LAZY_BUILTINS) {
    const name = `node_${module}`;
    const required = `let ${name} = require("node:${module}");\n`;
    const converted = `${name} = __toESM(${name}, 1);\n`;
    const inPackage = `= require("node:${module}");`;
    if (out.includes(required)) {
      const toESM = out.includes(required + converted);
      out = out.replace(required + (toESM ? converted : ''), () => `let ${name} = ${lazy(module, toESM)};\n`);
    } else if (out.split(inPackage).length === 2) {
      out = out.replace(inPackage, () => `= ${lazy(module, false)};`);
    } else {
      throw new Error(`bundle: require("node:${module}") not found where expected in rolldown's output`);
    }
  }
  // Placed after rolldown's runtime (it uses __toESM), before the first require of a built-in module.
  const at = out.indexOf('\nlet node_');
  const helper = `
var __lazyBuiltin = (load) => {
\tlet loaded;
\tconst module = () => (loaded ??= load());
\treturn new Proxy({}, {
\t\tget: (_, key) => module()[key],
\t\thas: (_, key) => key in module(),
\t\townKeys: () => Reflect.ownKeys(module()),
\t\tgetOwnPropertyDescriptor: (_, key) => {
\t\t\tconst d = Reflect.getOwnPropertyDescriptor(module(), key);
\t\t\treturn d && { ...d, configurable: true };
\t\t}
\t});
};`;
  return out.slice(0, at) + helper + out.slice(at);
}

const EXTERNAL = ['nodejieba', 'playwright-core', 'read-excel-file', 'write-excel-file', 'opencc-js/core', 'opencc-js/preset'];

/**
 * The code with its last non-ASCII characters escaped: those rolldown leaves, in template
 * literals' raw text. Each becomes a substitution (`${"\u3010"}`), which gives the same string in
 * an untagged template and in String.raw; any other place (another tag's template) fails the build.
 */
function asciiOnly(code) {
  if (!/[^\x00-\x7f]/.test(code)) return code;
  const elements = []; // [start, end] of template elements whose value is their string as written
  const visit = (node, tag) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, tag));
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TaggedTemplateExpression') {
      const raw = node.tag.type === 'MemberExpression' && node.tag.object.name === 'String' && node.tag.property.name === 'raw';
      visit(node.tag);
      return visit(node.quasi, raw ? 'raw' : 'other');
    }
    if (node.type === 'TemplateLiteral') {
      if (tag !== 'other') for (const q of node.quasis) elements.push([q.start, q.end]);
      return visit(node.expressions);
    }
    for (const key of Object.keys(node)) if (node[key] && typeof node[key] === 'object') visit(node[key]);
  };
  visit(parseAst(code));
  return code.replace(/[^\x00-\x7f]+/g, (chars, at) => {
    if (!elements.some(([start, end]) => start <= at && at + chars.length <= end)) {
      throw new Error(`bundle: a non-ASCII character rolldown did not escape, outside a template literal: ${JSON.stringify(code.slice(at - 40, at + 40))}`);
    }
    return '${' + JSON.stringify(chars).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '}';
  });
}

const started = performance.now();
rmSync(out, { recursive: true, force: true });
const { output } = await build({
  input: { aslint: join(root, 'dist', 'cli', 'index.js') },
  platform: 'node',
  external: (id) => id.startsWith('node:') || EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`)),
  // dist/bundle/ is as deep as dist/cli/: paths made from __filename ('..', '..') still name the package root.
  plugins: [fdirPicomatchWhenUsed],
  output: { format: 'cjs', codeSplitting: false, charset: 'ascii', comments: false },
  write: false,
  logLevel: 'warn',
});
const code = lazyBuiltins(asciiOnly(output[0].code));
// The cache file is named after the code it was made from, so a cache never meets another build's bundle.
const cacheName = `aslint-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.v8cache`;
mkdirSync(out, { recursive: true });
const bundle = join(out, 'aslint.cjs');
writeFileSync(bundle, `${code}\n//# codeCache=${cacheName}\n`);

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
