// The words of a handout that are not glossary data: titles, headings and labels, in the three
// languages aslint writes. A zh-Hant handout is Traditional throughout, so its labels are written
// here in Taiwan usage (品質, not 質量), not converted from the Simplified ones at run time.
import type { Category, Lang } from '../model.js';

/** A handout's language: one of the glossary's languages, or all three side by side. */
export type HandoutLang = Lang | 'all';
export const HANDOUT_LANGS: readonly HandoutLang[] = ['zh-Hans', 'zh-Hant', 'en', 'all'];

export interface Labels {
  title: string;
  subtitle: string;
  generated: string;
  contents: string;
  terms: string;
  categories: string;
  languages: string;
  definition: string;
  plain: string;
  variants: string;
  dontSay: string;
  say: string;
  badExamples: string;
  source: string;
  formal: string;
  howToUse: [string, string, string];
  quizTitle: string;
  quizInstructions: string;
  answerKey: string;
  wordBank: string;
  quizWhy: string;
  name: string;
  pageOf: string;
  langNames: Record<Lang, string>;
  category: Record<Category, { title: string; about: string }>;
}

const zhHans: Labels = {
  title: '售后服务术语手册',
  subtitle: '客服培训讲义',
  generated: '生成日期',
  contents: '目录',
  terms: '个术语',
  categories: '个类别',
  languages: '语言',
  definition: '定义',
  plain: '对顾客这样说',
  variants: '也可以说',
  dontSay: '不要说',
  say: '这样说',
  badExamples: '错误示例',
  source: '依据',
  formal: '正式用语',
  howToUse: [
    '记住每个术语的定义：它决定了我们向顾客承诺什么。',
    '书面回复、工单和公告中使用标准术语；和顾客交谈时用通俗说法。',
    '术语会随法规和政策更新，以最新版讲义为准。',
  ],
  quizTitle: '术语练习',
  quizInstructions: '在每句话的空白处填入正确的术语（见备选词）。答案在最后，并列出不该用的说法及原因。',
  answerKey: '答案',
  wordBank: '备选词',
  quizWhy: '原因',
  name: '术语',
  pageOf: '第 {page} 页，共 {pages} 页',
  langNames: { 'zh-Hans': '简体中文', 'zh-Hant': '繁体中文', en: '英语' },
  category: {
    basic: { title: '服务基础术语', about: '售后服务的基本概念和参与各方。' },
    element: { title: '服务要素术语', about: '构成服务的各个要素：保修、维修、退换货、技术支持、咨询及其背后的配送服务。' },
    form: { title: '服务形式术语', about: '提供售后服务的形式和渠道。' },
    content: { title: '服务内容术语', about: '售后服务具体做什么：政策与流程、退货退款、换货补发、配送问题、价格保护、投诉与升级。' },
    quality: { title: '服务质量术语', about: '衡量售后服务好坏的指标。多为内部指标，对顾客说时用通俗说法。' },
    statutory: { title: '法定术语', about: '由法律和国家标准规定的术语。请使用法定表述：顾客和监管部门都可能以此为准。' },
  },
};

const zhHant: Labels = {
  title: '售後服務術語手冊',
  subtitle: '客服培訓講義',
  generated: '產生日期',
  contents: '目錄',
  terms: '個術語',
  categories: '個類別',
  languages: '語言',
  definition: '定義',
  plain: '對顧客這樣說',
  variants: '也可以說',
  dontSay: '不要說',
  say: '這樣說',
  badExamples: '錯誤範例',
  source: '依據',
  formal: '正式用語',
  howToUse: [
    '記住每個術語的定義：它決定了我們向顧客承諾什麼。',
    '書面回覆、工單和公告中使用標準術語；和顧客交談時用淺白說法。',
    '術語會隨法規和政策更新，以最新版講義為準。',
  ],
  quizTitle: '術語練習',
  quizInstructions: '請在每句話的空白處填入正確的術語（見備選詞）。答案在最後，並列出不該用的說法及原因。',
  answerKey: '答案',
  wordBank: '備選詞',
  quizWhy: '原因',
  name: '術語',
  pageOf: '第 {page} 頁，共 {pages} 頁',
  langNames: { 'zh-Hans': '簡體中文', 'zh-Hant': '繁體中文', en: '英語' },
  category: {
    basic: { title: '服務基礎術語', about: '售後服務的基本概念和參與各方。' },
    element: { title: '服務要素術語', about: '構成服務的各個要素：保固、維修、退換貨、技術支援、諮詢及其背後的配送服務。' },
    form: { title: '服務形式術語', about: '提供售後服務的形式和管道。' },
    content: { title: '服務內容術語', about: '售後服務具體做什麼：政策與流程、退貨退款、換貨補寄、配送問題、價格保護、客訴與升級處理。' },
    quality: { title: '服務品質術語', about: '衡量售後服務好壞的指標。多為內部指標，對顧客說時用淺白說法。' },
    statutory: { title: '法定術語', about: '由法律和國家標準規定的術語。請使用法定表述：顧客和主管機關都可能以此為準。' },
  },
};

