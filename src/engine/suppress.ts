// Inline disables in canned-reply libraries, each with a reason:
//
//   YAML   # aslint-disable-next-line term/price-protection -- 这是物流保价的说明
//          - id: shipping-insurance
//            text: 寄回时建议您办理保价。
//          # aslint-disable forbidden/* -- 旧话术，下季度重写
//          …
//          # aslint-enable forbidden/*
//   JSON   {"id": "…", "text": "…", "aslint-disable": {"rules": ["term/price-protection"], "reason": "…"}}
//          (or "aslint-disable": "term/price-protection -- reason"; the field works in YAML too)
//   text   # aslint-disable-next-line term/price-protection -- reason   (a comment line above the reply)
//
// `disable-next-line` covers the whole reply that starts on the next content line. Rule ids may
// end in `/*` (a prefix); no ids means every rule. A disable without a reason is itself a
// warning, and with --report-unused-disable-directives so is a disable that suppressed nothing.
import { DISABLE_FIELD, type Directive, type Parsed } from '../sources/directives.js';
import { inputFormat } from '../sources/index.js';
import type { Finding } from '../core/types.js';
import type { SourceFormat } from '../sources/index.js';
import { ruleMatches } from '../core/rule-pattern.js';
import { compareFindings } from './order.js';

export { DISABLE_FIELD, parseDirectiveText, type Directive, type DirectiveKind } from '../sources/directives.js';

export const DISABLE_WITHOUT_REASON = 'aslint/disable-without-reason';
export const UNUSED_DISABLE = 'aslint/unused-disable-directive';

/** The directives of a file and what they cover (the format's own way of writing them). Transcripts have none. */
export function parseDirectives(text: string, format: SourceFormat): Parsed {
  return inputFormat(format).library?.directives(text) ?? { directives: [], covers: [] };
}

function metaFinding(d: Directive, ruleId: string, message: string): Finding {
  const length = d.endOffset - d.offset;
  return {
    ruleId,
    kind: 'directive',
    severity: 'warning',
    message,
    unit: `L${d.line}`,
    conversation: null,
    turn: null,
    role: 'agent',
    line: d.line,
    column: d.column,
    endLine: d.line,
    endColumn: d.column + length,
    text: d.source,
    suggestions: [],
    start: 0,
    end: d.source.length,
    offset: d.offset,
    endOffset: d.endOffset,
    utterance: d.source,
  };
}

export interface SuppressOptions {
  reportUnused?: boolean;
}

export interface SuppressResult {
  findings: Finding[];
  /** How many findings the directives suppressed. */
  suppressed: number;
}

/**
 * Drops the findings a directive covers; adds a warning for each disable without a reason and,
 * with `reportUnused`, for each disable (or rule of one) that suppressed nothing.
 */
export function applyDirectives(findings: readonly Finding[], text: string, format: SourceFormat, options: SuppressOptions = {}): SuppressResult {
  const { directives, covers } = parseDirectives(text, format);
  if (directives.length === 0) return { findings: [...findings], suppressed: 0 };
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const hits = covers.filter((c) => c.from <= f.offset && f.offset < c.to && ruleMatches(c.rule, f.ruleId));
    if (hits.length === 0) kept.push(f);
    else {
      suppressed++;
      for (const c of hits) c.used = true;
    }
  }
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    if (d.reason === null) {
      const what = d.kind === 'field' ? `the "${DISABLE_FIELD}" field` : `aslint-${d.kind}`;
      kept.push(metaFinding(d, DISABLE_WITHOUT_REASON, `${what} needs a reason: add “-- <why>”${d.kind === 'field' ? ' or a "reason"' : ''}.`));
    }
    if (options.reportUnused) {
      const mine = covers.filter((c) => c.directive === d);
      const unused = mine.filter((c) => !c.used);
      if (mine.length === 0 || unused.length === mine.length) {
        kept.push(
          metaFinding(
            d,
            UNUSED_DISABLE,
            d.rules.length > 0 ? `unused disable directive: no finding of ${d.rules.join(', ')} here.` : 'unused disable directive: no finding here.',
          ),
        );
      } else if (unused.length > 0) {
        kept.push(metaFinding(d, UNUSED_DISABLE, `unused rule in disable directive: no finding of ${unused.map((c) => c.rule).join(', ')} here.`));
      }
    }
  }
  kept.sort(compareFindings);
  return { findings: kept, suppressed };
}
