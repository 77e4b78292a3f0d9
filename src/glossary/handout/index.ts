// Handouts and exports made from the glossary: the library entry of `aslint handout`. Each
// format's module (and its libraries: csv-stringify, playwright-core) loads only when used, so
// that the other commands start fast.
import type { Glossary } from '../model.js';
import type { HandoutOptions } from './content.js';

export const HANDOUT_FORMATS = ['html', 'pdf', 'md', 'csv', 'tbx', 'quiz'] as const;
export type HandoutFormat = (typeof HANDOUT_FORMATS)[number];

export interface RenderOptions extends HandoutOptions {
  format: HandoutFormat;
  /** For the quiz: an HTML practice sheet instead of Markdown. */
  quizHtml?: boolean;
}

export type { HandoutOptions } from './content.js';
export { HANDOUT_LANGS, type HandoutLang } from './labels.js';

/** A handout or export as the bytes to write (text formats as UTF-8 strings). */
export async function renderHandout(glossary: Glossary, options: RenderOptions): Promise<string | Buffer> {
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
