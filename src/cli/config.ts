// `aslint init` writes a commented starter aslint.config.yaml; `aslint print-config <file>` shows
// the configuration that applies to a file, resolved (every extends and parent config applied).
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { PRESETS } from '../config/config-schema.js';
import { shownConfig, writeStarterConfig } from '../config/starter.js';
import { configOptionsOf, type ConfigChoice } from '../runner/options.js';
import type { CommandState } from './index.js';
import { configOptions } from './options.js';

interface InitOptions {
  preset: string;
  force?: boolean;
}

interface PrintConfigOptions extends ConfigChoice {
  json?: boolean;
}

export function registerConfigCommands(program: Command, _state: CommandState): void {
  program
    .command('init')
    .description('write a commented starter aslint.config.yaml in this folder')
    .option('--preset <name>', `the preset to extend: ${PRESETS.join(', ')}`, 'aslint:recommended')
    .option('--force', 'overwrite an existing config file')
    .action((options: InitOptions) => {
      const name = writeStarterConfig(process.cwd(), options.preset, options.force);
      process.stdout.write(`wrote ${name} (extends ${options.preset})\n`);
    });

  configOptions(
    program
      .command('print-config')
      .description('show the configuration that applies to a file, resolved')
      .argument('<file>', 'a file to lint (it need not exist)')
      .option('--json', 'print JSON instead of YAML'),
  ).action((file: string, options: PrintConfigOptions) => {
    const out = shownConfig(file, configOptionsOf(options), process.cwd());
    process.stdout.write(options.json ? JSON.stringify(out, null, 2) + '\n' : stringify(out, { lineWidth: 0 }));
  });
}
