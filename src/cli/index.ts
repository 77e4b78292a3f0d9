// The aslint command line: thin, it parses options and calls the library.
import { Command, CommanderError } from 'commander';
import { PACKAGE } from '../core/package.js';
import { InputError } from '../core/types.js';

type Register = (program: Command, state: CommandState) => void;

/**
 * Each command's module, by the command names it registers, in the order help lists them. Only
 * the module of the command being run is loaded: the others import what `lint` never needs
 * (yaml, OpenCC's tables, spreadsheets, a browser), measured at ~100 ms of a short file's start-up.
 */
const COMMANDS: readonly [readonly string[], () => Promise<Register>][] = [
  [['lint'], async () => (await import('./lint.js')).registerLint],
  [['test'], async () => (await import('./test.js')).registerTest],
  [['handout'], async () => (await import('./handout.js')).registerHandout],
  [['glossary'], async () => (await import('./glossary.js')).registerGlossary],
  [['rules', 'explain'], async () => (await import('./rules.js')).registerRules],
  [['docs'], async () => (await import('./docs.js')).registerDocs],
  [['init', 'print-config'], async () => (await import('./config.js')).registerConfigCommands],
  [['report'], async () => (await import('./report.js')).registerReport],
];

/** The modules to load for these arguments: the named command's, or all of them (help, an unknown command). */
function commandsFor(argv: readonly string[]): (() => Promise<Register>)[] {
  // The first argument that is not an option names the command (the program's own options take no value).
  const name = argv.slice(2).find((a) => !a.startsWith('-'));
  const named = COMMANDS.find(([names]) => name !== undefined && names.includes(name));
  return named ? [named[1]] : COMMANDS.map(([, load]) => load);
}

/** What a command's action sets: the process exit code. */
export interface CommandState {
  exitCode: number;
}

export async function main(argv: readonly string[]): Promise<number> {
  const state: CommandState = { exitCode: 0 };
  const program = new Command('aslint')
    .description('Lint after-sales customer-service language: chat transcripts and canned replies.')
    .version(PACKAGE.version, '-v, --version')
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run `aslint --help` or `aslint <command> --help` for usage)');
  for (const register of await Promise.all(commandsFor(argv).map((load) => load()))) register(program, state);
  try {
    await program.parseAsync([...argv]);
    return state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof InputError) {
      // Messages may quote input (a role, a key): its control characters are shown, not obeyed.
      const { escapeControl } = await import('../text/terminal.js');
      process.stderr.write(`aslint: ${escapeControl(e.format())}\n`);
      if (program.opts().debug) process.stderr.write(`${e.stack}\n`);
      return 2;
    }
    const err = e as Error;
    const { escapeControl } = await import('../text/terminal.js');
    process.stderr.write(`aslint: ${escapeControl(err.message)}\n`);
    process.stderr.write(program.opts().debug ? `${err.stack}\n` : '  (run with --debug for the stack trace)\n');
    return 2;
  }
}
