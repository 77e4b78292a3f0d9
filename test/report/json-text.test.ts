// The JSON text helpers (json-text.ts): str() remembers the strings it wrote, in a bounded map;
// whatever it has seen, it writes what JSON.stringify writes.
import { describe, expect, it } from 'vitest';
import { LastJson, str, strOrNull, strings } from '../../src/report/json-text.js';

describe('JSON text', () => {
  it('writes a string as JSON.stringify does, remembered or not, past the bound of what it remembers', () => {
    const hard = ['', '"', '\\', '\n\t\u0001', '\u2028', '\ud800', 'a\udc00b', '售后', '😀', '</script>'];
    const many = Array.from({ length: 10_000 }, (_, i) => `${hard[i % hard.length]}${i}`);
    for (const round of [0, 1]) for (const s of [...hard, ...many]) expect(str(s), `${round}: ${s}`).toBe(JSON.stringify(s));
    expect(strOrNull(null)).toBe('null');
    expect(strOrNull('"x"')).toBe('"\\"x\\""');
  });
  it('writes a list of strings as JSON.stringify(list, null, 2) nested at a depth', () => {
    const list = ['a', '"b"', '七'];
    expect(strings(list, 2)).toBe(JSON.stringify(list, null, 2).replace(/\n/g, '\n    '));
    expect(strings([], 3)).toBe('[]');
  });
  it('writes the last string again as JSON.stringify does, and a new one, or null, in its place', () => {
    const last = new LastJson();
    const seq = ['c1', 'c1', 'c"2', null, null, '售后\n', 'c1', ''];
    expect(seq.map((s) => last.of(s))).toEqual(seq.map((s) => (s === null ? 'null' : JSON.stringify(s))));
  });
});
