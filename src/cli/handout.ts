// `aslint handout`: the glossary as a trainer's handout (html, pdf, md, quiz) or as an export
// for other tools (csv, tbx).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { CATEGORIES, type Category } from '../glossary/model.js';
import { HANDOUT_FORMATS, HANDOUT_LANGS, handoutFormatOf, isHtmlFile, renderHandout, type HandoutFormat, type HandoutLang } from '../glossary/handout/index.js';
import { loadWorkingGlossary } from '../runner/options.js';
import { InputError } from '../core/types.js';
import type { CommandState } from './index.js';
import { collect, configOptions, glossarySourceOptions } from './options.js';

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

export function parseCategories(values: readonly string[]): Category[] {
  const out: Category[] = [];
  for (const v of values
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s)) {
    if (!(CATEGORIES as readonly string[]).includes(v)) {
      throw new InputError(
        `unknown category "${v}"`,
        undefined,
        undefined,
        undefined,
        `Use one or more of: ${CATEGORIES.join(', ')} (comma-separated or repeated).`,
      );
    }
    if (!out.includes(v as Category)) out.push(v as Category);
  }
  return out;
}

export function registerHandout(program: Command, state: CommandState): void {
  const command = program
    .command('handout')
    .description('turn the glossary into a trainer handout (html, pdf, md, quiz) or an export (csv, tbx)')
    .addOption(new Option('--lang <lang>', 'language of the handout').choices([...HANDOUT_LANGS]).default('all'))
    .option('--category <names>', `only these categories (comma-separated, repeatable): ${CATEGORIES.join(', ')}`, collect, [])
    .addOption(new Option('--format <format>', 'output format (default: from the -o extension, else html)').choices([...HANDOUT_FORMATS]))
    .option('-o, --output <file>', 'write to a file instead of stdout (needed for pdf on a terminal)');
  configOptions(glossarySourceOptions(command))
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
  const format = handoutFormatOf(options.format, options.output);
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    throw new InputError(`--date takes YYYY-MM-DD, not "${options.date}"`);
  }
  if (format === 'pdf' && !options.output && process.stdout.isTTY) {
    throw new InputError('a PDF is not written to a terminal', undefined, undefined, undefined, 'Add -o handout.pdf.');
  }
  const categories = parseCategories(options.category);
  const glossary = await loadWorkingGlossary(options);
  const out = await renderHandout(glossary, {
    format,
    lang: options.lang,
    categories,
    title: options.title,
    organization: options.org,
    showIds: options.showIds,
    date: options.date,
    quizHtml: format === 'quiz' && isHtmlFile(options.output),
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
