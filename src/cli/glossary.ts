// `aslint glossary import|check`: a company's term base into glossary YAML, and the checks of
// glossary files that the linter's loader does not make.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import type { GlossaryProblem } from '../glossary/check.js';
import { CATEGORIES, type Category } from '../glossary/model.js';
import { InputError } from '../types.js';
import { glossaryFiles, glossaryPaths } from './handout.js';
import type { CommandState } from './index.js';
import { collect } from './options.js';


interface ImportCliOptions {
  output?: string;
  category?: Category;
  from?: 'tbx' | 'csv';
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

  glossary
    .command('import')
    .description('write aslint glossary YAML from a TBX or CSV term base (as exported by `aslint handout --format tbx|csv`)')
    .argument('<file>', 'a .tbx or .csv file')
    .option('-o, --output <file>', 'write the YAML here (a folder, or a name ending in /, gets one <category>.yaml per category); stdout when left out')
    .addOption(new Option('--category <name>', 'category of terms the file gives none (or an unknown one)').choices([...CATEGORIES]))
    .addOption(new Option('--from <format>', 'the file format (default: from the extension or content)').choices(['tbx', 'csv']))
    .option('--no-check', 'do not run `glossary check` on the result')
    .action(async (file: string, options: ImportCliOptions) => {
      state.exitCode = await runImport(file, options);
    });

  glossary
    .command('check')
    .description('report duplicate terms, misuses that are another term, missing languages or definitions, and zh-Hant forms that are only a character conversion')
    .argument('[files...]', 'glossary files or folders (default: the glossary aslint lint uses: bundled, config, --glossary)')
    .option('--glossary <file>', 'a glossary file or folder to check with the bundled glossary (repeatable)', collect, [])
    .option('--no-defaults', 'do not check the bundled glossary')
    .option('-c, --config <file>', 'use this config file instead of looking for aslint.config.yaml (its glossary files are checked)')
    .option('--no-config', 'use no config file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .action(async (files: string[], options: CheckCliOptions) => {
      state.exitCode = await runCheck(files, options);
    });
}

async function runImport(file: string, options: ImportCliOptions): Promise<number> {
  // A spreadsheet saved on a Chinese Windows writes GB18030 or Big5: read them as lint reads transcripts.
  const { readTextFile } = await import('../sources/encoding.js');
  const { text } = await readTextFile(file);
  const { importTermBase } = await import('../glossary/import.js');
  const { checkGlossary, formatProblems } = await import('../glossary/check.js');
  const result = await importTermBase(text, file, { category: options.category, from: options.from });
  const out = options.output;
  const toFolder = out !== undefined && (/[\\/]$/.test(out) || (existsSync(out) && statSync(out).isDirectory()));
  if (result.files.length > 1 && !toFolder) {
    throw new InputError(
      `the term base has terms in ${result.files.length} categories (${result.files.map((f) => f.category).join(', ')}), and a glossary file holds one`,
      file,
      undefined,
      undefined,
      'Write them to a folder: -o glossary/ (one <category>.yaml each).',
    );
  }
  const written: { path: string; yaml: string }[] = [];
  if (toFolder) {
    mkdirSync(out!, { recursive: true });
    for (const f of result.files) written.push({ path: join(out!, `${f.category}.yaml`), yaml: f.yaml });
  } else {
    written.push({ path: out ?? `<stdout>.yaml`, yaml: result.files[0]!.yaml });
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
  for (const n of result.notes) process.stderr.write(`  note: ${n}\n`);
  if (!options.check) return 0;
  const problems = await checkGlossary(written.map((w) => ({ path: w.path, text: w.yaml })));
  if (problems.length === 0) return 0;
  // Warnings (no examples yet) don't stop a term base from being used; errors do.
  const errors = problems.some((p) => p.severity === 'error');
  process.stderr.write(`\n${errors ? 'The imported glossary needs work before aslint can use it' : 'The imported glossary can be used; still to do'}:\n${formatProblems(problems)}`);
  return errors ? 1 : 0;
}

async function runCheck(files: string[], options: CheckCliOptions): Promise<number> {
  const paths = files.length > 0 ? glossaryPaths(files) : await glossaryFiles(options);
  if (paths.length === 0) throw new InputError('no glossary files to check', undefined, undefined, undefined, 'Name files, or pass --glossary <file>.');
  const { checkGlossary, formatProblems } = await import('../glossary/check.js');
  const problems: GlossaryProblem[] = await checkGlossary(paths.map((path) => ({ path })));
  if (options.format === 'json') process.stdout.write(JSON.stringify({ files: paths, problems }, null, 2) + '\n');
  else if (problems.length === 0) process.stdout.write(`${paths.length} glossary file${paths.length === 1 ? '' : 's'}: no problems\n`);
  else process.stdout.write(formatProblems(problems));
  return problems.length > 0 ? 1 : 0;
}
