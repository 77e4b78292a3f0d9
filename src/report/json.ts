import type { Reporter } from './result.js';

/** The JSON report: its shape (version 1) is a contract that tests pin. */
export const json: Reporter = (result) => {
  return JSON.stringify(
    {
      version: 1,
      files: result.files.map((f) => ({
        path: f.path,
        findings: f.findings.map((x) => ({
          ruleId: x.ruleId,
          kind: x.kind,
          severity: x.severity,
          message: x.message,
          unit: x.unit,
          conversation: x.conversation,
          turn: x.turn,
          role: x.role,
          line: x.line,
          column: x.column,
          endLine: x.endLine,
          endColumn: x.endColumn,
          text: x.text,
          suggestions: x.suggestions,
          ...(x.related ? { related: x.related.map(({ unit, turn, line, column, endLine, endColumn, text, message }) => ({ unit, turn, line, column, endLine, endColumn, text, message })) } : {}),
        })),
      })),
      summary: result.summary,
      scores: {
        conversations: result.scores.conversations.map(({ findings: _count, fileIndex: _file, ...score }) => score),
        agents: result.scores.agents,
      },
    },
    null,
    2,
  ) + '\n';
};
