// Paths and small text helpers shared by the machine-readable formats.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A finding's file as CI tools want it: relative to `cwd` with `/` when inside it, else absolute. */
export function displayPath(path: string, cwd: string): string {
  if (path === '<stdin>') return path;
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return abs;
  return rel.split(sep).join('/');
}

/** Whether displayPath gave a path relative to cwd. */
export function isInside(path: string, cwd: string): boolean {
  const shown = displayPath(path, cwd);
  return shown !== '<stdin>' && !isAbsolute(shown);
}

/** A file path as a URI reference: relative paths percent-encoded per segment, others as file: URLs. */
export function pathUri(path: string, cwd: string): { uri: string; relative: boolean } {
  if (path === '<stdin>') return { uri: 'stdin', relative: true };
  if (isInside(path, cwd)) return { uri: displayPath(path, cwd).split('/').map(encodeURIComponent).join('/'), relative: true };
  return { uri: pathToFileURL(resolve(cwd, path)).href, relative: false };
}

/** The base URI of cwd (with a trailing slash), for SARIF's originalUriBaseIds. */
export function cwdUri(cwd: string): string {
  const href = pathToFileURL(resolve(cwd)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

