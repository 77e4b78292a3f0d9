import { InputError, type Conversation, type ReadProblem, type Utterance } from '../../src/core/types.js';
import type { SourceDocument } from '../../src/sources/index.js';

/** Every conversation of a document, problems (records that can't be read) included. */
export async function all(doc: SourceDocument): Promise<Conversation[]> {
  const out: Conversation[] = [];
  for await (const c of doc.conversations) out.push(c);
  return out;
}

/** The problems of a document, as `line:column message`. */
export async function problems(doc: SourceDocument): Promise<ReadProblem[]> {
  return (await all(doc)).flatMap((c) => c.problems ?? []);
}

/** The conversations of a document; its first unreadable record is thrown as an InputError. */
export async function collect(doc: SourceDocument): Promise<Conversation[]> {
  const out = await all(doc);
  const p = out.flatMap((c) => c.problems ?? [])[0];
  if (p) throw new InputError(p.message, doc.path, p.line, p.column, p.hint);
  return out.filter((c) => c.units.length > 0 || !c.problems);
}

export async function units(doc: SourceDocument): Promise<Utterance[]> {
  return (await collect(doc)).flatMap((c) => c.units);
}

/** `line:column` of text offset i. */
export function at(u: Utterance, i: number): string {
  const p = u.locate(i);
  return `${p.line}:${p.column}`;
}

/** Line/column of a decoded-text offset, computed independently from the source text. */
export function pointIn(src: string, offset: number): string {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${column}`;
}

/** Every locate() result is consistent: its line/column is where its offset is in `src`. */
export function checkConsistent(u: Utterance, src: string): void {
  for (let i = 0; i <= u.text.length; i++) {
    const p = u.locate(i);
    const want = pointIn(src, p.offset);
    if (`${p.line}:${p.column}` !== want) throw new Error(`${u.id} offset ${i}: ${p.line}:${p.column} != ${want}`);
    if (i > 0 && p.offset < u.locate(i - 1).offset) throw new Error(`${u.id} offset ${i} goes backwards`);
  }
}

/** The unit's text offset of `needle` (the first occurrence after `from`). */
export function idx(u: Utterance, needle: string, from = 0): number {
  const i = u.text.indexOf(needle, from);
  if (i < 0) throw new Error(`${needle} not in ${JSON.stringify(u.text)}`);
  return i;
}

/**
 * Each text character maps to the same character in the source, or to the start of an escape or
 * folded line break — so no fallback (every offset at the value's start) went unnoticed.
 */
export function checkFaithful(u: Utterance, src: string): void {
  for (let i = 0; i < u.text.length; i++) {
    const o = u.locate(i).offset;
    if (src[o] !== u.text[i] && !['\\', "'", ' ', '\t', '\r', '\n', '"'].includes(src[o]!))
      throw new Error(`${u.id} offset ${i}: ${JSON.stringify(u.text[i])} maps to ${JSON.stringify(src.slice(o, o + 3))}`);
  }
}
