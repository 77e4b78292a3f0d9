#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would start Node's ES module loader, which a
// run of the bundle never needs (measured: ~5-10 ms of CPU on an empty script, Node 20).
const { loadNewest } = require('./bundle.js');

// The command line as bundled by `npm run build` (scripts/bundle.js; run with its code cache by
// ./bundle.js), or dist/cli/index.js when tsc has written it since.
const entry = loadNewest('aslint', 'cli/index.js');

// A reader that closes early (`aslint lint … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

entry
  .then(({ main }) => main(process.argv))
  .then((code) => {
    process.exitCode = code;
  });
