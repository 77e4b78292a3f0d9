// Where a worker finds the renderer of a part of a large file (report/render.ts). The runner, a
// layer below the reports, does not import it, and a worker thread cannot be handed a function:
// a streamed report's RenderSpec names the module instead, by the file URL of its build in dist/.
// A bundled worker's import() of that URL loads the bundle's own entry for it, which shares the
// worker's chunks (bin/bundle.js BUNDLED_MODULES).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../core/package.js';

export const PART_RENDERER = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'report', 'render.js')).href;
