// Glossary YAML written from a term base read from another tool's file (exchange/csv.ts,
// tbx.ts, xlsx.ts): one document per category, laid out as the bundled glossary is. An export of
// all languages imports back to the same glossary: a zh-Hant form equal to what OpenCC derives is
// left out (it is derived again), and list items return to their places.
import { Document, isScalar, visit } from 'yaml';
import { regionalForms } from '../../text/variants.js';
import { CATEGORIES, LANGS, type Category } from '../model.js';
import type { ImportedTerm, PerLang, Placed } from './term-base.js';

export interface ImportResult {
  /** One YAML document per category, in category order. */
  files: { category: Category; yaml: string; terms: number }[];
  notes: string[];
}

/** Items in the order the export gave them: by index when every item has one, else as read. */
function ordered<T>(list: Placed<T>[]): T[] {
  if (list.every((x) => x.index !== undefined)) return [...list].sort((a, b) => a.index! - b.index!).map((x) => x.value);
  return list.map((x) => x.value);
}

/** Glossary YAML (one document per category) from imported terms. */
export async function toGlossaryYaml(terms: ImportedTerm[], origin: string): Promise<ImportResult> {
  const notes: string[] = [];
  // A zh-Hans form missing from the term base is derived from its zh-Hant one.
  const perLang = (t: ImportedTerm) => [t.names, t.definition, t.plain];
  const onlyHant = terms.flatMap((t) => perLang(t).flatMap((x) => (x['zh-Hans'] === undefined && x['zh-Hant'] ? [x['zh-Hant']] : [])));
  const fromTraditional = await regionalForms(onlyHant);
  for (const t of terms) {
    for (const x of perLang(t)) {
      if (x['zh-Hans'] === undefined && x['zh-Hant']) {
        x['zh-Hans'] = fromTraditional.get(x['zh-Hant'])!.cn;
        notes.push(`${t.id}: zh-Hans "${x['zh-Hans']}" derived from zh-Hant "${x['zh-Hant']}"`);
      }
    }
  }
  const derived = await regionalForms(terms.flatMap((t) => [t.names['zh-Hans'], t.definition['zh-Hans'], t.plain['zh-Hans']].filter((s): s is string => !!s)));
  // A zh-Hant form equal to the derived one is left out, so that the glossary derives it again.
  const hant = (x: PerLang) => {
    const h = x['zh-Hant'];
    const s = x['zh-Hans'];
    return h !== undefined && !(s !== undefined && derived.get(s)?.tw === h) ? h : undefined;
  };
  const seen = new Map<string, number>();
  const byCategory = new Map<Category, Record<string, unknown>[]>();
  for (const t of terms) {
    let id = t.id;
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    if (k > 1) {
      id = `${id}-${k}`;
      notes.push(`${t.where.what}: id "${t.id}" is taken, imported as "${id}"`);
    }
    const raw: Record<string, unknown> = { id };
    for (const l of LANGS) {
      const v = l === 'zh-Hant' ? hant(t.names) : t.names[l];
      if (v !== undefined) raw[l] = v;
    }
    const definition: Record<string, string> = {};
    for (const l of LANGS) {
      const v = l === 'zh-Hant' ? hant(t.definition) : t.definition[l];
      if (v !== undefined) definition[l] = v;
    }
    raw.definition = definition;
    const variants = ordered(t.variants);
    if (variants.length) raw.variants = variants;
    const misuses = ordered(t.misuses);
    if (misuses.length) {
      raw.misuses = misuses.map((m) => ({
        text: m.text,
        why: m.why ?? `Deprecated in ${origin}.`,
        ...(m.except.length ? { except: m.except } : {}),
        ...(m.alternatives.length ? { alternatives: m.alternatives } : {}),
      }));
      for (const m of misuses) if (!m.why) notes.push(`${id}: misuse "${m.text}" has no reason in ${origin}; write one in "why"`);
    }
    if (t.register && t.register !== 'any') raw.register = t.register;
    if (t.plain['zh-Hans'] !== undefined) {
      const p: Record<string, string> = {};
      for (const l of LANGS) {
        const v = l === 'zh-Hant' ? hant(t.plain) : t.plain[l];
        if (v !== undefined) p[l] = v;
      }
      raw.plain = Object.keys(p).length === 1 ? p['zh-Hans'] : p;
    }
    if (t.source) raw.source = t.source;
    const good = ordered(t.good);
    const bad = ordered(t.bad);
    if (good.length || bad.length) raw.examples = { ...(good.length ? { good } : {}), ...(bad.length ? { bad } : {}) };
    const category = t.category!;
    byCategory.set(category, [...(byCategory.get(category) ?? []), raw]);
  }
  const files = CATEGORIES.filter((c) => byCategory.has(c)).map((category) => {
    const list = byCategory.get(category)!;
    const doc = new Document({ category, terms: list });
    // Short lists of words in flow style, as the bundled glossary writes them.
    visit(doc, {
      Seq(_, node) {
        const texts = node.items.map((i) => (isScalar(i) ? String(i.value) : null));
        if (texts.every((s) => s !== null) && texts.join(', ').length <= 60 && !texts.some((s) => /[\n#:,[\]{}]/.test(s!))) node.flow = true;
      },
    });
    const body = doc
      .toString({ lineWidth: 0, flowCollectionPadding: false })
      .replace(/\n {2}- id:/g, '\n\n  - id:')
      .replace('\nterms:\n\n', '\nterms:\n');
    const yaml = `# Imported by aslint from ${origin}.\n${body}`;
    return { category, yaml, terms: list.length };
  });
  return { files, notes };
}
