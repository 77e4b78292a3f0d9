import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUARD_LISTS } from '../../src/match/guards.js';

const FORMATS = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'formats.md'), 'utf8');

describe('docs/formats.md', () => {
  it('lists the standard guard lists exactly as the code defines them', () => {
    const documented = Object.fromEntries([...FORMATS.matchAll(/^- `(\$[a-z]+)`: (.+)$/gm)].map((m) => [m[1], m[2]!.split(', ')]));
    expect(documented).toEqual(GUARD_LISTS);
  });
});
