/**
 * Turns stored settings into the `CompiledRuleSet` that `analyze(text, { ruleSet })` runs. Each pattern is
 * compiled once (re2js) and cached by source and flags, so recompiling after a settings change only compiles
 * what is new. A stored pattern that no longer passes the checks is left out (and reported), never run.
 */
import type { CompiledRuleSet, CustomPattern } from '../rules/custom-rules';
import type { MentionCategory } from '../rules/types';
import { compileUserPattern, type PatternProblem, type SpeedCheck } from './pattern';
import type { CustomRules } from './schema';

export interface RuleToggles {
  disabledCategories: MentionCategory[];
  disabledRules: string[];
}

export function defaultRuleToggles(): RuleToggles {
  return { disabledCategories: [], disabledRules: [] };
}

export interface CompileResult {
  ruleSet: CompiledRuleSet;
  /** Stored patterns left out, with the reason. */
  refused: Array<{ id: string; problem: PatternProblem }>;
}

export class RuleSetCompiler {
  readonly #cache = new Map<string, ReturnType<typeof compileUserPattern>>();

  constructor(private readonly speed: SpeedCheck = {}) {}

  compile(rules: CustomRules, toggles: RuleToggles = defaultRuleToggles()): CompileResult {
    const patterns: CustomPattern[] = [];
    const refused: CompileResult['refused'] = [];
    for (const p of rules.patterns) {
      const cacheKey = `${p.flags ?? 'u'}/${p.pattern}`;
      let check = this.#cache.get(cacheKey);
      if (!check) this.#cache.set(cacheKey, (check = compileUserPattern(p.pattern, p.flags, this.speed)));
      if (check.ok)
        patterns.push({ id: p.id, category: p.category, matcher: check.matcher, description: p.description });
      else refused.push({ id: p.id, problem: check.problem });
    }
    return {
      ruleSet: {
        terms: rules.terms,
        patterns,
        hidden: rules.hidden,
        corrections: rules.corrections,
        disabledCategories: toggles.disabledCategories,
        disabledRules: toggles.disabledRules,
      },
      refused,
    };
  }
}
