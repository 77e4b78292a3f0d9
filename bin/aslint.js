#!/usr/bin/env node
import { statSync } from 'node:fs';

// The command line as bundled by `npm run build` (scripts/bundle.js: it starts in a third less
// time), unless tsc has written dist/ again since the bundle was made: then dist/ itself, so a run
// never uses code older than the build.
const bundled = new URL('../dist/bundle/aslint.js', import.meta.url);
const compiled = new URL('../dist/cli/index.js', import.meta.url);
const written = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const { main } = await import(written(bundled) >= written(compiled) ? bundled.href : compiled.href);

// A reader that closes early (`aslint lint … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
