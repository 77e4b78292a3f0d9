// A lint worker thread (src/runner/pool.ts starts it): the bundled worker, run with its code cache
// by ./bundle.js, or dist/runner/worker.js when tsc has written it since the bundle was made.
// Measured: see scripts/bundle.js.
require('./bundle.js').loadNewest('worker', 'runner/worker.js');
