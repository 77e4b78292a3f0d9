#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module entry would start Node's ES module loader, which a
// run of the bundle never needs (measured: ~5-10 ms of CPU on an empty script, Node 20).
const { statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { loadBundle } = require('./bundle.js');

// The command line as bundled by `npm run build` (scripts/bundle.js; run with its code cache by
// ./bundle.js), unless tsc has written dist/ again since the bundle was made: then dist/ itself,
// so a run never uses code older than the build.
const bundled = join(__dirname, '..', 'dist', 'bundle', 'aslint.cjs');
const compiled = join(__dirname, '..', 'dist', 'cli', 'index.js');
const written = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = written(bundled) >= written(compiled) ? Promise.resolve(loadBundle(bundled)) : import(pathToFileURL(compiled).href);

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
