// npm run accuracy: how the bundled content judges real chats read and labelled by hand
// (../shared/data/dev, see its README), plus probe recall per family (test/content/probes).
// Uses the built library (dist/) in this process. Deterministic: no timings, sorted output.
//
//   complaint → missing apology   per language, on the labelled customer turns: each case is
//       [previous agent turn, the customer turn, the real next agent reply with its apologising
//       clauses removed]; a complaint should be reported, a neutral turn should not.
//   greeting / closing-offer      on the dialogues labelled complete, as they are.
//   findings per 1,000 agent turns, by rule, on every dialogue and reply as it is; the term and
//       forbidden findings are written to bench/out/findings-to-read.txt to be read one by one.
//   probes                         recall per family, and near misses wrongly taken.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProbes, runProbes } from './probes.js';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const DATA = process.env.ASLINT_DEV_DATA ?? join(ROOT, '..', 'shared', 'data', 'dev');
const OUT = join(ROOT, 'bench', 'out');
const PROBES = join(ROOT, 'test', 'content', 'probes');

const COMPLAINT_RULE = 'apology/missing-apology';
const GREETING_RULE = 'habits/greeting';
const CLOSING_RULE = 'habits/closing-offer';

const DIALOGUES = [
  { file: 'jddc_zh-Hans.jsonl', name: 'JDDC (zh)' },
  { file: 'ibm_twitter_en.jsonl', name: 'Twitter (en)' },
  { file: 'ecd_taobao_zh-Hans.jsonl', name: 'Taobao (zh)' },
  { file: 'ecd_taobao_agent_replies_zh-Hans.jsonl', name: 'Taobao replies (zh)' },
];

// Apologies and empathy, in every script and English, removed from the real next agent reply
// so that the case asks only "does the rule see the complaint?". Broader than any rule's list
// on purpose: a clause left with an apology in it would hide a miss.
const APOLOGY_CLAUSE =
  /抱歉|歉意|致歉|对不起|對不起|不好意思|见谅|見諒|谅解|諒解|久等|不便|添麻烦|添麻煩|失误|失誤|心情|着急|著急|辛苦|委屈|理解您|理解你|体谅|體諒|给您带来|給您帶來|歹势|歹勢|唔好意思|sorry|apolog|regret|inconvenien|frustrat|understand|hear (that|this|about)|that's not (the experience|what we)|not the experience|we hate|disappoint|concern/i;
const CLAUSE = /[^，,。．.！!？?；;\n～~…]+[，,。．.！!？?；;\n～~…]*/g;

const withoutApology = (text) =>
  (text.match(CLAUSE) ?? [])
    .filter((c) => !APOLOGY_CLAUSE.test(c))
    .join('')
    .trim();

