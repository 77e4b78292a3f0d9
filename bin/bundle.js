// Runs the bundled command line (dist/bundle/, CommonJS chunks made by scripts/bundle.js) with
// V8's code cache. Node 20 caches no compiled code between runs, and a short lint spent a third of
// its time compiling (ES module chunks, then each function as first called). A CommonJS chunk run
// through vm.Script can be given the bytecode a warm-up run compiled (createCachedData after the
// run, so lazily compiled functions are in it), as v8-compile-cache does for require().
//
// A cache is only ever a shortcut: V8 rejects it when its version, its flags or the source's
// length differ (cachedDataRejected: the chunk is then compiled as usual), and each cache file is
// named after its chunk's content hash (the chunk's last line names it), so the cache of another
// build is never found, even with the same length.
const { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
// Paths joined by hand (dir + sep + name): path.join measured ~0.5 ms for a short run's 40 files.
const { dirname, join, sep } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

/** A chunk's last line, written by scripts/bundle.js: `//# codeCache=<file name>`. */
const CACHE_TAG = '\n//# codeCache=';

/**
 * Node's modules that a short run never uses but would load as the chunks start (rolldown
 * requires every built-in module a chunk imports at its top): worker threads (--concurrency), v8
 * (their results, big inputs), tty (colours), readline, and child_process (commander, for
 * executable subcommands, which aslint has none of). Each is given as an object that loads the
 * module on first use: measured, a short run loads 77 of Node's internal modules instead of 105.
 */
const LAZY_BUILTINS = new Set(['node:worker_threads', 'node:v8', 'node:tty', 'node:readline', 'node:child_process']);

function lazyBuiltin(load) {
  let loaded;
  const module = () => (loaded ??= load());
  return new Proxy(
    {},
    {
      get: (_, key) => module()[key],
      has: (_, key) => key in module(),
      ownKeys: () => Reflect.ownKeys(module()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(module(), key);
        return d && { ...d, configurable: true };
      },
    },
  );
}

/**
 * Modules of dist/ that are also entries of the bundle (scripts/bundle.js), by the name of their
 * entry: a module a run names by its file URL (a streamed report's part renderer, which a worker
 * imports: report/part-renderer.ts). Such an import() loads the bundled entry, which shares the
 * chunks the thread already runs: one copy of each module (an InputError thrown there is the
 * class the runner knows), compiled with the code cache. Unbundled, the renderer cost a worker
 * ~100 ms of cold json.js and the ES module loader (--cpu-prof, 24 MiB, --concurrency 2).
 */
const BUNDLED_MODULES = { render: 'report/render.js' };

/**
 * import() for the chunks: a module of BUNDLED_MODULES by its file URL (through `load`, unless tsc
 * has written the module since the bundle was made), or a package: from here, bin/, it finds the
 * same node_modules as from dist/bundle/ (both are one folder down from the package's root).
 */
function importerFor(load, bundleDir) {
  let bundled; // file URL -> chunk file, worked out at the first import()
  return async (specifier) => {
    if (specifier.startsWith('file:')) {
      bundled ??= new Map(
        Object.entries(BUNDLED_MODULES).map(([name, compiled]) => {
          const module = join(bundleDir, '..', compiled);
          return [pathToFileURL(module).href, newer(join(bundleDir, `${name}.cjs`), module)];
        }),
      );
      const chunk = bundled.get(specifier);
      if (chunk) return load(chunk);
    }
    return import(specifier);
  };
}

/** `bundled` when it was written after `module` (or `module` is not there), else undefined. */
function newer(bundled, module) {
  const written = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return written(bundled) >= written(module) && written(bundled) >= 0 ? bundled : undefined;
}

/**
 * Where a run keeps code caches of its own when V8 rejects the build's (another Node, or other V8
 * flags: NODE_OPTIONS=--max-old-space-size is enough), for the next runs with the same Node and
 * flags: beside the rule-set cache (ASLINT_CACHE_DIR, as there), named by Node's version and a
 * hash of its options. V8 still checks each cache: a name that tells too little only costs a compile.
 */
function ownCacheDir(root) {
  const options = `${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`;
  let h = 0x811c9dc5; // FNV-1a: only names a folder (crypto would cost ~5 ms to load)
  for (let i = 0; i < options.length; i++) h = Math.imul(h ^ options.charCodeAt(i), 0x01000193);
  const cacheRoot = process.env.ASLINT_CACHE_DIR ?? join(root, 'node_modules', '.cache', 'aslint');
  return join(cacheRoot, 'code-cache', `${process.version}-${(h >>> 0).toString(16)}`);
}

/**
 * Loads the entry chunk and runs its top level: its exports (`main`); `codeCache`, what became of
 * the entry's cache (`used`, `rejected` by V8, or `none`); and `saveCodeCache()`, which writes what
 * V8 has compiled of each chunk loaded so far (scripts/bundle.js calls it after a warm-up run).
 * With `ownCache` (a folder: ownCacheDir), a cache found there is used before the build's, and
 * (unless `saveOwn` is false) chunks whose cache V8 rejected are cached there as the process exits.
 */
function loadBundle(entry, { ownCache, saveOwn = true } = {}) {
  const chunks = new Map(); // file → { module, script, cacheFile, cache }
  const builtins = new Map();
  // One look for the folder: it exists only where V8 has rejected the build's caches before.
  const ownCaches = ownCache !== undefined && existsSync(ownCache);
  const rejected = [];
  // One require for packages and built-ins, shared by the chunks: they are all in one folder, and
  // each createRequire works out its folder's node_modules paths again (20 of them: ~0.5 ms measured).
  const nodeRequire = createRequire(entry);
  const importModule = importerFor((file) => load(file), dirname(entry));
  const load = (file) => {
    const known = chunks.get(file);
    if (known) return known.module.exports;
    // latin1 reads a chunk into a one-byte string, as V8 keeps it (a third of the time of UTF-8
    // for 1.2 MB): scripts/bundle.js writes ASCII only, and checks.
    const source = readFileSync(file, 'latin1');
    const dir = dirname(file);
    const at = source.lastIndexOf(CACHE_TAG);
    const cacheName = at < 0 ? undefined : source.slice(at + CACHE_TAG.length).trim();
    const cacheFile = cacheName && dir + sep + cacheName;
    let cachedData;
    for (const candidate of cacheName ? [ownCaches && ownCache + sep + cacheName, cacheFile] : []) {
      try {
        if (candidate) cachedData = readFileSync(candidate);
        if (cachedData) break;
      } catch {
        // not there: the next, or no cache (a chunk the warm-up did not load): compiled as usual
      }
    }
    // A chunk is Node's CommonJS function wrapper around the code, written so by scripts/bundle.js
    // (not added here: a copy of every chunk's text), with __import for its import()s of packages
    // left outside the bundle.
    const script = new Script(source, { filename: file, cachedData });
    const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
    const chunk = { module: { exports: {} }, script, cacheFile, cache };
    chunks.set(file, chunk);
    if (cache === 'rejected' && ownCache !== undefined && saveOwn) {
      if (rejected.length === 0) process.once('exit', () => saveOwnCaches(ownCache, rejected));
      rejected.push([ownCache + sep + cacheName, script]);
    }
    const require = (id) => {
      if (id.startsWith('./')) return load(dir + sep + id.slice(2));
      if (!LAZY_BUILTINS.has(id)) return nodeRequire(id);
      if (!builtins.has(id))
        builtins.set(
          id,
          lazyBuiltin(() => nodeRequire(id)),
        );
      return builtins.get(id);
    };
    require.resolve = nodeRequire.resolve;
    script.runInThisContext()(chunk.module.exports, require, chunk.module, file, dir, importModule);
    return chunk.module.exports;
  };
  const exports = load(entry);
  return {
    ...exports,
    codeCache: chunks.get(entry).cache,
    saveCodeCache: () => {
      for (const { script, cacheFile } of chunks.values()) if (cacheFile) writeFileSync(cacheFile, script.createCachedData());
    },
  };
}

/** Writes the caches of the chunks whose build cache V8 rejected (each atomically); a folder that cannot be written only costs the time. */
function saveOwnCaches(dir, rejected) {
  try {
    mkdirSync(dir, { recursive: true });
    for (const [file, script] of rejected) {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
    }
  } catch {
    // a read-only install: compiled again next time
  }
}

/**
 * The exports of a bundle entry (dist/bundle/<name>.cjs), unless tsc has written its module in
 * dist/ again since the bundle was made: then that module's, so a run never uses code older than
 * the build. `saveOwnCache`: whether to keep code caches of its own (loadBundle), as the main
 * thread does; a worker thread only uses them.
 */
function loadNewest(name, compiled, { saveOwnCache = true } = {}) {
  const root = join(__dirname, '..');
  const bundled = newer(join(root, 'dist', 'bundle', `${name}.cjs`), join(root, 'dist', compiled));
  if (!bundled) return import(pathToFileURL(join(root, 'dist', compiled)).href);
  return Promise.resolve(loadBundle(bundled, { ownCache: ownCacheDir(root), saveOwn: saveOwnCache }));
}

module.exports = { importerFor, loadBundle, loadNewest, ownCacheDir };
