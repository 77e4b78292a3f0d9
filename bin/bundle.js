// Runs the bundled command line (dist/bundle/aslint.cjs, made by scripts/bundle.js) with V8's
// code cache. Node 20 caches no compiled code between runs, and a short lint spent a third of its
// time compiling (the ES module chunks, then each function as first called). A CommonJS bundle
// run through vm.Script can be given the bytecode a warm-up run compiled (createCachedData after
// the run, so lazily compiled functions are in it), as v8-compile-cache does for require().
// Measured on one short transcript (`lint short.txt --format json`): see scripts/bundle.js.
//
// The cache is only ever a shortcut: V8 rejects it when its version, its flags or the source's
// length differ (cachedDataRejected: the bundle is then compiled as usual), and the cache file is
// named after the bundle's content hash (the bundle's last line names it), so the cache of
// another build is never found, even with the same length.
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { constants, Script } = require('node:vm');

/** The bundle's last line, written by scripts/bundle.js: `//# codeCache=<file name>`. */
const CACHE_TAG = '\n//# codeCache=';

/** Whether this Node can run the bundle: its dynamic import()s (packages left outside it) need the main loader (Node ≥ 20.12). */
const canRunBundle = constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER !== undefined;

/** The code cache's file beside a bundle, as the bundle's last line names it (undefined when it names none). */
function cacheFileOf(file, source) {
  const at = source.lastIndexOf(CACHE_TAG);
  return at < 0 ? undefined : join(dirname(file), source.slice(at + CACHE_TAG.length).trim());
}

/**
 * Loads and runs the bundle's top level: its exports (`main`); `codeCache`, what became of the
 * cache (`used`, `rejected` by V8, or `none`); and `saveCodeCache()`, which writes what V8 has
 * compiled of the bundle so far (scripts/bundle.js calls it after a warm-up run).
 */
function loadBundle(file) {
  // latin1 reads the bundle into a one-byte string, as V8 would keep it (~2 ms instead of ~6 ms as
  // UTF-8 for 1.2 MB): scripts/bundle.js writes it with non-ASCII characters escaped, and checks.
  const source = readFileSync(file, 'latin1');
  const cacheFile = cacheFileOf(file, source);
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // no cache (not built yet, or not writable at build time): compiled as usual
  }
  // Node's own CommonJS wrapper, on the first line so that line numbers stay the bundle's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    ...module.exports,
    codeCache: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used',
    saveCodeCache: () => {
      if (cacheFile) writeFileSync(cacheFile, script.createCachedData());
    },
  };
}

module.exports = { canRunBundle, loadBundle };
