// The glossary as TBX (ISO 30042), written and read.
//
// Written in the TBX-Basic dialect that translation and terminology tools (Trados MultiTerm,
// memoQ, Phrase, Xbench …) import, built with fast-xml-parser's XMLBuilder:
//
//   martif / text / body / termEntry (one per term; subjectField = category)
//     langSet xml:lang (one per language; definition)
//       tig: preferred term (preferredTerm-admn-sts), good examples as context
//       tig: variants (admittedTerm-admn-sts, termType variant)
//       tig: plain wording (admittedTerm-admn-sts, termType phrase)
//       tig: misuses (deprecatedTerm-admn-sts, the reason as a note, bad examples as context)
//
// Ids on tig and context elements carry each item's index in the term, so `aslint glossary
// import` restores the glossary exactly; other tools ignore them.
// Read: TBX 2008 (martif, termEntry, langSet, tig/ntig) and TBX 2019 (tbx, conceptEntry, langSec,
// termSec), from aslint or any other tool.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Glossary, Term } from '../model.js';
import { normalizeText } from '../../text/normalize.js';
import { xmlAttr, xmlText } from '../../core/markup.js';
import { InputError } from '../../core/types.js';
import { chineseConverters, selectTerms, type HandoutOptions } from '../handout/content.js';
import { labelsFor } from '../handout/labels.js';
import { traditionalWriter } from '../handout/traditional.js';
import { splitTerm, type ExchangeMisuse, type Indexed, type LangPart } from './split.js';
import { asCategory, glossaryLang, toTermId, type ImportedTerm, type ImportOptions } from './term-base.js';

/** An XML ID: term ids may start with a digit, which an ID may not. */
export const entryId = (id: string) => (/^[a-z_]/i.test(id) ? id : `_${id}`);

export const STATUS = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
} as const;

/** Prefixes of the notes that carry aslint's own data. */
export const NOTE = { register: 'register: ', except: 'except: ', alternatives: 'alternatives: ' } as const;

// ------------------------------------------------------------------------------------ writing

/** An element for XMLBuilder. Values are escaped here (markup.ts also replaces characters XML cannot hold), so the builder does not escape again. */
type Element = Record<string, unknown>;
const text = (value: string, attrs: Record<string, string> = {}): Element => ({ ...attributes(attrs), '#text': xmlText(value) });
const attributes = (attrs: Record<string, string>): Element => Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`@_${k}`, xmlAttr(v)]));

function tig(id: string, term: string, status: string, contexts: Element[], notes: string[], termType?: string): Element {
  return {
    ...attributes({ id }),
    term: text(term),
    termNote: [...(termType ? [text(termType, { type: 'termType' })] : []), text(status, { type: 'administrativeStatus' })],
    ...(contexts.length ? { descrip: contexts } : {}),
    ...(notes.length ? { note: notes.map((n) => text(n)) } : {}),
  };
}

/** The misuse a bad example shows: the first one of its language found in it. */
function misuseOf(bad: string, misuses: readonly ExchangeMisuse[]): ExchangeMisuse | undefined {
  const folded = normalizeText(bad);
  return misuses.find((m) => folded.includes(normalizeText(m.text))) ?? misuses[0];
}

function langSet(t: Term, eid: string, p: LangPart, register: boolean): Element {
  const context = (kind: 'good' | 'bad', x: Indexed) => text(x.text, { type: 'context', id: `${eid}.${kind}${x.index}` });
  const badFor = new Map<ExchangeMisuse, Indexed[]>();
  const orphans: Indexed[] = [];
  for (const b of p.bad) {
    const m = misuseOf(b.text, p.misuses);
    if (m) badFor.set(m, [...(badFor.get(m) ?? []), b]);
    else orphans.push(b);
  }
  const tigs = [
    tig(
      `${eid}.term.${p.lang}`,
      p.term,
      STATUS.preferred,
      // A bad example in a language without misuses: kept with the term, marked by its id.
      [...p.good.map((g) => context('good', g)), ...orphans.map((b) => context('bad', b))],
      register && t.register !== 'any' ? [`${NOTE.register}${t.register}`] : [],
    ),
    ...p.variants.map((v) => tig(`${eid}.variant${v.index}`, v.text, STATUS.admitted, [], [], 'variant')),
    ...(p.plain ? [tig(`${eid}.plain.${p.lang}`, p.plain, STATUS.admitted, [], [], 'phrase')] : []),
    ...p.misuses.map((m) =>
      tig(
        `${eid}.misuse${m.index}`,
        m.text,
        STATUS.deprecated,
        (badFor.get(m) ?? []).map((b) => context('bad', b)),
        [m.why, ...(m.except.length ? [NOTE.except + m.except.join(' | ')] : []), ...(m.alternatives.length ? [NOTE.alternatives + m.alternatives.join(' | ')] : [])],
      ),
    ),
  ];
  return { ...attributes({ 'xml:lang': p.lang }), ...(p.definition ? { descrip: text(p.definition, { type: 'definition' }) } : {}), tig: tigs };
}

