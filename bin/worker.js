// A lint worker thread (src/runner/pool.ts starts it): the bundled worker, run with its code cache
// by ./bundle.js, or dist/runner/worker.js when tsc has written it since the bundle was made. The
// main thread keeps the code caches a rejected build cache calls for; a worker only uses them.
require('./bundle.js').loadNewest('worker', 'runner/worker.js', { saveOwnCache: false });