const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const pct = (n, d) => (d === 0 ? '   –' : `${((100 * n) / d).toFixed(0).padStart(3)} %`);
const per1000 = (n, d) => (d === 0 ? '–' : ((1000 * n) / d).toFixed(1));
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
const langOf = (conv) => (conv.lang === 'en' ? 'en' : 'zh');

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...String(r[i])].length)));
  // Text columns to the left, numbers to the right.
  const numeric = headers.map((_, i) => rows.every((r) => /^[\d.,%/() –-]*$/.test(String(r[i]))));
  const line = (cells) => cells.map((c, i) => (numeric[i] ? padL(c, widths[i]) : pad(c, widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function complaintTable(lib, ruleSet, byId) {
  const labels = readJsonl(join(DATA, 'labels_complaints.jsonl'));
  const lines = [];
  const cases = [];
  for (const label of labels) {
    const conv = byId.get(label.conv);
    if (!conv) continue;
    const turns = conv.turns;
    const prev = turns[label.turn - 1];
    const nextIndex = turns.findIndex((t, k) => k > label.turn && t.role === 'agent');
    if (nextIndex < 0) continue;
    const caseTurns = [];
    if (prev && prev.role === 'agent') caseTurns.push(prev);
    caseTurns.push(turns[label.turn]);
    caseTurns.push({ role: 'agent', text: withoutApology(turns[nextIndex].text) });
    const id = `${label.conv}@${label.turn}`;
    cases.push({ id, label, lang: langOf(conv), text: turns[label.turn].text });
    lines.push(JSON.stringify({ id, lang: conv.lang, turns: caseTurns }));
  }
  const result = await lib.lintText(lines.join('\n') + '\n', 'jsonl', ruleSet, 'complaint-cases.jsonl');
  const flagged = new Map();
  for (const f of result.findings) if (f.ruleId === COMPLAINT_RULE && !flagged.has(f.conversation)) flagged.set(f.conversation, f);
  const rows = [];
  const toRead = [];
  for (const lang of ['zh', 'en']) {
    const mine = cases.filter((c) => c.lang === lang);
    const clear = mine.filter((c) => !c.label.borderline);
    const complaints = clear.filter((c) => c.label.label === 'complaint');
    const hits = clear.filter((c) => flagged.has(c.id));
    const tp = hits.filter((c) => c.label.label === 'complaint').length;
    const border = mine.filter((c) => c.label.borderline);
    const bc = border.filter((c) => c.label.label === 'complaint');
    const bn = border.filter((c) => c.label.label !== 'complaint');
    rows.push([
      lang,
      clear.length,
      complaints.length,
      hits.length,
      tp,
      pct(tp, hits.length),
      pct(tp, complaints.length),
      `${bc.filter((c) => flagged.has(c.id)).length}/${bc.length}`,
      `${bn.filter((c) => flagged.has(c.id)).length}/${bn.length}`,
    ]);
    for (const c of clear) {
      const isComplaint = c.label.label === 'complaint';
      const f = flagged.get(c.id);
      if (isComplaint === Boolean(f)) continue;
      toRead.push(
        `${isComplaint ? 'MISSED' : 'FALSE '} ${lang} ${c.id}${c.label.cue ? `  cue: ${c.label.cue}` : ''}\n  ${c.text.replace(/\n/g, ' ')}${f ? `\n  → ${f.message}` : ''}`,
      );
    }
  }
  return {
    text: table(
      ['lang', 'labelled', 'complaints', 'flagged', 'right', 'precision', 'recall', 'borderline complaints flagged', 'borderline neutral flagged'],
      rows,
    ),
    toRead,
  };
}

async function positionTable(lib, ruleSet, byId) {
  const labels = readJsonl(join(DATA, 'labels_dialogues.jsonl')).filter((l) => l.complete);
  const convs = labels.map((l) => byId.get(l.conv)).filter(Boolean);
  const result = await lib.lintText(convs.map((c) => JSON.stringify(c)).join('\n') + '\n', 'jsonl', ruleSet, 'complete-dialogues.jsonl');
  const fired = (rule) => new Set(result.findings.filter((f) => f.ruleId === rule).map((f) => f.conversation));
  const rows = [];
  const toRead = [];
  for (const [rule, field] of [
    [GREETING_RULE, 'greets'],
    [CLOSING_RULE, 'offers_more_help'],
  ]) {
    const on = fired(rule);
    for (const lang of ['zh', 'en', 'all']) {
      const mine = labels.filter((l) => lang === 'all' || langOf(byId.get(l.conv)) === lang);
      const lacking = mine.filter((l) => !l[field]);
      const hits = mine.filter((l) => on.has(l.conv));
      const tp = hits.filter((l) => !l[field]).length;
      rows.push([rule, lang, mine.length, lacking.length, hits.length, tp, pct(tp, hits.length), pct(tp, lacking.length)]);
      if (lang === 'all')
        for (const l of mine) {
          if (!l[field] === on.has(l.conv)) continue;
          const agent = byId.get(l.conv).turns.filter((t) => t.role === 'agent');
          const shown = rule === GREETING_RULE ? agent.slice(0, 1) : agent.slice(-3);
          toRead.push(`${on.has(l.conv) ? 'FALSE ' : 'MISSED'} ${rule} ${l.conv}\n${shown.map((t) => `  | ${t.text.replace(/\n/g, ' ')}`).join('\n')}`);
        }
    }
  }
  return {
    text: table(['rule', 'lang', 'complete dialogues', 'lacking', 'flagged', 'right', 'precision', 'recall'], rows),
    toRead,
  };
}

async function findingsTable(lib, ruleSet) {
  const counts = new Map();
  const agentTurns = [];
  const toRead = [];
  for (const [k, d] of DIALOGUES.entries()) {
    const path = join(DATA, d.file);
    const records = readJsonl(path);
    agentTurns.push(records.reduce((n, r) => n + (r.turns ? r.turns.filter((t) => t.role === 'agent').length : 1), 0));
    const result = await lib.lintFiles([path], ruleSet);
    const byConv = new Map(records.map((r) => [r.id, r]));
    for (const f of result.files[0].findings) {
      if (f.role !== 'agent') continue;
      if (!counts.has(f.ruleId))
        counts.set(
          f.ruleId,
          DIALOGUES.map(() => 0),
        );
      counts.get(f.ruleId)[k]++;
      if (f.kind !== 'term' && f.kind !== 'forbidden') continue;
      const conv = byConv.get(f.conversation ?? f.unit);
      const before = conv?.turns?.[f.turn - 1];
      const marked = `${f.utterance.slice(0, f.start)}【${f.text}】${f.utterance.slice(f.end)}`.replace(/\n/g, ' ');
      toRead.push(`${f.ruleId}  ${d.file} ${f.unit}\n${before ? `  customer: ${before.text.replace(/\n/g, ' ')}\n` : ''}  agent:    ${marked}`);
    }
  }
  const rules = [...counts.keys()].sort();
  const total = agentTurns.reduce((a, b) => a + b, 0);
  const withTotal = (ns) => [...ns, ns.reduce((a, b) => a + b, 0)];
  const turns = withTotal(agentTurns);
  const rows = rules.map((r) => [r, ...withTotal(counts.get(r)).map((n, k) => per1000(n, turns[k]))]);
  const sum = (pred) => withTotal(DIALOGUES.map((_, k) => rules.filter(pred).reduce((n, r) => n + counts.get(r)[k], 0)));
  const tf = sum((r) => r.startsWith('term/') || r.startsWith('forbidden/'));
  const all = sum(() => true);
  rows.push(['term + forbidden', ...tf.map((n, k) => `${per1000(n, turns[k])} (${n})`)]);
  rows.push(['all rules', ...all.map((n, k) => per1000(n, turns[k]))]);
  const headers = ['per 1,000 agent turns', ...DIALOGUES.map((d, k) => `${d.name} ${agentTurns[k]}`), `all ${total}`];
  return { text: table(headers, rows), toRead };
}

async function probeTable(lib, ruleSet) {
  if (!existsSync(PROBES)) return { text: 'no probes (test/content/probes missing)', toRead: [] };
  const results = await runProbes(lib, ruleSet, loadProbes(PROBES));
  const rows = results.map((r) => [r.family, r.rule, r.as, r.total, r.caught.length, pct(r.caught.length, r.total), r.wronglyTaken.length]);
  const toRead = results.flatMap((r) => [
    ...r.missed.map((p) => `MISSED ${r.family}: ${p.text}${p.knownMiss ? `  (known: ${p.knownMiss})` : ''}`),
    ...r.wronglyTaken.map((t) => `TAKEN  ${r.family} near miss: ${t}`),
  ]);
  return { text: table(['family', 'rule', 'as', 'probes', 'recognised', 'recall', 'near misses taken'], rows), toRead };
}

async function main() {
  // ASLINT_LIB: measure another build of the library (e.g. a branch built elsewhere) on this content.
  const lib = await import(process.env.ASLINT_LIB ?? join(ROOT, 'dist', 'index.js'));
  const ruleSet = await lib.loadRuleSet();
  mkdirSync(OUT, { recursive: true });
  const probes = await probeTable(lib, ruleSet);
  writeFileSync(join(OUT, 'probes-to-read.txt'), probes.toRead.join('\n') + '\n');
  if (!existsSync(join(DATA, 'labels_complaints.jsonl'))) {
    console.log(
      `No development data at ${relative(process.cwd(), DATA) || DATA}: the labelled chats are not on this machine, so only the probes are measured.`,
    );
    console.log(`(Put the data folder there, or set ASLINT_DEV_DATA to it.)\n`);
    console.log(`Probe recall per family\n${probes.text}`);
    return;
  }
  const byId = new Map();
  for (const f of ['jddc_zh-Hans.jsonl', 'ibm_twitter_en.jsonl']) for (const c of readJsonl(join(DATA, f))) byId.set(c.id, c);

  const complaints = await complaintTable(lib, ruleSet, byId);
  const positions = await positionTable(lib, ruleSet, byId);
  const findings = await findingsTable(lib, ruleSet);
  writeFileSync(join(OUT, 'findings-to-read.txt'), findings.toRead.join('\n\n') + '\n');
  writeFileSync(join(OUT, 'complaints-to-read.txt'), complaints.toRead.join('\n\n') + '\n');
  writeFileSync(join(OUT, 'positions-to-read.txt'), positions.toRead.join('\n\n') + '\n');

  console.log(`Complaint → ${COMPLAINT_RULE} (non-borderline labels; borderline apart as flagged/all)\n${complaints.text}\n`);
  console.log(`Greeting and closing offer on complete dialogues (positive = the dialogue lacks it)\n${positions.text}\n`);
  console.log(`Findings per 1,000 agent turns on the untouched data (agent turns in the header)\n${findings.text}\n`);
  console.log(`Probe recall per family\n${probes.text}\n`);
  console.log(
    `To read: ${['findings-to-read.txt', 'complaints-to-read.txt', 'positions-to-read.txt', 'probes-to-read.txt'].map((f) => relative(process.cwd(), join(OUT, f))).join(', ')}`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(2);
});
