// `aslint init` and `aslint print-config` as library calls: the commented starter config (and
// where editors find its schema), and the configuration that applies to a file, as shown.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PACKAGE, projectFileUrl } from '../core/package.js';
import { InputError } from '../core/types.js';
import { CONFIG_FILE_NAMES, PRESETS } from './config-schema.js';
import { ConfigResolver, isIgnored, overridesFor, type ConfigOptions } from './discovery.js';
import { EDITOR_SCHEMA_FILES } from './editor-schemas.js';

/**
 * Where editors find the config schema: the copy installed in the project's node_modules when
 * there is one (relative, so the config can be committed), else the same file of this version as
 * published on npm (served by unpkg). Never a path of this machine: the config is shared.
 */
export function configSchemaRef(dir: string): string {
  const local = join(dir, 'node_modules', 'aslint', 'schemas', EDITOR_SCHEMA_FILES.config);
  if (existsSync(local)) return `./node_modules/aslint/schemas/${EDITOR_SCHEMA_FILES.config}`;
  return publishedSchemaUrl(EDITOR_SCHEMA_FILES.config);
}

/** A schema file of this aslint version as published in the npm package. */
export function publishedSchemaUrl(file: string): string {
  return `https://unpkg.com/${PACKAGE.name}@${PACKAGE.version}/schemas/${file}`;
}

/** The starter config: every key shown, explained, and the rare ones commented out. */
export function starterConfig(schemaRef: string, preset: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
# aslint configuration: applies to the files in this folder and below.
# Reference: ${projectFileUrl('docs/config.md')}
# \`aslint print-config <file>\` shows what applies to a file; \`aslint rules\` lists the rule ids.

# Built-in presets: aslint:recommended (the bundled glossary and rule packs as they are),
# aslint:strict (misused terms and forbidden phrasing are errors), aslint:replies (for a
# canned-reply library), aslint:chat (for chat transcripts). Paths of other config files work too.
extends: ${preset}

# Stop looking for aslint.config.yaml in the folders above this one.
root: true

# Your own glossary files and rule packs, added to the bundled ones (paths relative to this file).
# glossary: [glossary/our-terms.yaml]
# rules: [rules/our-rules.yaml]

# Rule severities: off | info | warning | error, by rule id or id prefix (the most specific wins).
severity:
  # term/*: error
  # register/*: off
  # habits/*: warning

# Other severities for some files (picomatch globs relative to this file); the last match wins.
# overrides:
#   - files: ["legacy/**"]
#     severity:
#       term/*: warning

# Files a folder walk (\`aslint lint .\`) lints whatever they look like. Without it, a walk lints
# the files that read as transcripts or reply libraries (never package.json, lock files, this
# config, a baseline or a cache).
# files: ["replies/**/*.txt"]

# Files never linted.
ignores:
  - "node_modules/**"
  # - "archive/**"
`;
}

/** Writes the starter config into `dir`; returns the file name. An existing config is kept unless `force`. */
export function writeStarterConfig(dir: string, preset: string, force = false): string {
  if (!(PRESETS as readonly string[]).includes(preset)) {
    throw new InputError(`unknown preset "${preset}"`, undefined, undefined, undefined, `Use one of: ${PRESETS.join(', ')}.`);
  }
  const existing = CONFIG_FILE_NAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (existing && !force) {
    throw new InputError(
      'a config file is already here',
      relative(dir, existing),
      undefined,
      undefined,
      'Edit it, or run `aslint init --force` to replace it.',
    );
  }
  writeFileSync(join(dir, CONFIG_FILE_NAMES[0]), starterConfig(configSchemaRef(dir), preset));
  return CONFIG_FILE_NAMES[0];
}

/** The configuration that applies to a file, resolved (every extends and parent config applied), paths relative to `cwd`. */
export function shownConfig(file: string, options: ConfigOptions, cwd: string): Record<string, unknown> {
  const config = new ConfigResolver(options).forFile(file);
  const shown = (p: string) => (p.startsWith('aslint:') ? p : relative(cwd, p) || '.');
  return {
    file,
    ignored: isIgnored(config, file),
    configFiles: config.sources.map(shown),
    defaults: config.defaults,
    glossary: config.glossary.map(shown),
    rules: config.rules.map(shown),
    severity: config.severity,
    overrides: overridesFor(config, resolve(file)).map((o) => ({
      base: shown(o.base),
      files: o.files,
      ...(o.excludeFiles.length ? { excludeFiles: o.excludeFiles } : {}),
      severity: o.severity,
    })),
    files: config.files.map((f) => ({ base: shown(f.base), patterns: f.patterns, ...(f.format ? { format: f.format } : {}) })),
    ignores: config.ignores.map((i) => ({ base: shown(i.base), patterns: i.patterns })),
  };
}
