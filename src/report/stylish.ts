import { Chalk } from 'chalk';
import { displayWidth as stringWidth, escapeControl, padToWidth as pad } from '../text/terminal.js';
import type { Finding, Severity } from '../core/types.js';
import { codeFrame } from './codeframe.js';
import type { Reporter } from '../runner/result.js';
import { findingPlace } from './place.js';
import { FULL_SCORE, PASS_MARK, type AgentSummary, type ConversationScore } from '../runner/result.js';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/**
 * Findings grouped by file and conversation, with the utterance and the span underlined. A reply
 * library's finding is placed by line:column in its file; a transcript's by conversation, turn and
 * speaker (`c3 · turn 4 · agent 小美`), which a reviewer can find in the chat.
 */
export const stylish: Reporter = (result, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const colour: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  const scores = result.scores.conversations;
  const scoreOf = new Map(scores.map((s) => [`${s.fileIndex}\0${s.conversation}`, s]));
  result.files.forEach((file, fileIndex) => {
    if (file.findings.length === 0) return;
    out.push(c.underline(escapeControl(file.path)));
    let group: string | null | undefined;
    const width = Math.max(...file.findings.map((f) => stringWidth(place(f))));
    for (const f of file.findings) {
      const heading = groupOf(f);
      if (heading !== group) {
        group = heading;
        const score = f.conversation === null ? undefined : scoreOf.get(`${fileIndex}\0${f.conversation}`);
        out.push(`  ${c.bold(escapeControl(heading))}${score ? scoreLabel(score, c) : ''}`);
      }
      const where = pad(place(f), width);
      const suggestion = f.suggestions.length > 0 ? c.dim(`  → ${escapeControl(f.suggestions.join(' / '))}`) : '';
      out.push(
        `    ${c.dim(where)}  ${colour[f.severity](pad(LABEL[f.severity], 7))}  ${escapeControl(f.message)}${suggestion}  ${c.dim(escapeControl(f.ruleId))}`,
      );
      // A record that could not be read has no text to show.
      if (f.utterance === '') continue;
      const frame = codeFrame(f.utterance, f.start, f.end);
      const indent = ' '.repeat(4 + width + 2);
      out.push(`${indent}${c.dim('│')} ${frame.line}`);
      out.push(`${indent}${c.dim('│')} ${colour[f.severity](frame.marker)}`);
    }
    out.push('');
  });
  if (scores.length > 0) out.push(...agentTable(result.scores.agents, c), '');
  const { errors, warnings, infos, files, units } = result.summary;
  const total = errors + warnings + infos;
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info`;
  const scope = `${units} utterance${units === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  if (total === 0) out.push(c.green(`✔ no problems (${scope})`));
  else out.push((errors > 0 ? c.red.bold : c.yellow.bold)(`✖ ${total} problem${total === 1 ? '' : 's'} (${counts}) in ${scope}`));
  // Transcripts are records of what was said: only canned replies are ever rewritten.
  const fixable = result.files.reduce((n, f) => n + f.findings.filter((x) => x.fix && x.conversation === null).length, 0);
  if (fixable > 0) out.push(c.dim(`  ${fixable} fixable with --fix`));
  const skipped = result.summary.skipped;
  if (skipped) out.push(c.dim(`  not linted: ${skipped.media} image or other media message${skipped.media === 1 ? '' : 's'}, ${skipped.empty} empty`));
  return out.join('\n') + '\n';
};

function place(f: Finding): string {
  // A transcript's place names its speaker: input, so escaped.
  return f.conversation === null ? `${f.line}:${f.column}` : escapeControl(findingPlace(f));
}

function groupOf(f: Finding): string {
  if (f.conversation !== null) return `conversation ${f.conversation}`;
  if (f.kind === 'input') return `unreadable record, line ${f.line}`;
  return `reply ${f.unit}`;
}

function scoreLabel(score: ConversationScore, c: InstanceType<typeof Chalk>): string {
  const agents = escapeControl(score.agents.filter((a) => a).join(', '));
  const points = `${score.score}/${FULL_SCORE}`;
  const fatal = score.fatal.length > 0 ? c.red.bold(` fatal: ${score.fatal.join(', ')}`) : '';
  return c.dim(`${agents ? ` · ${agents}` : ''} · score `) + (score.score < PASS_MARK ? c.red(points) : points) + fatal;
}

/** The agents' summary, worst average first. */
function agentTable(agents: readonly AgentSummary[], c: InstanceType<typeof Chalk>): string[] {
  const rows = agents.map((a) => [
    escapeControl(a.agent) || '(unnamed)',
    String(a.conversations),
    a.averageScore.toFixed(1),
    String(a.fatalConversations),
    String(a.errors),
    String(a.warnings),
    String(a.infos),
  ]);
  const head = ['agent', 'conversations', 'average score', 'fatal', 'errors', 'warnings', 'infos'];
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i]!))));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((cell, i) => pad(cell, widths[i]!))
      .join('  ')
      .trimEnd();
  return [c.bold('Agents'), c.dim(line(head)), ...rows.map(line)];
}
