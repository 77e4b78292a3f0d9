// aslint.config.yaml: found from the linted file's folder upward (configs further up apply first,
// nearer ones override them; `root: true` stops the search), with `extends` (built-in presets or
// other config files), extra glossary and rule files, rule severities by id or prefix, per-file
// `overrides` and `ignores` (picomatch globs relative to the config file).
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { InputError, type LintOptions, type Role, type Severity } from '../core/types.js';
import type { SourceFormat } from '../sources/index.js';
import { patternSpecificity } from '../core/rule-pattern.js';
import { CONFIG_FILE_NAMES, configSchema, PRESETS, type ConfigSeverity, type PresetName } from './config-schema.js';
import { readYamlFile, validate, type YamlFile } from '../yaml/file.js';

/** A config file as written (after validation). */
export interface ConfigData {
  root?: boolean;
  extends?: string | string[];
  defaults?: boolean;
  glossary?: string | string[] | null;
  rules?: string | string[] | null;
  severity?: Record<string, ConfigSeverity> | null;
  overrides?: { files: string | string[]; excludeFiles?: string | string[]; severity: Record<string, ConfigSeverity> }[] | null;
  ignores?: string | string[] | null;
  files?: (string | { files: string | string[]; format?: SourceFormat })[] | null;
  input?: InputConfig | null;
  channel?: string;
}

/** The config's `input` section (docs/inputs.md). */
export interface InputConfig {
  columns?: Record<string, string>;
  roles?: Record<string, Role>;
  /** Read into ResolvedConfig.lint. */
  excerpts?: boolean;
}

export interface Override {
  /** The folder the globs are relative to. */
  base: string;
  files: string[];
  excludeFiles: string[];
  severity: Record<string, ConfigSeverity>;
}

/** A configuration with every extends and every config file up the tree applied. */
export interface ResolvedConfig {
  /** Config files that made it, in the order applied (presets as `aslint:…`). */
  sources: string[];
  /** Load the bundled glossary and rule packs. */
  defaults: boolean;
  /** Absolute paths. */
  glossary: string[];
  rules: string[];
  severity: Record<string, ConfigSeverity>;
  overrides: Override[];
  ignores: { base: string; patterns: string[] }[];
  /** `files` entries: the input files (a folder walk lints them whatever their content), and the format of some. */
  files: { base: string; patterns: string[]; format?: SourceFormat }[];
  /** Column and role names of the exports (nearer configs add to and override further ones). */
  input: Pick<InputConfig, 'columns' | 'roles'>;
  /** What the linter is told about the input (`input.excerpts`, `channel`). */
  lint: LintOptions;
}

/** The built-in presets, as config data. */
export const PRESET_CONFIGS: Record<PresetName, ConfigData> = {
  'aslint:recommended': { defaults: true },
  'aslint:strict': {
    extends: 'aslint:recommended',
    severity: { 'term/*': 'error', 'register/*': 'warning', 'forbidden/*': 'error', 'apology/*': 'error', 'habits/*': 'warning' },
  },
  // A canned-reply library is written once and sent thousands of times: every misused term is an
  // error, jargon a warning. (Conversation rules do not apply to replies.)
  'aslint:replies': { extends: 'aslint:recommended', severity: { 'term/*': 'error', 'register/*': 'warning' } },
  // Live chat is judged by QA: jargon in a live answer is not worth a note.
  'aslint:chat': { extends: 'aslint:recommended', severity: { 'register/*': 'off' } },
};

const list = (v: string | string[] | undefined | null): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

export function emptyConfig(): ResolvedConfig {
  return { sources: [], defaults: true, glossary: [], rules: [], severity: {}, overrides: [], ignores: [], files: [], input: {}, lint: {} };
}

function merge(into: ResolvedConfig, data: ConfigData, base: string, source: string): void {
  into.sources.push(source);
  if (data.defaults !== undefined) into.defaults = data.defaults;
  for (const g of list(data.glossary)) {
    const p = resolve(base, g);
    if (!into.glossary.includes(p)) into.glossary.push(p);
  }
  for (const r of list(data.rules)) {
    const p = resolve(base, r);
    if (!into.rules.includes(p)) into.rules.push(p);
  }
  Object.assign(into.severity, data.severity ?? {});
  for (const o of data.overrides ?? []) into.overrides.push({ base, files: list(o.files), excludeFiles: list(o.excludeFiles), severity: { ...o.severity } });
  const ignores = list(data.ignores);
  if (ignores.length > 0) into.ignores.push({ base, patterns: ignores });
  for (const f of data.files ?? [])
    into.files.push(typeof f === 'string' ? { base, patterns: [f] } : { base, patterns: list(f.files), ...(f.format ? { format: f.format } : {}) });
  if (data.input) {
    const { columns, roles } = data.input;
    into.input = {
      ...into.input,
      ...(columns ? { columns: { ...into.input.columns, ...columns } } : {}),
      ...(roles ? { roles: { ...into.input.roles, ...roles } } : {}),
    };
  }
  if (data.input?.excerpts !== undefined) into.lint.excerpts = data.input.excerpts;
  if (data.channel !== undefined) into.lint.channel = data.channel;
}

