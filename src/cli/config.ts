// `aslint init` writes a commented starter aslint.config.yaml; `aslint print-config <file>` shows
// the configuration that applies to a file, resolved (every extends and parent config applied).
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { CONFIG_FILE_NAMES, PRESETS } from '../config/config-schema.js';
import { ConfigResolver, isIgnored, overridesFor } from '../config/discovery.js';
import { EDITOR_SCHEMA_FILES } from '../config/editor-schemas.js';
import { PACKAGE, projectFileUrl } from '../core/package.js';
import { InputError } from '../core/types.js';
import type { CommandState } from './index.js';

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

interface InitOptions {
  preset: string;
  force?: boolean;
}

interface PrintConfigOptions {
  config?: string | false;
  json?: boolean;
}

export function registerConfigCommands(program: Command, _state: CommandState): void {
  program
    .command('init')
    .description('write a commented starter aslint.config.yaml in this folder')
    .option('--preset <name>', `the preset to extend: ${PRESETS.join(', ')}`, 'aslint:recommended')
    .option('--force', 'overwrite an existing config file')
    .action((options: InitOptions) => {
      if (!(PRESETS as readonly string[]).includes(options.preset)) {
        throw new InputError(`unknown preset "${options.preset}"`, undefined, undefined, undefined, `Use one of: ${PRESETS.join(', ')}.`);
      }
      const cwd = process.cwd();
      const existing = CONFIG_FILE_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
      if (existing && !options.force) {
        throw new InputError('a config file is already here', relative(cwd, existing), undefined, undefined, 'Edit it, or run `aslint init --force` to replace it.');
      }
      const path = join(cwd, CONFIG_FILE_NAMES[0]);
      writeFileSync(path, starterConfig(configSchemaRef(cwd), options.preset));
      process.stdout.write(`wrote ${CONFIG_FILE_NAMES[0]} (extends ${options.preset})\n`);
    });

  program
    .command('print-config')
    .description('show the configuration that applies to a file, resolved')
    .argument('<file>', 'a file to lint (it need not exist)')
    .option('-c, --config <file>', 'use this config file instead of looking for aslint.config.yaml')
    .option('--no-config', 'use no config file')
    .option('--json', 'print JSON instead of YAML')
    .action((file: string, options: PrintConfigOptions) => {
      const resolver = new ConfigResolver({ config: typeof options.config === 'string' ? options.config : undefined, useConfig: options.config !== false });
      const config = resolver.forFile(file);
      const cwd = process.cwd();
      const shown = (p: string) => (p.startsWith('aslint:') ? p : relative(cwd, p) || '.');
      const out = {
        file,
        ignored: isIgnored(config, file),
        configFiles: config.sources.map(shown),
        defaults: config.defaults,
        glossary: config.glossary.map(shown),
        rules: config.rules.map(shown),
        severity: config.severity,
        overrides: overridesFor(config, resolve(file)).map((o) => ({ base: shown(o.base), files: o.files, ...(o.excludeFiles.length ? { excludeFiles: o.excludeFiles } : {}), severity: o.severity })),
        files: config.files.map((f) => ({ base: shown(f.base), patterns: f.patterns, ...(f.format ? { format: f.format } : {}) })),
        ignores: config.ignores.map((i) => ({ base: shown(i.base), patterns: i.patterns })),
      };
      process.stdout.write(options.json ? JSON.stringify(out, null, 2) + '\n' : stringify(out, { lineWidth: 0 }));
    });
}
