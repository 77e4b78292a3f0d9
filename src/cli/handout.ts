// `aslint handout`: the glossary as a trainer's handout (html, pdf, md, quiz) or as an export
// for other tools (csv, tbx).
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { Command, Option } from 'commander';
import { contentFiles } from '../core/package.js';
import { loadGlossary } from '../glossary/loader.js';
import { CATEGORIES, type Category, type Glossary } from '../glossary/model.js';
import { HANDOUT_FORMATS, HANDOUT_LANGS, renderHandout, type HandoutFormat, type HandoutLang } from '../glossary/handout/index.js';
import { InputError } from '../core/types.js';
import type { CommandState } from './index.js';
import { collect } from './options.js';

interface HandoutCliOptions {
  lang: HandoutLang;
  category: string[];
  format?: HandoutFormat;
  output?: string;
  glossary: string[];
  defaults: boolean;
  config?: string | false;
  title?: string;
  org?: string;
  showIds?: boolean;
  date?: string;
}


const BY_EXTENSION: Record<string, HandoutFormat> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.csv': 'csv', '.tbx': 'tbx' };

/** Glossary files: each path a YAML file or a folder of them. */
export function glossaryPaths(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new InputError('cannot read glossary: no such file or folder', p, undefined, undefined, 'Check the --glossary path.');
    }
    if (!isDir) return [p];
    return readdirSync(p)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(p, f));
  });
}

export interface GlossarySourceOptions {
  glossary: string[];
  defaults: boolean;
  /** A config file, or false for --no-config; found from the working folder when left out. */
  config?: string | false;
}

/** The glossary files a run uses: the bundled glossary and the config's, as `aslint lint` has them, then --glossary. */
export async function glossaryFiles(options: GlossarySourceOptions): Promise<string[]> {
  const { ConfigResolver } = await import('../config/discovery.js');
  const config = new ConfigResolver({ config: typeof options.config === 'string' ? options.config : undefined, useConfig: options.config !== false }).forFile('<stdin>');
  return contentFiles({ defaults: options.defaults && config.defaults, glossary: [...config.glossary, ...glossaryPaths(options.glossary)] }).glossary;
}

/** The glossary of a run (see glossaryFiles). */
export async function glossaryFromOptions(options: GlossarySourceOptions): Promise<Glossary> {
  const files = await glossaryFiles(options);
  if (files.length === 0) throw new InputError('no glossary files', undefined, undefined, undefined, 'Pass --glossary <file>, or drop --no-defaults.');
  return loadGlossary(files);
}

export function parseCategories(values: readonly string[]): Category[] {
  const out: Category[] = [];
  for (const v of values.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s)) {
    if (!(CATEGORIES as readonly string[]).includes(v)) {
      throw new InputError(`unknown category "${v}"`, undefined, undefined, undefined, `Use one or more of: ${CATEGORIES.join(', ')} (comma-separated or repeated).`);
    }
    if (!out.includes(v as Category)) out.push(v as Category);
  }
  return out;
}

export function registerHandout(program: Command, state: CommandState): void {
  program
    .command('handout')
    .description('turn the glossary into a trainer handout (html, pdf, md, quiz) or an export (csv, tbx)')
    .addOption(new Option('--lang <lang>', 'language of the handout').choices([...HANDOUT_LANGS]).default('all'))
    .option('--category <names>', `only these categories (comma-separated, repeatable): ${CATEGORIES.join(', ')}`, collect, [])
    .addOption(new Option('--format <format>', 'output format (default: from the -o extension, else html)').choices([...HANDOUT_FORMATS]))
    .option('-o, --output <file>', 'write to a file instead of stdout (needed for pdf on a terminal)')
    .option('--glossary <file>', 'a glossary file or folder to add to the bundled glossary (repeatable)', collect, [])
    .option('--no-defaults', 'do not load the bundled glossary')
    .option('-c, --config <file>', 'use this config file instead of looking for aslint.config.yaml (its glossary files are used)')
    .option('--no-config', 'use no config file')
    .option('--title <text>', 'title on the cover and in the PDF footer (default: the glossary title in the chosen language)')
    .option('--org <name>', 'the organisation the handout is for, on the cover')
    .option('--show-ids', "show each term's id on its card (for glossary editors)")
    .option('--date <yyyy-mm-dd>', 'date on the cover (default: today)')
    .addHelpText(
      'after',
      `
Examples:
  aslint handout --lang zh-Hant -o handout.html         print-ready A4 handout in Traditional Chinese
  aslint handout --title "退换货话术手册" --org "某某旗舰店客服部" -o handout.html
  aslint handout --format pdf -o handout.pdf             needs Chromium: apt-get install chromium fonts-noto-cjk
  aslint handout --lang en --category statutory --format md
  aslint handout --format tbx -o glossary.tbx            for CAT and terminology tools
  aslint handout --format quiz --lang zh-Hans -o quiz.html   practice sheet with an answer key (.md or .html)`,
    )
    .action(async (options: HandoutCliOptions) => {
      state.exitCode = await runHandout(options);
    });
}

async function runHandout(options: HandoutCliOptions): Promise<number> {
  const ext = options.output ? extname(options.output).toLowerCase() : '';
  const format: HandoutFormat = options.format ?? BY_EXTENSION[ext] ?? 'html';
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw new InputError(`--date takes YYYY-MM-DD, not "${options.date}"`);
  }
  if (format === 'pdf' && !options.output && process.stdout.isTTY) {
    throw new InputError('a PDF is not written to a terminal', undefined, undefined, undefined, 'Add -o handout.pdf.');
  }
  const categories = parseCategories(options.category);
  const glossary = await glossaryFromOptions(options);
  if (glossary.terms.length === 0) throw new InputError('the glossary has no terms');
  if (categories.length && !glossary.terms.some((t) => categories.includes(t.category))) {
    throw new InputError(`the glossary has no terms in ${categories.join(', ')}`, undefined, undefined, undefined, `Its categories are: ${[...new Set(glossary.terms.map((t) => t.category))].join(', ')}.`);
  }
  const out = await renderHandout(glossary, {
    format,
    lang: options.lang,
    categories,
    title: options.title,
    organization: options.org,
    showIds: options.showIds,
    date: options.date,
    quizHtml: format === 'quiz' && (ext === '.html' || ext === '.htm'),
  });
  if (options.output) {
    try {
      mkdirSync(dirname(options.output), { recursive: true });
      writeFileSync(options.output, out);
    } catch (e) {
      throw new InputError(`cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, options.output);
    }
  } else {
    process.stdout.write(out);
  }
  return 0;
}
