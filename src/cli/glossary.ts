// `aslint glossary import|check`: a company's term base into glossary YAML, and the checks of
// glossary files that the linter's loader does not make.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { WIDE_FIELDS } from '../glossary/exchange/table.js';
import { glossaryPaths } from '../glossary/files.js';
import type { TermBaseFormat } from '../glossary/import.js';
import { CATEGORIES, type Category } from '../glossary/model.js';
import { workingGlossaryFiles, type ConfigChoice } from '../runner/options.js';
import { InputError } from '../core/types.js';
import type { CommandState } from './index.js';
import { collect, configOptions, glossarySourceOptions } from './options.js';

interface GlossarySourceOptions extends ConfigChoice {
  glossary: string[];
  defaults: boolean;
}

interface ImportCliOptions extends GlossarySourceOptions {
  output?: string;
  category?: Category;
  from?: TermBaseFormat;
  sheet?: string;
  column: string[];
  check: boolean;
}

interface CheckCliOptions {
  glossary: string[];
  defaults: boolean;
  config?: string | false;
  format: 'stylish' | 'json';
}

export function registerGlossary(program: Command, state: CommandState): void {
  const glossary = program.command('glossary').description('import a term base into glossary YAML, or check glossary files');

  const importCommand = glossary
    .command('import')
    .description(
      "write aslint glossary YAML from a term base: TBX, or a CSV or Excel sheet (aslint's layout, or a row per term with a column per language: 术语, 繁体, 英文, 定义, 错误说法 …)",
    )
    .argument('<file>', 'a .tbx, .csv or .xlsx file')
    .option('-o, --output <file>', 'write the YAML here (a folder, or a name ending in /, gets one <category>.yaml per category); stdout when left out')
    .addOption(new Option('--category <name>', 'category of terms the file gives none (or an unknown one)').choices([...CATEGORIES]))
    .addOption(new Option('--from <format>', 'the file format (default: from the extension or content)').choices(['tbx', 'csv', 'xlsx']))
    .option('--sheet <name>', 'the sheet of an Excel workbook to read, by name or number (default: the first)')
    .option(
      '--column <header=field>',
      `read a column as a field, e.g. --column "标准用语=zh-Hans" (repeatable); fields: ${WIDE_FIELDS.join(', ')}`,
      collect,
      [],
    );
  // The glossary the result will be used with, to check it against.
  configOptions(glossarySourceOptions(importCommand))
    .option('--no-check', 'write the result without checking it')
    .addHelpText(
      'after',
      "\nThe result is checked, before anything is written, against the glossary it will be used with: the bundled one (unless --no-defaults), the config's and --glossary.",
    )
    .action(async (file: string, options: ImportCliOptions) => {
      state.exitCode = await runImport(file, options);
    });

  const checkCommand = glossary
    .command('check')
    .description(
      'report duplicate terms, misuses that are another term, missing languages or definitions, and zh-Hant forms that are only a character conversion',
    )
    .argument(
      '[files...]',
      'glossary files or folders, checked against the rest of the glossary they are used with (default: check the glossary aslint lint uses: bundled, config, --glossary)',
    );
  configOptions(glossarySourceOptions(checkCommand))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .action(async (files: string[], options: CheckCliOptions) => {
      state.exitCode = await runCheck(files, options);
    });
}

/** `--column "header=field"` options as a map. */
function columnMap(values: readonly string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const v of values) {
    const at = v.lastIndexOf('=');
    if (at <= 0 || at === v.length - 1)
      throw new InputError(
        `--column takes "header=field", not "${v}"`,
        undefined,
        undefined,
        undefined,
        `For example --column "标准用语=zh-Hans". Fields: ${WIDE_FIELDS.join(', ')}.`,
      );
    out[v.slice(0, at).trim()] = v.slice(at + 1).trim();
  }
  return out;
}

async function runImport(file: string, options: ImportCliOptions): Promise<number> {
  const { importTermBaseFile } = await import('../glossary/import.js');
  const { checkGlossary, formatProblems } = await import('../glossary/check.js');
  const result = await importTermBaseFile(file, {
    category: options.category,
    from: options.from,
    sheet: options.sheet,
    columns: columnMap(options.column),
    output: options.output,
  });
  const out = options.output;
  const written = result.files;
  for (const n of result.notes) process.stderr.write(`  note: ${n}\n`);
  // Checked before anything is written, with the glossary it will be used with: a misuse that is
  // another term's preferred form (仅退款) would make lint flag, and --fix replace, the right word.
  const problems = options.check
    ? await checkGlossary(
        written.map((w) => ({ path: w.path, text: w.yaml })),
        { context: workingGlossaryFiles(options).map((path) => ({ path })) },
      )
    : [];
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    process.stderr.write(`\nNothing was written: the imported glossary has problems aslint cannot use it with.\n${formatProblems(problems)}`);
    process.stderr.write('Fix them in the term base and import again (or write it anyway with --no-check and edit the YAML).\n');
    return 1;
  }
  for (const w of written) {
    if (out === undefined) process.stdout.write(w.yaml);
    else {
      mkdirSync(dirname(w.path), { recursive: true });
      writeFileSync(w.path, w.yaml);
    }
  }
  const terms = result.files.reduce((n, f) => n + f.terms, 0);
  if (out !== undefined) process.stderr.write(`aslint: imported ${terms} terms from ${file} into ${written.map((w) => w.path).join(', ')}\n`);
  if (problems.length > 0) process.stderr.write(`\nWarnings about the imported glossary:\n${formatProblems(problems)}`);
  return 0;
}

async function runCheck(named: string[], options: CheckCliOptions): Promise<number> {
  // Named files are checked as `aslint lint --glossary FILE` would use them: with the bundled and
  // configured glossary, whose own problems are not theirs to report.
  const inUse = workingGlossaryFiles(options);
  const paths = named.length > 0 ? glossaryPaths(named) : inUse;
  if (paths.length === 0) throw new InputError('no glossary files to check', undefined, undefined, undefined, 'Name files, or pass --glossary <file>.');
  const { checkGlossaryInUse, formatProblems } = await import('../glossary/check.js');
  const { files, context, problems } = await checkGlossaryInUse(paths, inUse);
  if (options.format === 'json') process.stdout.write(JSON.stringify({ files, problems }, null, 2) + '\n');
  else if (problems.length === 0) {
    const against = context.length > 0 ? ` (checked with ${context.length} other glossary file${context.length === 1 ? '' : 's'} in use)` : '';
    process.stdout.write(`${files.length} glossary file${files.length === 1 ? '' : 's'}: no problems${against}\n`);
  } else process.stdout.write(formatProblems(problems));
  return problems.length > 0 ? 1 : 0;
}
