// The practice quiz: every item's answer fits its blank exactly, in every language.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildView } from '../../../src/glossary/handout/content.js';
import { buildQuiz, makeQuiz, renderQuizHtml, type Quiz } from '../../../src/glossary/handout/quiz.js';
import type { HandoutLang } from '../../../src/glossary/handout/labels.js';
import { loadGlossary } from '../../../src/glossary/loader.js';
import type { Glossary } from '../../../src/glossary/model.js';
import { defaultGlossary, HERE } from './helpers.js';

const fixture = () => loadGlossary([join(HERE, 'fixtures', 'quiz.yaml')]);
const shown = (q: Quiz) => q.sections.flatMap((s) => s.items).map((i) => `${i.before}[${i.wrong}→${i.answer}]${i.after}`);

/** Each item, filled in, is a good example of its term as the handout in that language shows it. */
async function expectEveryAnswerFits(g: Glossary, lang: HandoutLang) {
  const view = await buildView(g, { lang });
  const quiz = buildQuiz(view);
  const good = new Map(view.sections.flatMap((s) => s.terms).map((t) => [t.id, new Set(t.good.map((x) => x.text))]));
  for (const i of quiz.sections.flatMap((s) => s.items)) {
    expect(good.get(i.termId)!.has(i.before + i.answer + i.after), `${lang} ${i.termId}: ${i.before}[${i.answer}]${i.after}`).toBe(true);
  }
  for (const word of quiz.sections.flatMap((s) => s.bank)) expect(word, `${lang}: a word, not a clause`).not.toMatch(/[，。；！？,.;!?]/);
  return quiz;
}

describe('quiz items', () => {
  it('only where a good example is the sentence with the answer in the blank (zh-Hans)', async () => {
    const quiz = await makeQuiz(await fixture(), { lang: 'zh-Hans' });
    expect(shown(quiz)).toEqual([
      '本商品支持[运费保险→退货运费险]，寄回的运费由保险赔付。',
      '本店有[运费保险→退货运费险]，寄回后按规则理赔。', // a good example with the term blanked
      '维修网点支持[配件包→备件]更换，请带上购买凭证。',
    ]);
    // Not "所有订单7天退货运费险费" (the name put into a bad example), nor a clause as the answer.
    expect(quiz.sections[0]!.bank).toEqual(['备件', '退货运费险']);
  });

  it('English: only answers that fit the sentence', async () => {
    const quiz = await makeQuiz(await fixture(), { lang: 'en' });
    expect(shown(quiz)).toEqual(['This order comes with [postage insurance→return shipping insurance].']);
  });

  it('zh-Hant: the same items, converted by character with the glossary\'s Taiwan words (支持 stays 支持)', async () => {
    const quiz = await makeQuiz(await fixture(), { lang: 'zh-Hant' });
    expect(shown(quiz)).toEqual([
      '本商品支持[運費保險→退貨運費險]，寄回的運費由保險賠付。',
      '本店有[運費保險→退貨運費險]，寄回後按規則理賠。',
      '維修網點支持[配件包→備品]更換，請帶上購買憑證。',
    ]);
    expect(quiz.sections[0]!.items[0]!.why).toBe('平臺上的名稱是「退貨運費險」。');
  });

  it('every answer of the bundled glossary fits its blank, in every language', async () => {
    const g = await defaultGlossary();
    for (const lang of ['zh-Hans', 'zh-Hant', 'en', 'all'] as const) {
      const quiz = await expectEveryAnswerFits(g, lang);
      expect(quiz.count, lang).toBeGreaterThan(0);
    }
  });

  it('the HTML sheet forbids scripts and requests (Content-Security-Policy)', async () => {
    const html = renderQuizHtml(await makeQuiz(await fixture(), { lang: 'zh-Hans' }));
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';/);
  });
});
