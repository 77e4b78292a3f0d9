// Summarises a V8 CPU profile (node --cpu-prof): self time grouped by file, then by function.
//   node --cpu-prof --cpu-prof-dir=prof bin/aslint.js lint chats/ --format json -o /dev/null
//   node bench/cpu-profile.js prof/*.cpuprofile [files=25] [functions=25]
import { readFileSync } from 'node:fs';

const [file, nFiles = '25', nFunctions = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/cpu-profile.js <file.cpuprofile> [files] [functions]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
// Each sample is charged the time until the next one (timeDeltas[k + 1]).
const selfMicros = new Map();
profile.samples.forEach((id, k) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[k + 1] ?? 0)));

const byFile = new Map();
const byFunction = new Map();
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
for (const [id, us] of selfMicros) {
  const { url, functionName, lineNumber } = nodes.get(id).callFrame;
  const where = (url || `(${functionName || 'native'})`).replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/');
  add(byFile, where, us);
  add(byFunction, `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`, us);
}
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
const print = (map, n) => {
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${key}`);
};
console.log(`${(total / 1000).toFixed(0)} ms sampled\n-- self time by file`);
print(byFile, Number(nFiles));
console.log('-- self time by function');
print(byFunction, Number(nFunctions));