/** Reads and validates one config file; errors name the file, line and column. */
export function readConfigFile(path: string): { data: ConfigData; file: YamlFile } {
  const file = readYamlFile(path);
  const data = (file.data ?? {}) as ConfigData;
  validate(file, data, configSchema, [], 'config');
  return { data, file };
}

const MAX_EXTENDS_DEPTH = 32;

/** Why a glob is malformed (an unclosed `[` or `{`), or null. */
function globProblem(glob: string): string | null {
  let square = 0;
  let curly = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '[') square++;
    else if (c === ']' && square > 0) square--;
    else if (c === '{') curly++;
    else if (c === '}' && curly > 0) curly--;
  }
  if (square > 0) return 'has a [ that is never closed';
  if (curly > 0) return 'has a { that is never closed';
  return null;
}

/** Applies a config file (or preset) and what it extends, extends first. */
function applyConfig(into: ResolvedConfig, ref: string, stack: string[], at?: { file: YamlFile; index: number | null }): void {
  if ((PRESETS as readonly string[]).includes(ref)) {
    if (stack.includes(ref)) return;
    const data = PRESET_CONFIGS[ref as PresetName];
    for (const e of list(data.extends)) applyConfig(into, e, [...stack, ref]);
    merge(into, data, process.cwd(), ref);
    return;
  }
  if (!existsSync(ref)) {
    const path = at ? ['extends', ...(at.index === null ? [] : [at.index])] : [];
    if (at)
      throw at.file.error(
        path,
        `extends a config file that does not exist: ${ref}`,
        'Check the path (relative to this config file), or use a preset: ' + PRESETS.join(', ') + '.',
      );
    throw new InputError(`no such config file: ${ref}`, undefined, undefined, undefined, 'Check the path.');
  }
  if (stack.includes(ref)) {
    const message = `config files extend each other in a circle: ${[...stack, ref].join(' → ')}`;
    if (at) throw at.file.error(['extends', ...(at.index === null ? [] : [at.index])], message, 'Remove one of the extends.');
    throw new InputError(message, ref, undefined, undefined, 'Remove one of the extends.');
  }
  // Each extends is a recursive call: 2,000 levels overflowed the stack.
  if (stack.length >= MAX_EXTENDS_DEPTH && at) {
    throw at.file.error(
      ['extends', ...(at.index === null ? [] : [at.index])],
      `config files extend each other more than ${MAX_EXTENDS_DEPTH} levels deep`,
      'Extend the files you need directly from one config.',
    );
  }
  const { data, file } = readConfigFile(ref);
  for (const [key, patterns] of [['ignores', list(data.ignores)]] as const) {
    patterns.forEach((p, i) => {
      const problem = globProblem(p);
      if (problem)
        throw file.error(
          Array.isArray(data[key]) ? [key, i] : [key],
          `${key}: "${p}" ${problem}`,
          'Close the bracket or brace, or escape it with a backslash to match it literally.',
        );
    });
  }
  const base = dirname(ref);
  const ext = data.extends;
  list(ext).forEach((e, i) => {
    const target = (PRESETS as readonly string[]).includes(e) ? e : resolve(base, e);
    applyConfig(into, target, [...stack, ref], { file, index: Array.isArray(ext) ? i : null });
  });
  merge(into, data, base, ref);
}

/** Resolves one config file on its own (for `-c`). */
export function loadConfigFile(path: string): ResolvedConfig {
  const config = emptyConfig();
  applyConfig(config, resolve(path), []);
  return config;
}

/** The config file in a folder, if any. */
function configIn(dir: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const p = join(dir, name);
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return undefined;
}

