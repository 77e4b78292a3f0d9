// The PDF printer's checks that need no browser.
import { describe, expect, it } from 'vitest';
import { findChromium, type3FontCount } from '../../../src/glossary/handout/pdf.js';
import { InputError } from '../../../src/core/types.js';

describe('Type 3 fonts', () => {
  it('are counted from the font dictionaries, so that a PDF that has them gets a warning', () => {
    expect(type3FontCount(Buffer.from('4 0 obj\n<</Type /Font\n/Subtype /Type3\n/FontMatrix [1 0 0 1 0 0]>>\nendobj\n5 0 obj\n<</Type /Font /Subtype/Type3>>'))).toBe(2);
    expect(type3FontCount(Buffer.from('4 0 obj\n<</Type /Font\n/Subtype /Type0\n/BaseFont /AAAAAA+WenQuanYiMicroHei>>\nendobj'))).toBe(0);
  });
});

describe('without Chromium', () => {
  it('says how to install it', () => {
    let error: unknown;
    try {
      findChromium({ ASLINT_CHROMIUM: '/nonexistent/chromium' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toContain('apt-get install chromium fonts-noto-cjk');
  });
});
