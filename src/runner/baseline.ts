// Baselines: `--write-baseline <file>` records today's findings, `--baseline <file>` reports only
// findings that are not in it, so a team can adopt aslint on a legacy library at once and fix the
// old findings over time. A finding is known by its content — file, rule, the text of its unit
// (the reply, the turn, or the disable comment) and the flagged text — never by a line number or
// an id made of one (`L12`), so lines added above do not bring old findings back; the count per
// key (the occurrence) lets a second copy of a recorded finding show as new.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { JsonSyntaxError, parseJson } from '../sources/json.js';
import { LineMap } from '../sources/positions.js';
import type { FileResult } from './result.js';
import { InputError, type Finding } from '../core/types.js';

export interface BaselineEntry {
  path: string;
  ruleId: string;
  /** The whole text of the finding's unit: the reply, the turn or the disable comment. */
  unitText: string;
  /** The flagged text. */
  text: string;
  count: number;
}

const VERSION = 2;

interface BaselineData {
  version: typeof VERSION;
  findings: BaselineEntry[];
}

function keyOf(path: string, unitText: string, f: { ruleId: string; text: string }): string {
  return JSON.stringify([path, f.ruleId, unitText, f.text]);
}

export class Baseline {
  private constructor(
    readonly location: string,
    private readonly counts: Map<string, BaselineEntry>,
  ) {}

  /** A file's path as the baseline records it: relative to the baseline's folder, with `/`. */
  private pathOf(file: string): string {
    if (file === '<stdin>') return file;
    const rel = relative(dirname(resolve(this.location)), resolve(file));
    return isAbsolute(rel) ? rel : rel.split(sep).join('/');
  }

  static fromFiles(files: readonly FileResult[], location: string): Baseline {
    const b = new Baseline(location, new Map());
    for (const file of files) {
      const path = b.pathOf(file.path);
      for (const f of file.findings) {
        const k = keyOf(path, f.utterance, f);
        const e = b.counts.get(k);
        if (e) e.count++;
        else b.counts.set(k, { path, ruleId: f.ruleId, unitText: f.utterance, text: f.text, count: 1 });
      }
    }
    return b;
  }

  static async load(location: string): Promise<Baseline> {
    let data: BaselineData;
    let source: string;
    try {
      source = await readFile(location, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(
        code === 'ENOENT' ? 'no such baseline file' : `cannot read the baseline: ${code ?? (e as Error).message}`,
        location,
        undefined,
        undefined,
        'Write one with --write-baseline <file>.',
      );
    }
    try {
      data = JSON.parse(source) as BaselineData;
    } catch (e) {
      const at = syntaxErrorAt(source);
      throw new InputError(
        `the baseline is not valid JSON: ${(e as Error).message}`,
        location,
        at.line,
        at.column,
        'Write it again with --write-baseline <file>.',
      );
    }
    if ((data as { version?: unknown })?.version === 1) {
      throw new InputError(
        'a baseline of an older aslint (version 1, keyed on line-based ids)',
        location,
        undefined,
        undefined,
        'Write it again with --write-baseline <file>: findings are now known by their content.',
      );
    }
    if (data?.version !== VERSION || !Array.isArray(data.findings)) {
      throw new InputError(`not an aslint baseline (version ${VERSION})`, location, undefined, undefined, 'Write one with --write-baseline <file>.');
    }
    const bad = data.findings.findIndex((e) => !isEntry(e));
    if (bad >= 0) {
      const at = entryAt(source, bad);
      throw new InputError(
        'this baseline entry is not {"path", "ruleId", "unitText", "text": strings, "count": a whole number above 0}',
        location,
        at.line,
        at.column,
        'Write the baseline again with --write-baseline <file>, or remove the entry.',
      );
    }
    const b = new Baseline(location, new Map());
    for (const e of data.findings) b.counts.set(keyOf(e.path, e.unitText, e), { ...e });
    return b;
  }

  /** The findings of a file that the baseline does not account for. */
  filter(file: string, findings: readonly Finding[]): Finding[] {
    return this.filterFor(file)(findings);
  }

  /** filter() for a file whose findings come in parts, in order: occurrences count across the parts. */
  filterFor(file: string): (findings: readonly Finding[]) => Finding[] {
    const path = this.pathOf(file);
    const left = new Map<string, number>();
    return (findings) =>
      findings.filter((f) => {
        const k = keyOf(path, f.utterance, f);
        const known = left.get(k) ?? this.counts.get(k)?.count ?? 0;
        if (known > 0) {
          left.set(k, known - 1);
          return false;
        }
        return true;
      });
  }

  get size(): number {
    let n = 0;
    for (const e of this.counts.values()) n += e.count;
    return n;
  }

  async save(): Promise<void> {
    const findings = [...this.counts.values()].sort(
      (a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.unitText.localeCompare(b.unitText) || a.text.localeCompare(b.text),
    );
    const data: BaselineData = { version: VERSION, findings };
    await writeFileAtomic(this.location, JSON.stringify(data, null, 2) + '\n');
  }
}

function isEntry(e: unknown): e is BaselineEntry {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return false;
  const o = e as Record<string, unknown>;
  return ['path', 'ruleId', 'unitText', 'text'].every((k) => typeof o[k] === 'string') && Number.isInteger(o.count) && (o.count as number) > 0;
}

/** Line and column of the i-th entry of `findings` in the baseline's text. */
function entryAt(source: string, index: number): { line: number; column: number } {
  const root = parseJson(source);
  const findings = root.kind === 'object' ? root.entries.filter((e) => e.key === 'findings').pop()?.value : undefined;
  const node = findings?.kind === 'array' ? findings.items[index] : undefined;
  return new LineMap(source).point(node?.start ?? 0);
}

function syntaxErrorAt(source: string): { line: number; column: number } {
  try {
    parseJson(source);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return new LineMap(source).point(e.offset);
  }
  return { line: 1, column: 1 };
}
