import { checkSync } from 'recheck';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
const all=[];
for (const f of readdirSync('rules')) { const d = parse(readFileSync('rules/'+f,'utf8')); const walk=(o)=>{ if (Array.isArray(o)) o.forEach(walk); else if (o && typeof o==='object') for (const [k,v] of Object.entries(o)) { if (k==='regex') all.push(...v); else walk(v);} }; walk(d); }
let t=performance.now();
const opts = { checker: 'automaton', timeout: 2000 };
for (const r of all) { const t1=performance.now(); const c = checkSync(r, 'u', opts); const dt=performance.now()-t1; if (c.status!=='safe' || dt>200) console.log(r, c.status, c.complexity?.type, dt.toFixed(0)); }
console.log(all.length, (performance.now()-t).toFixed(0), 'ms');
for (const s of ['(a+)+$','(a|aa)+$','(\\w+\\s?)+$']) { const t=performance.now(); const r = checkSync(s, 'u', opts); console.log(s, r.status, r.complexity?.type, r.checker, (performance.now()-t).toFixed(0)+'ms'); }
