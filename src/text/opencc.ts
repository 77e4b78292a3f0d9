// OpenCC's converters between Simplified and Traditional Chinese, for every part of aslint that
// converts (regional forms of phrases, the glossary check, handouts in Traditional).
import type { ConverterFunction } from 'opencc-js/core';

/** OpenCC's locales: `cn` Simplified, `t` Traditional (OpenCC standard), `tw`/`hk` regional characters, `twp` Taiwan with Taiwan phrases (软件 → 軟體). */
export type OpenccLocale = 'cn' | 't' | 'tw' | 'twp' | 'hk';

export type Convert = ConverterFunction;

/** Builds a converter on its first use and keeps it. */
export type ConverterSource = (from: OpenccLocale, to: OpenccLocale) => Convert;

let source: Promise<ConverterSource> | undefined;

/**
 * OpenCC, loaded once. The converter of a pair of locales is built the first time it converts
 * (Taiwan phrases cost ~0.3 s to build), so a run that converts nothing builds nothing.
 */
export function openccConverters(): Promise<ConverterSource> {
  source ??= (async () => {
    const core = await import('opencc-js/core');
    const preset = await import('opencc-js/preset');
    const build = core.ConverterBuilder(preset);
    const built = new Map<string, Convert>();
    return (from, to) => {
      const key = `${from}>${to}`;
      return (text) => {
        let convert = built.get(key);
        if (!convert) built.set(key, (convert = build({ from, to })));
        return convert(text);
      };
    };
  })();
  return source;
}
