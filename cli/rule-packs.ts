/** `--rules pack.json`: reads, validates and merges rule packs into one compiled rule set for analyze(). */
import { readFile } from 'node:fs/promises';
// Module by module, not lib/rulepacks/index: that also exports the browser-storage parts.
import { RuleSetCompiler } from '../lib/rulepacks/compile';
import { mergeRulePack, parseRulePack, RulePackError } from '../lib/rulepacks/pack';
import { emptyCustomRules } from '../lib/rulepacks/schema';
import type { CompiledRuleSet } from '../lib/rules/custom-rules';

/** One line: "pack.json: patterns[2] (id "x"): not a valid regular expression: …". */
export class RulePackFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'RulePackFileError';
  }
}

export async function loadRulePacks(files: readonly string[]): Promise<CompiledRuleSet> {
  let rules = emptyCustomRules();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new RulePackFileError(
        file,
        code === 'ENOENT' ? 'no such rule pack' : `cannot read the rule pack (${code ?? String(err)})`,
      );
    }
    try {
      rules = mergeRulePack(rules, parseRulePack(text)).rules;
    } catch (err) {
      if (err instanceof RulePackError) throw new RulePackFileError(file, err.message.split('\n')[0]);
      throw err;
    }
  }
  return new RuleSetCompiler().compile(rules).ruleSet;
}
