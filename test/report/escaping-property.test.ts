// Property tests: no message, path or rule text can break a format's syntax.
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { xmlAttr, xmlText } from '../../src/core/markup.js';

const unescapeGithub = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const anyText = fc.string({
  unit: fc.constantFrom(
    'a',
    '%',
    ':',
    ',',
    '\r',
    '\n',
    '%0A',
    '%25',
    '<',
    '&',
    '"',
    "'",
    '>',
    '\t',
    '\u0000',
    '\u0007',
    '\ud800',
    '\udc00',
    '𠀀',
    '无',
    ' ',
    ']]>',
  ),
});
const xmlSafe = (s: string) =>
  s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('escaping (property)', () => {
  it('github: an escaped value has no line break and no separator, and unescapes to itself', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const data = escapeData(s);
        const prop = escapeProperty(s);
        expect(/[\r\n]/.test(data) || /[\r\n:,]/.test(prop)).toBe(false);
        expect(unescapeGithub(prop)).toBe(s);
        expect(unescapeGithub(data)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('XML: text and attributes stay well-formed and read back (invalid characters as U+FFFD)', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      htmlEntities: true,
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
    });
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<r a="${xmlAttr(a)}">${xmlText(b)}</r>`;
        expect(XMLValidator.validate(xml)).toBe(true);
        const r = parser.parse(xml).r;
        expect(typeof r === 'object' ? r.a : undefined).toBe(a === '' ? '' : xmlSafe(a));
        const body = typeof r === 'object' ? (r['#text'] ?? '') : r;
        expect(body).toBe(xmlSafe(b));
      }),
      { numRuns: 500 },
    );
  });
});
