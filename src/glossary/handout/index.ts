// Handouts and exports made from the glossary: the library entry of `aslint handout`. Each
// format's module (and its libraries: csv-stringify, playwright-core) loads only when used, so
// that the other commands start fast.
import { extname } from 'node:path';
import { InputError } from '../../core/types.js';
import type { Glossary } from '../model.js';
import type { HandoutOptions } from './content.js';

export const HANDOUT_FORMATS = ['html', 'pdf', 'md', 'csv', 'tbx', 'quiz'] as const;
export type HandoutFormat = (typeof HANDOUT_FORMATS)[number];

const BY_EXTENSION: Record<string, HandoutFormat> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.csv': 'csv', '.tbx': 'tbx' };

/** The format a handout is written in: the one asked for, else the output file's extension's, else html. */
export function handoutFormatOf(format: HandoutFormat | undefined, output: string | undefined): HandoutFormat {
  return format ?? BY_EXTENSION[output ? extname(output).toLowerCase() : ''] ?? 'html';
}

/** Whether an output file is an HTML page (a quiz written to one is a practice sheet, not Markdown). */
export function isHtmlFile(output: string | undefined): boolean {
  return output !== undefined && /\.html?$/i.test(output);
}

export interface RenderOptions extends HandoutOptions {
  format: HandoutFormat;
  /** For the quiz: an HTML practice sheet instead of Markdown. */
  quizHtml?: boolean;
}

export type { HandoutOptions } from './content.js';
export { HANDOUT_LANGS, type HandoutLang } from './labels.js';

/** A handout or export as the bytes to write (text formats as UTF-8 strings). */
export async function renderHandout(glossary: Glossary, options: RenderOptions): Promise<string | Buffer> {
  const categories = options.categories ?? [];
  if (glossary.terms.length === 0) throw new InputError('the glossary has no terms');
  if (categories.length && !glossary.terms.some((t) => categories.includes(t.category))) {
    throw new InputError(`the glossary has no terms in ${categories.join(', ')}`, undefined, undefined, undefined, `Its categories are: ${[...new Set(glossary.terms.map((t) => t.category))].join(', ')}.`);
  }
  const { buildView } = await import('./content.js');
  switch (options.format) {
    case 'csv':
      return (await import('../exchange/csv.js')).renderCsv(glossary, options);
    case 'tbx':
      return (await import('../exchange/tbx.js')).renderTbx(glossary, options);
    case 'md':
      return (await import('./markdown.js')).renderMarkdown(await buildView(glossary, options));
    case 'html':
      return (await import('./html.js')).renderHtml(await buildView(glossary, options));
    case 'quiz': {
      const { makeQuiz, renderQuizHtml, renderQuizMarkdown } = await import('./quiz.js');
      const quiz = await makeQuiz(glossary, options);
      return options.quizHtml ? renderQuizHtml(quiz) : renderQuizMarkdown(quiz);
    }
    case 'pdf': {
      const view = await buildView(glossary, options);
      const { renderHtml } = await import('./html.js');
      const { htmlToPdf } = await import('./pdf.js');
      return htmlToPdf(renderHtml(view), view);
    }
  }
}
