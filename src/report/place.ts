// Where a finding is, as a person reads it. Turns count from 1 here, in every format meant for
// people (stylish, csv, html); the JSON report keeps the 0-based `turn` index (documented there).
import type { Finding } from '../core/types.js';

/** The 1-based turn number of a 0-based turn index. */
export function turnNumber(turn: number): number {
  return turn + 1;
}

/** `turn 4`, or `reply r1` for a canned reply. */
export function turnLabel(f: Pick<Finding, 'turn' | 'unit'>): string {
  return f.turn === null ? `reply ${f.unit}` : `turn ${turnNumber(f.turn)}`;
}

/** `c3 · turn 4 · agent 小美` for a transcript, `reply r1` for a canned reply. */
export function findingPlace(f: Pick<Finding, 'conversation' | 'turn' | 'unit' | 'role' | 'speaker'>): string {
  if (f.conversation === null || f.turn === null) return turnLabel(f);
  return [f.conversation, turnLabel(f), f.speaker ? `${f.role} ${f.speaker}` : f.role].join(' · ');
}
