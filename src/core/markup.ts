// Escaping for the markup aslint writes (HTML reports and handouts, XML exports). Everything
// escaped here is user data: transcripts, speaker names, paths, glossary and rule files.

/** Text for HTML, in an element body or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except the surrogates (paired ones are
// fine as one character), U+FFFE and U+FFFF.
const XML_INVALID = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML element body; CR as a character reference, since parsers turn a raw CR into LF. */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Text for a double-quoted XML attribute; line breaks and tabs kept as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
