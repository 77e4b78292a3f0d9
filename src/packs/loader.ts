import { CHECK_KINDS } from '../checks/index.js';
import type { RuleSpec } from '../checks/kind.js';
import type { ExampleOrigins, Origin } from '../glossary/model.js';
import { packSchema, ruleSchema } from './schema.js';
import { readYamlFile, validate } from '../yaml/file.js';

export interface LoadedRule {
  /** `<pack>/<rule>` */
  id: string;
  spec: RuleSpec;
  origin: Origin;
  exampleOrigins?: ExampleOrigins;
}

/** Loads rule packs in order; full rule ids are unique across all of them. */
export function loadRulePacks(files: readonly string[]): LoadedRule[] {
  const rules: LoadedRule[] = [];
  const seen = new Map<string, string>();
  for (const path of files) {
    const file = readYamlFile(path);
    validate(file, file.data, packSchema, [], 'rule pack');
    const data = file.data as { pack: string; rules: RuleSpec[] };
    data.rules.forEach((spec, i) => {
      validate(file, spec, ruleSchema(CHECK_KINDS.get(spec.kind)!), ['rules', i], `rule "${spec.id}":`);
      const id = `${data.pack}/${spec.id}`;
      const where = file.positionOf(['rules', i]);
      const first = seen.get(id);
      if (first) throw file.error(['rules', i, 'id'], `duplicate rule id "${id}" (first defined at ${first})`, 'Give each rule in a pack its own id.');
      seen.set(id, `${path}:${where.line}:${where.column}`);
      const at = (side: 'good' | 'bad') => (spec.examples?.[side] ?? []).map((_, k) => ({ file: path, ...file.positionOf(['rules', i, 'examples', side, k]) }));
      rules.push({ id, spec, origin: { file: path, line: where.line, column: where.column }, exampleOrigins: { good: at('good'), bad: at('bad') } });
    });
  }
  return rules;
}