/** The config files that apply in a folder, nearest last; stops at `root: true`. */
export function findConfigFiles(dir: string): string[] {
  const found: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const file = configIn(current);
    if (file) {
      found.unshift(file);
      if (readConfigFile(file).data.root === true) break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return found;
}

export interface ConfigOptions {
  /** An explicit config file: used instead of discovery. */
  config?: string;
  /** false: no config file at all (--no-config). */
  useConfig?: boolean;
  /** false: no file is ignored, whatever the configs say (--no-ignore). */
  ignore?: boolean;
  /** More ignore patterns, relative to the working folder (--ignore-pattern). */
  ignorePatterns?: readonly string[];
}

/** Finds and resolves configs per folder, each once. */
export class ConfigResolver {
  private readonly byDir = new Map<string, ResolvedConfig>();
  /** By the folder as the file's path names it: the files of a folder skip resolving their path. */
  private readonly byNamedDir = new Map<string, ResolvedConfig>();
  private explicit: ResolvedConfig | undefined;

  constructor(private readonly options: ConfigOptions = {}) {}

  /** The configuration that applies to a file (or, for stdin, to the working folder). */
  forFile(file: string): ResolvedConfig {
    if (this.options.useConfig === false) {
      this.explicit ??= this.withCommandLine(emptyConfig());
      return this.explicit;
    }
    if (this.options.config) {
      this.explicit ??= this.withCommandLine(loadConfigFile(this.options.config));
      return this.explicit;
    }
    if (file === '<stdin>') return this.forDir(process.cwd());
    // A path ending in a separator, . or .. : dirname() alone does not name its folder.
    if (/(^|[\\/])\.{0,2}$/.test(file)) return this.forDir(dirname(resolve(file)));
    const named = dirname(file);
    let config = this.byNamedDir.get(named);
    if (!config) {
      config = this.forDir(resolve(named));
      this.byNamedDir.set(named, config);
    }
    return config;
  }

  private forDir(dir: string): ResolvedConfig {
    let config = this.byDir.get(dir);
    if (!config) {
      config = emptyConfig();
      for (const f of findConfigFiles(dir)) applyConfig(config, f, []);
      config = this.withCommandLine(config);
      this.byDir.set(dir, config);
    }
    return config;
  }

  /** --no-ignore drops every ignore pattern; --ignore-pattern adds patterns relative to cwd (as ESLint). */
  private withCommandLine(config: ResolvedConfig): ResolvedConfig {
    if (this.options.ignore === false) return { ...config, ignores: [] };
    const extra = this.options.ignorePatterns ?? [];
    return extra.length === 0 ? config : { ...config, ignores: [...config.ignores, { base: process.cwd(), patterns: [...extra] }] };
  }
}

function relativeTo(base: string, file: string): string | undefined {
  const rel = relative(base, resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

const matchers = new Map<string, picomatch.Matcher>();
function globMatch(patterns: readonly string[], path: string): boolean {
  return patterns.some((p) => {
    let m = matchers.get(p);
    if (!m) {
      m = picomatch(p, { dot: true });
      matchers.set(p, m);
    }
    // A pattern without a slash matches the name at any depth, as in .gitignore.
    return m(path) || (!p.includes('/') && m(path.split('/').pop()!));
  });
}

/** Whether the config's `files` patterns name a file. */
export function isNamedByFiles(config: ResolvedConfig, file: string): boolean {
  return config.files.some(({ base, patterns }) => {
    const rel = relativeTo(base, file);
    return rel !== undefined && globMatch(patterns, rel);
  });
}

/** Whether the config ignores a file. */
export function isIgnored(config: ResolvedConfig, file: string): boolean {
  return config.ignores.some(({ base, patterns }) => {
    const rel = relativeTo(base, file);
    if (rel === undefined) return false;
    // A folder pattern (`archive/` or `archive`) ignores everything under it.
    return (
      globMatch(patterns, rel) ||
      globMatch(
        patterns.map((p) => `${p.replace(/\/+$/, '')}/**`),
        rel,
      )
    );
  });
}

/** The input format the config states for a file (the last matching `files` entry with a format). */
export function formatFor(config: ResolvedConfig, file: string): SourceFormat | undefined {
  let format: SourceFormat | undefined;
  for (const f of config.files) {
    const rel = f.format ? relativeTo(f.base, file) : undefined;
    if (rel !== undefined && globMatch(f.patterns, rel)) format = f.format;
  }
  return format;
}

function lookup(map: Record<string, ConfigSeverity>, ruleId: string): ConfigSeverity | undefined {
  let best: ConfigSeverity | undefined;
  let score = -1;
  for (const [key, value] of Object.entries(map)) {
    const s = patternSpecificity(key, ruleId);
    if (s > score) {
      score = s;
      best = value;
    }
  }
  return best;
}

/** The overrides that apply to a file, in order. */
export function overridesFor(config: ResolvedConfig, file: string): Override[] {
  return config.overrides.filter((o) => {
    const rel = relativeTo(o.base, file);
    return rel !== undefined && globMatch(o.files, rel) && !globMatch(o.excludeFiles, rel);
  });
}

/**
 * The severity of a rule in a file: the last matching override that names the rule (most
 * specific key first), else the config's own severities, else the rule's default.
 */
export function severityFor(config: ResolvedConfig, ruleId: string, file: string, fallback: Severity, overrides = overridesFor(config, file)): ConfigSeverity {
  for (let i = overrides.length - 1; i >= 0; i--) {
    const s = lookup(overrides[i]!.severity, ruleId);
    if (s) return s;
  }
  return lookup(config.severity, ruleId) ?? fallback;
}

/** Keys already made: a run asks for the key of its few configs once per file. */
const sourcesKeys = new WeakMap<ResolvedConfig, string>();

/** A stable key of what a config loads (for the rule-set and result caches). */
export function ruleSourcesKey(config: ResolvedConfig): string {
  let key = sourcesKeys.get(config);
  if (key === undefined) {
    key = JSON.stringify({ defaults: config.defaults, glossary: config.glossary, rules: config.rules });
    sourcesKeys.set(config, key);
  }
  return key;
}
