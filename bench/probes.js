// Probes: everyday variants of each family of wording (test/content/probes/*.yaml), written by
// us, never copied from the dev data and never also in the packs. They measure whether a rule
// covers the way people talk, not just the phrases it lists. Used by `npm run accuracy` (with
// the built library) and by test/content/probes.test.ts (with the sources): the caller passes
// the library in, so both run the same code.
//
// A probe file:
//   family: brush-off                 # a name for the table
//   rule: forbidden/brush-off         # the rule that must recognise the probes
//   as: reply | complaint | greeting | closing   (default reply)
//   probes: [ text, … ]               # the rule must recognise each (an entry may be
//                                     #   {text, known-miss: why}: an honest, reported miss)
//   near-misses: [ text, … ]          # sentences sharing words with the family that it must not take
//
// What "recognise" means per `as`:
//   reply      the text as an agent's canned reply: the rule reports it;
//   complaint  a customer turn answered by an agent turn without an apology: the rule reports it;
//   greeting   the agent's first turn: the rule (a missing-greeting rule) stays quiet;
//   closing    the agent's last turn: the rule (a missing-closing-offer rule) stays quiet.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const AS = ['reply', 'complaint', 'greeting', 'closing'];

/** Every probe file of a folder, parsed and checked. */
export function loadProbes(dir) {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const doc = parse(readFileSync(file, 'utf8'));
      const as = doc.as ?? 'reply';
      if (typeof doc.family !== 'string' || typeof doc.rule !== 'string' || !AS.includes(as) || !Array.isArray(doc.probes))
        throw new Error(`${file}: a probe file needs family, rule, probes (and as: ${AS.join(' | ')})`);
      const probes = doc.probes.map((p) => (typeof p === 'string' ? { text: p } : { text: p.text, knownMiss: p['known-miss'] }));
      return { file, family: doc.family, rule: doc.rule, as, probes, nearMisses: doc['near-misses'] ?? [] };
    });
}

const isLatin = (text) => (text.match(/[A-Za-z]/g) ?? []).length > (text.match(/\p{Script=Han}/gu) ?? []).length;

/** The conversation (JSONL line) in which a text is tried. */
function caseLine(id, as, text) {
  const en = isLatin(text);
  const opening = en ? 'Hi, I have a question about my order.' : '你好，我想问一下我的订单。';
  const plainReply = en ? 'Let me check that for you.' : '我帮您查一下。';
  const greeting = en ? 'Hi, thanks for reaching out.' : '您好，很高兴为您服务。';
  const closing = en ? 'Is there anything else I can help with?' : '请问还有其他可以帮您的吗？';
  const turns = {
    reply: null,
    complaint: [
      ['customer', text],
      ['agent', plainReply],
    ],
    greeting: [
      ['customer', opening],
      ['agent', text],
      ['customer', en ? 'OK, thanks.' : '好的'],
      ['agent', closing],
    ],
    closing: [
      ['customer', opening],
      ['agent', greeting],
      ['customer', en ? 'OK, thanks.' : '好的'],
      ['agent', text],
    ],
  }[as];
  if (!turns) return JSON.stringify({ id, text });
  return JSON.stringify({ id, turns: turns.map(([role, t]) => ({ role, text: t })) });
}

/** Whether the rule "recognises" the case, given whether it reported it. */
const recognised = (as, reported) => (as === 'greeting' || as === 'closing' ? !reported : reported);

/**
 * Runs every probe and near miss of every family through `lib.lintText` with `ruleSet`.
 * Returns per family: the probes caught, the probes missed (with known-miss marks), and the near
 * misses wrongly taken.
 */
export async function runProbes(lib, ruleSet, families) {
  const results = [];
  for (const fam of families) {
    const lines = [];
    fam.probes.forEach((p, i) => lines.push(caseLine(`p${i}`, fam.as, p.text)));
    fam.nearMisses.forEach((t, i) => lines.push(caseLine(`n${i}`, fam.as, t)));
    const result = await lib.lintText(lines.join('\n') + '\n', 'jsonl', ruleSet, fam.file);
    const reported = new Set(result.findings.filter((f) => f.ruleId === fam.rule).map((f) => f.conversation ?? f.unit));
    const caught = [];
    const missed = [];
    fam.probes.forEach((p, i) => (recognised(fam.as, reported.has(`p${i}`)) ? caught : missed).push(p));
    const wronglyTaken = fam.nearMisses.filter((_, i) => recognised(fam.as, reported.has(`n${i}`)));
    results.push({ family: fam.family, rule: fam.rule, as: fam.as, caught, missed, wronglyTaken, total: fam.probes.length });
  }
  return results;
}
