import type { AnyCheckKind } from './kind.js';
import { conditional } from './conditional.js';
import { forbidden } from './forbidden.js';
import { position } from './position.js';
import { register } from './register.js';
import { require } from './require.js';
import { term } from './term.js';
import { timing } from './timing.js';

/** Every check kind, by name. */
export const CHECK_KINDS: ReadonlyMap<string, AnyCheckKind> = new Map(
  [term, register, forbidden, require, position, conditional, timing].map((k) => [k.name, k as AnyCheckKind]),
);

/** The kinds a rule pack may use (term and register are made from the glossary). */
export function packKinds(): AnyCheckKind[] {
  return [...CHECK_KINDS.values()].filter((k) => k.properties !== null);
}
