// Paths and small text helpers shared by the machine-readable formats.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, Severity } from '../core/types.js';
import type { Reporter } from '../runner/result.js';
import { escapeControl } from '../text/terminal.js';

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

/**
 * A file path as a URI reference relative to cwd (`%SRCROOT%` in SARIF), percent-encoded per
 * segment; a file outside cwd gets `../` segments. Never a `file:` URL: a report leaves this
 * machine (code scanning, a teammate), where this machine's paths mean nothing.
 */
export function pathUri(path: string, cwd: string): string {
  if (path === '<stdin>') return 'stdin';
  const rel = relative(resolve(cwd), resolve(cwd, path));
  // Another drive (Windows): no relative reference exists; the path's own segments are the best left.
  const segments = isAbsolute(rel)
    ? resolve(cwd, path)
        .split(sep)
        .filter((s) => s !== '')
    : rel.split(sep);
  return segments.map(encodeURIComponent).join('/');
}

/** Severities as ESLint's line formats name them. */
export const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/**
 * Text for a one-line-per-finding format: line breaks become spaces and other control characters
 * (ESC, OSC 8, bidi overrides …) visible escapes as stylish prints them, so that a message from
 * a transcript can neither split a line nor drive the terminal.
 */
export function oneLine(text: string): string {
  return escapeControl(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

/** ESLint's closing line: `1 problem`, `3 problems`. */
function problemCount(n: number): string {
  return `${n} problem${n === 1 ? '' : 's'}`;
}

/**
 * A reporter of ESLint's one-line formats (unix, compact): a line per finding, given the path as
 * shown and made one line, then the problem count; nothing when there is no finding.
 */
export function lineReporter(line: (path: string, finding: Finding) => string): Reporter {
  return (result, options) => {
    const out: string[] = [];
    for (const file of result.files) {
      const path = oneLine(displayPath(file.path, options.cwd));
      for (const f of file.findings) out.push(line(path, f));
    }
    return out.length === 0 ? '' : `${out.join('\n')}\n\n${problemCount(out.length)}\n`;
  };
}
