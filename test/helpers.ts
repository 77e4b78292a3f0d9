import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../src/cli/index.js';
import { dirname, join } from 'node:path';
import { loadRulePacks } from '../src/packs/loader.js';
import { compileRuleSet, type RuleSet } from '../src/engine/ruleset.js';
import { loadGlossary } from '../src/glossary/loader.js';
import { InputError, type Conversation, type Role } from '../src/core/types.js';

export const TEST_DATA = join(dirname(fileURLToPath(import.meta.url)), 'data');

/** The test glossary and rule pack in test/data, compiled once per test file. */
export async function testRuleSet(): Promise<RuleSet> {
  const glossary = await loadGlossary([join(TEST_DATA, 'glossary.yaml')]);
  return compileRuleSet(glossary, loadRulePacks([join(TEST_DATA, 'rules.yaml')]));
}

/** A conversation whose turn k sits on line k+1, column = text offset + 1. */
export function dialogue(id: string, turns: [Role, string][]): Conversation {
  return {
    id,
    dialogue: true,
    units: turns.map(([role, text], k) => ({
      id: `${id}#${k}`,
      conversationId: id,
      index: k,
      role,
      text,
      locate: (i: number) => ({ line: k + 1, column: i + 1, offset: i }),
    })),
  };
}

/** A canned reply on line 1. */
export function reply(id: string, text: string): Conversation {
  return {
    id: null,
    dialogue: false,
    units: [{ id, conversationId: null, index: null, role: 'agent', text, locate: (i: number) => ({ line: 1, column: i + 1, offset: i }) }],
  };
}

/** The test glossary and rule pack as lint options (no bundled content, no config file). */
export const TEST_RUN_OPTIONS = {
  defaults: false,
  glossary: [join(TEST_DATA, 'glossary.yaml')],
  rules: [join(TEST_DATA, 'rules.yaml')],
  useConfig: false,
};

/**
 * Runs the CLI in this process (optionally as if started in `cwd`, with `stdin` as its standard
 * input); returns the exit code and what it printed.
 */
export async function runCli(args: string[], cwd?: string, stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true)),
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true)),
    ...(cwd ? [vi.spyOn(process, 'cwd').mockReturnValue(cwd)] : []),
    ...(stdin === undefined ? [] : [vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from(stdin)]) as typeof process.stdin)]),
  ];
  try {
    const code = await main(['node', 'aslint', ...args]);
    return { code, stdout, stderr };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** The formatted InputError a call throws (sync or async); fails the test when it throws none or another error. */
export async function inputErrorOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof InputError) return e.format();
    throw e;
  }
  throw new Error('expected an InputError, and nothing was thrown');
}
