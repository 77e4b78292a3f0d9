// The layers of src/ (docs/architecture.md): a folder imports only from the folders below it, so
// the import graph of the folders has no cycle. Imports are read with TypeScript's own
// pre-processor (static imports, `export … from`, `import type` and dynamic `import()`; comments
// and strings are skipped).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The layers, lowest first. `index.ts` is the library's public API, the one root file. */
const LAYERS = ['core', 'text', 'sources', 'yaml', 'glossary', 'match', 'checks', 'packs', 'config', 'engine', 'runner', 'report', 'index.ts', 'cli'] as const;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

interface ImportEdge {
  /** The importing file, relative to the repository (`src/engine/lint.ts`). */
  file: string;
  line: number;
  /** The file it imports, relative to the repository. */
  target: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of the .ts files under src/, with the line it is on. */
function importEdges(files: readonly string[] = sourceFiles(SRC)): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest);
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = resolve(dirname(path), imported.fileName).replace(/\.js$/, '.ts');
      const line = source.getLineAndCharacterOfPosition(imported.pos).line + 1;
      edges.push({ file: relative(ROOT, path).split(sep).join('/'), line, target: relative(ROOT, target).split(sep).join('/') });
    }
  }
  return edges;
}

/** The layer of a file: its first folder under src/, or the file's own name for a root file. */
function layerOf(file: string): string {
  const parts = file.replace(/^src\//, '').split('/');
  return parts[0]!;
}

/** Imports from a lower layer to a higher one, and files in no layer, as `file:line: why`. */
function layerViolations(edges: readonly ImportEdge[], layers: readonly string[] = LAYERS): string[] {
  const problems: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.file);
    const to = layerOf(e.target);
    if (from === to) continue;
    const a = layers.indexOf(from);
    const b = layers.indexOf(to);
    if (a < 0) problems.push(`${e.file}:${e.line}: src/${from} is in no layer: add it to LAYERS in test/architecture.test.ts and to docs/architecture.md`);
    else if (b < 0) problems.push(`${e.file}:${e.line}: imports ${e.target}, and src/${to} is in no layer`);
    else if (b > a) problems.push(`${e.file}:${e.line}: ${from} imports ${e.target} from ${to}, a higher layer`);
  }
  return problems;
}

/** Cycles between folders (strongly connected components of two or more), each with the imports that close it. */
function folderCycles(edges: readonly ImportEdge[]): string[] {
  const graph = new Map<string, Map<string, ImportEdge>>();
  for (const e of edges) {
    const from = layerOf(e.file);
    const to = layerOf(e.target);
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.has(to)) graph.set(to, new Map());
    if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, e);
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!.keys()) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((c) => {
    const inside = c.flatMap((from) => [...graph.get(from)!].filter(([to]) => c.includes(to)).map(([, e]) => `${e.file}:${e.line} → ${e.target}`));
    return `folders ${c.join(', ')} import each other: ${inside.join('; ')}`;
  });
}

describe('the layers of src/', () => {
  const edges = importEdges();

  it('reads static, type-only, re-export and dynamic imports with their lines', () => {
    // src/runner/run.ts loads the dismissals file lazily: a dynamic import() counts like a static one.
    const run = edges.filter((e) => e.file === 'src/runner/run.ts');
    expect(run.map((e) => e.target)).toContain('src/runner/dismissed.ts');
    expect(edges.some((e) => e.file === 'src/index.ts' && e.target === 'src/core/types.ts')).toBe(true);
    expect(edges.every((e) => e.line >= 1)).toBe(true);
  });

  it('names every folder of src/ in a layer', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const rootFiles = readdirSync(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    expect([...folders, ...rootFiles].filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
    expect(LAYERS.filter((l) => !folders.includes(l) && !rootFiles.includes(l))).toEqual([]);
  });

  it('has no import from a lower layer to a higher one', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('reports an upward import and a cycle with the file and line', () => {
    const made: ImportEdge[] = [
      { file: 'src/engine/lint.ts', line: 3, target: 'src/report/json.ts' },
      { file: 'src/report/json.ts', line: 7, target: 'src/engine/lint.ts' },
      { file: 'src/novel/a.ts', line: 1, target: 'src/core/types.ts' },
    ];
    expect(layerViolations(made)).toEqual([
      'src/engine/lint.ts:3: engine imports src/report/json.ts from report, a higher layer',
      'src/novel/a.ts:1: src/novel is in no layer: add it to LAYERS in test/architecture.test.ts and to docs/architecture.md',
    ]);
    expect(folderCycles(made)).toEqual([
      'folders engine, report import each other: src/engine/lint.ts:3 → src/report/json.ts; src/report/json.ts:7 → src/engine/lint.ts',
    ]);
  });
});

describe('docs/architecture.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');

  it('lists the layers the test enforces', () => {
    const line = doc.split('\n').find((l) => l.startsWith('Layers, lowest first:'));
    expect(line?.match(/`[^`]+`/g)?.map((l) => l.slice(1, -1))).toEqual([...LAYERS]);
  });

  it('names only src/ folders and files that exist (README.md too)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const named = [...`${doc}\n${readme}`.matchAll(/\bsrc\/[\w./<>-]*/g)].map((m) => m[0].replace(/[.]+$/, '')).filter((p) => !p.includes('<'));
    expect(named.length).toBeGreaterThan(40);
    expect([...new Set(named)].filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });
});
