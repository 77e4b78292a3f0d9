// The aslint command line: thin, it parses options and calls the library.
import { Command, CommanderError } from 'commander';
import { PACKAGE } from '../core/package.js';
import { escapeControl } from '../text/terminal.js';
import { InputError } from '../core/types.js';
import { registerLint } from './lint.js';
import { registerTest } from './test.js';
import { registerHandout } from './handout.js';
import { registerGlossary } from './glossary.js';
import { registerDocs } from './docs.js';
import { registerRules } from './rules.js';
import { registerConfigCommands } from './config.js';
import { registerReport } from './report.js';

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
  registerLint(program, state);
  registerTest(program, state);
  registerHandout(program, state);
  registerGlossary(program, state);
  registerRules(program, state);
  registerDocs(program, state);
  registerConfigCommands(program, state);
  registerReport(program, state);
  try {
    await program.parseAsync([...argv]);
    return state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof InputError) {
      // Messages may quote input (a role, a key): its control characters are shown, not obeyed.
      process.stderr.write(`aslint: ${escapeControl(e.format())}\n`);
      if (program.opts().debug) process.stderr.write(`${e.stack}\n`);
      return 2;
    }
    const err = e as Error;
    process.stderr.write(`aslint: ${escapeControl(err.message)}\n`);
    process.stderr.write(program.opts().debug ? `${err.stack}\n` : '  (run with --debug for the stack trace)\n');
    return 2;
  }
}
