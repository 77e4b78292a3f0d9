// What `aslint lint` and `aslint report merge` share about their report: the options that choose
// it, the reporter, colours and where it is written.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { FORMATS } from '../report/formats.js';
import type { Reporter } from '../runner/result.js';
import type { Sink } from '../report/sink.js';
import { InputError } from '../core/types.js';

/** -f, -o, --color / --no-color and --scores-file. */
export function reportOptions(command: Command): Command {
  return command
    .option('-f, --format <name>', `output format: ${Object.keys(FORMATS).join(', ')}`, 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file (its folder is created)')
    .option('--color', 'colours in the output, even when it is not a terminal')
    .option('--no-color', 'no colours in the output')
    .option('--scores-file <file>', 'write the scores, one row per conversation and per agent, to a .csv or .xlsx file');
}

/** The reporter of a format, or a usage error naming the formats there are. */
export function reporterOf(format: string): () => Promise<Reporter> {
  const make = FORMATS[format];
  if (!make) throw new InputError(`unknown format "${format}"`, undefined, undefined, undefined, `Use one of: ${Object.keys(FORMATS).join(', ')}.`);
  return make.reporter;
}

/**
 * Colours as ESLint (via chalk's rules) decides them: --color / --no-color first, then
 * FORCE_COLOR (0 or false: off; anything else: on), then NO_COLOR, then whether stdout is a terminal.
 */
export function useColor(option: boolean | undefined, env: NodeJS.ProcessEnv, toTerminal: boolean): boolean {
  if (option !== undefined) return option;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return toTerminal;
}

/** Creates the folder a file goes into; a clear error when it cannot be. */
export function ensureFolderOf(file: string, what: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw new InputError(
      `cannot create the folder for the ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      file,
      undefined,
      undefined,
      'Choose a path in a folder you can write to.',
    );
  }
}

/** Where the report goes: stdout, or the -o file (opened once, written as the report is made). */
export function openOutput(file: string | undefined): { write: Sink; close: () => void } {
  if (!file) return { write: (text) => void process.stdout.write(text), close: () => {} };
  ensureFolderOf(file, 'report');
  const failed = (e: unknown) =>
    new InputError(
      `cannot write the report: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      file,
      undefined,
      undefined,
      'Choose a path you can write to.',
    );
  let fd: number | undefined;
  // Opened when the first text comes, so that a run that fails before reporting leaves no empty file.
  const put = (data: string | Uint8Array) => {
    try {
      fd ??= openSync(file, 'w');
      if (typeof data === 'string') writeSync(fd, data);
      else for (let done = 0; done < data.length;) done += writeSync(fd, data, done);
    } catch (e) {
      throw failed(e);
    }
  };
  const write: Sink = (text) => put(text);
  // UTF-8 that workers rendered goes to the file as it is (report/sink.ts).
  write.bytes = (bytes) => put(bytes);
  return {
    write,
    close: () => {
      if (fd !== undefined) closeSync(fd);
    },
  };
}
