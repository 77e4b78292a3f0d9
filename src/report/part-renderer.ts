// Where a worker finds the renderer of a part of a large file (report/render.ts). The runner, a
// layer below the reports, does not import it, and a worker thread cannot be handed a function:
// a streamed report's RenderSpec names the module instead (in the unbundled build, as the worker
// script itself is).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../core/package.js';

export const PART_RENDERER = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'report', 'render.js')).href;
