// What the benchmarks share: running a command under GNU time, the small-file corpus, and
// textlint + prh set up with the glossary's misuse pairs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTranscripts } from './corpus.js';
import { prhYaml } from './prh.js';

export const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
/** The checkout measured: this one, or ASLINT_ROOT (another checkout, to compare before and after). */
export const aslintRoot = resolve(process.env.ASLINT_ROOT ?? root);
export const aslint = join(aslintRoot, 'bin', 'aslint.js');
const textlint = join(root, 'node_modules', 'textlint', 'bin', 'textlint.js');

export const env = (name, fallback) => process.env[name] ?? fallback;
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs node with `args` under GNU time, in `cwd`: wall seconds, CPU seconds (user + system:
 * steadier than wall time on a loaded machine) and peak RSS. aslint and textlint exit 1 for
 * findings, so only other codes are failures.
 */
export function run(args, cwd) {
  const timing = join(cwd, 'time.txt');
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-o', timing, '-f', '%U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, cwd });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [user, system, kib] = readFileSync(timing, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { ...r, seconds, cpu: user + system, rssMiB: kib / 1024 };
}

/** Writes `count` small text transcripts into a new folder `dir/name`; returns their bytes. The first n of 2n are the n. */
export function writeTranscripts(dir, name, count) {
  mkdirSync(join(dir, name));
  let bytes = 0;
  makeTranscripts(count).forEach((text, i) => {
    writeFileSync(join(dir, name, `chat-${String(i).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  });
  return bytes;
}

/** aslint on the folder `dir/name` of `count` files, a JSON report to a file; extra arguments after. */
export function aslintFiles(dir, name, count, extra = []) {
  const out = join(dir, 'aslint.json');
  const r = run([aslint, 'lint', name, '--format', 'json', '-o', out, ...extra], dir);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  if (report.files.length !== count) throw new Error(`aslint reported ${report.files.length} files, not ${count}`);
  return { seconds: r.seconds, cpu: r.cpu, findings: report.files.reduce((n, f) => n + f.findings.length, 0) };
}

/** Writes prh.yml (the glossary's misuse pairs) and .textlintrc.json into `dir`; returns the number of pairs. */
export async function setUpTextlint(dir) {
  const prh = await prhYaml();
  writeFileSync(join(dir, 'prh.yml'), prh.text);
  writeFileSync(join(dir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }));
  return prh.pairs;
}

/** textlint + prh on the folder `dir/name` of `count` files (after setUpTextlint(dir)). */
export function textlintFiles(dir, name, count) {
  const out = join(dir, 'textlint.json');
  rmSync(out, { force: true });
  const r = run([textlint, '--rules-base-directory', join(root, 'node_modules'), '--format', 'json', '-o', out, name], dir);
  // textlint exits 1 for findings and for failures alike: only a complete report counts.
  const report = JSON.parse(readFileSync(out, 'utf8'));
  if (!Array.isArray(report) || report.length !== count) throw new Error(`textlint reported ${report.length} files, not ${count}: ${r.stderr}`);
  const findings = report.reduce((n, f) => n + f.messages.filter((m) => m.ruleId === 'prh').length, 0);
  if (findings === 0) throw new Error('textlint + prh found nothing: prh.yml was not used');
  return { seconds: r.seconds, cpu: r.cpu, findings };
}