const en: Labels = {
  title: 'After-sales service glossary',
  subtitle: 'Trainer handout',
  generated: 'Generated',
  contents: 'Contents',
  terms: 'terms',
  categories: 'categories',
  languages: 'Languages',
  definition: 'Definition',
  plain: 'Say it plainly',
  variants: 'Also accepted',
  dontSay: "Don't say",
  say: 'Say',
  badExamples: 'Wrong',
  source: 'Source',
  formal: 'formal term',
  howToUse: [
    "Know each term's definition: it decides what we promise the customer.",
    'Use the standard term in written replies, tickets and notices; use plain words when talking with customers.',
    'Terms change with laws and policies: the newest handout is the one that counts.',
  ],
  quizTitle: 'Terminology practice',
  quizInstructions: 'Fill each blank with the right term (see the word bank). The answer key at the end gives the wording not to use, and why.',
  answerKey: 'Answer key',
  wordBank: 'Word bank',
  quizWhy: 'Why',
  name: 'Term',
  pageOf: 'Page {page} of {pages}',
  langNames: { 'zh-Hans': 'Simplified Chinese', 'zh-Hant': 'Traditional Chinese', en: 'English' },
  category: {
    basic: { title: 'Basic terms', about: 'The basic concepts of after-sales service and the parties to it.' },
    element: { title: 'Service elements', about: 'The components a service is made of: warranty, repair, returns and exchanges, technical support, consultation, and the delivery services behind them.' },
    form: { title: 'Forms of service', about: 'The forms and channels through which after-sales service is delivered.' },
    content: { title: 'Service content', about: 'What after-sales service actually does: policies and processes, returns, refunds, exchanges and reshipments, delivery problems, price protection, complaints and escalation.' },
    quality: { title: 'Service quality', about: 'The measures of how good after-sales service is. Mostly internal metrics: say them plainly to customers.' },
    statutory: { title: 'Statutory terms', about: 'Terms fixed by Chinese law and national standards. Use the statutory wording: a customer or a regulator may hold the shop to it.' },
  },
};

/** zh-Hans and English side by side, for a handout in all three languages. */
function both(a: Labels, b: Labels): Labels {
  const pair = (x: string, y: string) => `${x} · ${y}`;
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(a) as (keyof Labels)[]) {
    const x = a[key];
    const y = b[key];
    if (typeof x === 'string') out[key] = pair(x, y as string);
  }
  const labels = out as unknown as Labels;
  labels.title = a.title;
  labels.subtitle = `${a.subtitle} · ${b.title}`;
  labels.terms = b.terms;
  labels.categories = b.categories;
  labels.pageOf = b.pageOf;
  labels.howToUse = a.howToUse.map((s, i) => `${s} ${b.howToUse[i]}`) as Labels['howToUse'];
  labels.langNames = b.langNames;
  labels.category = Object.fromEntries(
    Object.entries(a.category).map(([k, v]) => [k, { title: pair(v.title, b.category[k as Category].title), about: `${v.about} ${b.category[k as Category].about}` }]),
  ) as Labels['category'];
  return labels;
}

const ALL = both(zhHans, en);

export function labelsFor(lang: HandoutLang): Labels {
  switch (lang) {
    case 'zh-Hans':
      return zhHans;
    case 'zh-Hant':
      return zhHant;
    case 'en':
      return en;
    case 'all':
      return ALL;
  }
}

/** The BCP 47 tag of a handout's main language, for `<html lang>`. */
export function htmlLang(lang: HandoutLang): string {
  return lang === 'all' ? 'zh-Hans' : lang;
}

/** A date (YYYY-MM-DD) as a reader of the handout's language writes it. */
export function formatDate(iso: string, lang: HandoutLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const english = `${d} ${months[mo - 1]} ${y}`;
  const chinese = `${y}年${mo}月${d}日`;
  return lang === 'en' ? english : lang === 'all' ? `${chinese} · ${english}` : chinese;
}
