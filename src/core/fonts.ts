// Font stacks by language, for every page aslint writes (the HTML report, handouts): the CJK faces
// of Noto (Debian's fonts-noto-cjk), Source Han, and the system faces of macOS and Windows.
// English uses Noto Sans, else the Latin of the CJK face, so that English lines and the English
// words inside Chinese ones look the same.
export const FONT_STACKS: Readonly<Record<'zh-Hans' | 'zh-Hant' | 'en', string>> = {
  'zh-Hans': '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans SC", sans-serif',
  'zh-Hant': '"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans TC", sans-serif',
  en: '"Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, "Liberation Sans", sans-serif',
};