export async function renderTbx(glossary: Glossary, options: HandoutOptions, generator = 'aslint'): Promise<string> {
  const cc = await chineseConverters();
  const hant = traditionalWriter(glossary, cc);
  const title = options.title ?? labelsFor(options.lang === 'all' ? 'en' : options.lang).title;
  const termEntry = selectTerms(glossary, options.categories).map((t) => {
    const eid = entryId(t.id);
    let source = t.source;
    if (source && options.lang === 'zh-Hant') source = cc.toTraditionalChars(source);
    return {
      ...attributes({ id: eid }),
      descrip: text(t.category, { type: 'subjectField' }),
      ...(source ? { admin: text(source, { type: 'source' }) } : {}),
      langSet: splitTerm(t, options.lang, cc, hant).map((p, i) => langSet(t, eid, p, i === 0)),
    };
  });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    martif: {
      ...attributes({ type: 'TBX-Basic', 'xml:lang': 'en' }),
      martifHeader: {
        fileDesc: {
          titleStmt: { title: text(title) },
          sourceDesc: { p: text(`Exported by ${generator} on ${options.date ?? new Date().toISOString().slice(0, 10)}`) },
        },
        encodingDesc: { p: text('TBXBasicXCSV02.xcs', { type: 'XCSURI' }) },
      },
      text: { body: { termEntry } },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true, indentBy: '  ', processEntities: false, suppressEmptyNode: false });
  return builder.build(doc) as string;
}

// ------------------------------------------------------------------------------------ reading

type XmlNode = Record<string, unknown>;
const REPEATED = new Set(['termEntry', 'conceptEntry', 'langSet', 'langSec', 'tig', 'ntig', 'termSec', 'termGrp', 'descrip', 'descripGrp', 'termNote', 'note', 'admin', 'adminGrp', 'transacGrp', 'ref', 'xref']);

function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  const o = node as XmlNode;
  if ('#text' in o) return textOf(o['#text']);
  return Object.entries(o)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, v]) => textOf(v))
    .join('');
}
const attr = (node: unknown, name: string) => (node && typeof node === 'object' ? ((node as XmlNode)[`@_${name}`] as string | undefined) : undefined);
const kids = (node: unknown, name: string): unknown[] => (node && typeof node === 'object' ? (((node as XmlNode)[name] as unknown[] | undefined) ?? []) : []);

/** descrip elements of a node, also those inside descripGrp. */
function descrips(node: unknown, type: string): unknown[] {
  return [...kids(node, 'descrip'), ...kids(node, 'descripGrp').flatMap((g) => kids(g, 'descrip'))].filter((d) => attr(d, 'type') === type);
}
const termNotes = (node: unknown, type: string) =>
  [...kids(node, 'termNote'), ...kids(node, 'termNoteGrp').flatMap((g) => kids(g, 'termNote'))].filter((n) => attr(n, 'type') === type).map(textOf);
const admins = (node: unknown, type: string) =>
  [...kids(node, 'admin'), ...kids(node, 'adminGrp').flatMap((g) => kids(g, 'admin')), ...kids(node, 'descripGrp').flatMap((g) => kids(g, 'admin'))]
    .filter((n) => attr(n, 'type') === type)
    .map(textOf);

/** The index an aslint export wrote into an id: `entry.misuse3` → 3. */
function indexIn(id: string | undefined, kind: string): number | undefined {
  const m = id ? new RegExp(`\\.${kind}(\\d+)$`).exec(id) : null;
  return m ? Number(m[1]) : undefined;
}

