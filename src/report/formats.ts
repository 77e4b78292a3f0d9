import type { Reporter } from './result.js';

/** Output formats by name, imported only when used. */
export const FORMATS: Record<string, () => Promise<Reporter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
};
