// Options that several commands share, declared once so they read and behave alike.
import type { Command } from 'commander';

/** For repeatable options: `--rules a.yaml --rules b.yaml` → [a.yaml, b.yaml]. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** --glossary / --rules (repeatable, so they never swallow a path argument) and --no-defaults. */
export function ruleSourceOptions(command: Command): Command {
  return command
    .option('--glossary <file>', 'a glossary file to add to the bundled glossary (repeatable)', collect, [])
    .option('--rules <file>', 'a rule pack to add to the bundled packs (repeatable)', collect, [])
    .option('--no-defaults', 'do not load the bundled glossary and rule packs');
}

/** --glossary (a file or a folder of them, repeatable) and --no-defaults, for the commands that use only the glossary. */
export function glossarySourceOptions(command: Command): Command {
  return command
    .option('--glossary <file>', 'a glossary file or folder to add to the bundled glossary (repeatable)', collect, [])
    .option('--no-defaults', 'do not load the bundled glossary');
}

/** -c / --no-config. */
export function configOptions(command: Command): Command {
  return command.option('-c, --config <file>', 'use this config file instead of looking for aslint.config.yaml').option('--no-config', 'use no config file');
}
