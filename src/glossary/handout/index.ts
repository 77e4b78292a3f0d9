// Handouts and exports made from the glossary: the library entry of `aslint handout`.
import type { Glossary } from '../model.js';
import { buildView, type HandoutOptions } from './content.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { buildQuiz, renderQuizHtml, renderQuizMarkdown } from './quiz.js';
import { renderTbx } from './tbx.js';

export const HANDOUT_FORMATS = ['html', 'pdf', 'md', 'csv', 'tbx', 'quiz'] as const;
export type HandoutFormat = (typeof HANDOUT_FORMATS)[number];

export interface RenderOptions extends HandoutOptions {
  format: HandoutFormat;
  /** For the quiz: an HTML practice sheet instead of Markdown. */
  quizHtml?: boolean;
}

export { buildView, type HandoutOptions } from './content.js';
export { HANDOUT_LANGS, type HandoutLang } from './labels.js';

/** A handout or export as the bytes to write (text formats as UTF-8 strings). */
export async function renderHandout(glossary: Glossary, options: RenderOptions): Promise<string | Buffer> {
  switch (options.format) {
    case 'csv':
      return renderCsv(glossary, options);
    case 'tbx':
      return renderTbx(glossary, options);
    case 'md':
      return renderMarkdown(await buildView(glossary, options));
    case 'html':
      return renderHtml(await buildView(glossary, options));
    case 'quiz': {
      const quiz = buildQuiz(await buildView(glossary, options));
      return options.quizHtml ? renderQuizHtml(quiz) : renderQuizMarkdown(quiz);
    }
    case 'pdf': {
      const view = await buildView(glossary, options);
      const { htmlToPdf } = await import('./pdf.js');
      return htmlToPdf(renderHtml(view), view);
    }
  }
}
