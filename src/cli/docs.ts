// `aslint docs --out docs/rules` writes one page per rule, generated from the rules' metadata,
// plus an index. `--check` only says whether the folder is up to date (for CI).
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import type { ContentSources } from '../core/package.js';
import { docsDiff, rulePages, writeDocs } from '../report/rule-docs-files.js';
import { loadRuleInfos } from '../report/configured-rules.js';
import type { CommandState } from './index.js';
import { ruleSourceOptions } from './options.js';

interface DocsOptions extends ContentSources {
  out: string;
  check?: boolean;
}

export function registerDocs(program: Command, state: CommandState): void {
  ruleSourceOptions(
    program
      .command('docs')
      .description("write a docs page for every rule (generated from the rules' metadata)")
      .option('--out <dir>', 'the folder to write into', 'docs/rules')
      .option('--check', 'write nothing; exit 1 when the folder is out of date'),
  ).action(async (options: DocsOptions) => {
    const pages = rulePages(await loadRuleInfos(options));
    const shown = (p: string) => relative(process.cwd(), join(options.out, p)) || p;
    if (options.check) {
      const diff = docsDiff(pages, options.out);
      const problems = [...diff.changed.map((p) => `out of date: ${shown(p)}`), ...diff.stale.map((p) => `no such rule any more: ${shown(p)}`)];
      if (problems.length > 0) {
        process.stderr.write(`${problems.join('\n')}\nRun \`aslint docs --out ${options.out}\` to regenerate.\n`);
        state.exitCode = 1;
      }
      return;
    }
    const diff = writeDocs(pages, options.out);
    process.stdout.write(`${pages.size} pages in ${options.out}: ${diff.changed.length} written, ${diff.stale.length} removed\n`);
  });
}
