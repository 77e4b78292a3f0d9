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

// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates (paired ones are
// fine as one character), U+FFFE and U+FFFF.
const XML_INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML element body; CR as a character reference, since parsers turn a raw CR into LF. */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Text for a double-quoted XML attribute; line breaks and tabs kept as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