export function readTbxTermBase(text: string, file: string, options: ImportOptions = {}): ImportedTerm[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InputError(`not well-formed XML: ${valid.err.msg}`, file, valid.err.line, valid.err.col, 'Fix the XML at this place.');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => REPEATED.has(name),
  });
  const doc = parser.parse(text.replace(/^\uFEFF/, '')) as XmlNode;
  const root = (doc.martif ?? doc.tbx) as XmlNode | undefined;
  if (!root) throw new InputError('not a TBX file: the root element is neither <martif> nor <tbx>', file, 1, 1, 'Export the term base as TBX (ISO 30042).');
  const body = (root.text as XmlNode | undefined)?.body as XmlNode | undefined;
  const entries = [...kids(body, 'termEntry'), ...kids(body, 'conceptEntry')];
  const out: ImportedTerm[] = [];
  entries.forEach((entry, n) => {
    const rawId = attr(entry, 'id');
    const what = rawId ? `termEntry "${rawId}"` : `termEntry #${n + 1}`;
    const t: ImportedTerm = { id: rawId ?? '', names: {}, definition: {}, plain: {}, variants: [], misuses: [], good: [], bad: [], where: { file, what } };
    const subject = descrips(entry, 'subjectField').map(textOf)[0];
    t.category = asCategory(subject, options, `${file}: ${what}`);
    t.source = admins(entry, 'source')[0] || undefined;
    for (const set of [...kids(entry, 'langSet'), ...kids(entry, 'langSec')]) {
      const lang = glossaryLang(attr(set, 'xml:lang') ?? attr(set, 'lang') ?? '');
      if (!lang) continue;
      const def = descrips(set, 'definition').map(textOf)[0] ?? descrips(entry, 'definition').map(textOf)[0];
      if (def) t.definition[lang] = def;
      t.source ??= admins(set, 'source')[0] || undefined;
      // tig (TBX 2008), ntig/termGrp (TBX 2008 full), termSec (TBX 2019)
      const groups = [...kids(set, 'tig'), ...kids(set, 'termSec'), ...kids(set, 'ntig')];
      const groupOf = (g: unknown) => kids(g, 'termGrp')[0] ?? g;
      const statusOf = (g: unknown) => {
        const grp = groupOf(g);
        return [...termNotes(grp, 'administrativeStatus'), ...termNotes(grp, 'normativeAuthorization')][0]?.toLowerCase() ?? '';
      };
      const isPlain = (g: unknown) => /\.plain\.[A-Za-z-]+$/.test(attr(g, 'id') ?? '');
      // The term's name: the preferred term, else the first one that is not deprecated.
      let nameAt = groups.findIndex((g) => /preferred/.test(statusOf(g)) && !isPlain(g));
      if (nameAt < 0) nameAt = groups.findIndex((g) => !/deprecated|superseded/.test(statusOf(g)) && !isPlain(g));
      groups.forEach((g, gi) => {
        const grp = groupOf(g);
        const term = textOf((grp as XmlNode).term).trim();
        if (!term) return;
        const id = attr(g, 'id');
        const status = statusOf(g);
        const both = <T,>(f: (n: unknown) => T[]) => (grp === g ? f(g) : [...f(g), ...f(grp)]);
        const notes = both((n) => kids(n, 'note')).map(textOf);
        const contexts = both((n) => descrips(n, 'context'));
        const register = notes.find((x) => x.startsWith(NOTE.register))?.slice(NOTE.register.length).trim();
        if (register === 'formal' || register === 'plain' || register === 'any') t.register = register;
        const addContexts = (deprecated: boolean) => {
          for (const c of contexts) {
            const cid = attr(c, 'id');
            const bad = indexIn(cid, 'bad');
            if (bad !== undefined || deprecated) t.bad.push({ value: textOf(c), index: bad });
            else t.good.push({ value: textOf(c), index: indexIn(cid, 'good') });
          }
        };
        if (/deprecated|superseded/.test(status)) {
          const own = (prefix: string) => {
            const note = notes.find((x) => x.startsWith(prefix));
            return note ? note.slice(prefix.length).split('|').map((s) => s.trim()).filter((s) => s) : [];
          };
          const why = notes.find((x) => !Object.values(NOTE).some((p) => x.startsWith(p)));
          t.misuses.push({ value: { text: term, why, except: own(NOTE.except), alternatives: own(NOTE.alternatives) }, index: indexIn(id, 'misuse') });
          addContexts(true);
        } else if (isPlain(g)) {
          t.plain[lang] = term;
        } else if (gi === nameAt) {
          t.names[lang] = term;
          addContexts(false);
        } else {
          t.variants.push({ value: term, index: indexIn(id, 'variant') });
          addContexts(false);
        }
      });
    }
    t.id = toTermId(rawId, t.names.en ?? t.names['zh-Hans'] ?? `term-${n + 1}`);
    out.push(t);
  });
  return out;
}

