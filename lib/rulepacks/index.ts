/** The reader's own rules: safe user patterns (re2js), rule packs, settings storage and compilation. */
export { compileUserPattern, MAX_MATCHES_PER_PATTERN, type PatternProblem, type PatternCheck } from './pattern';
export { patternProblemText, type Bilingual } from './messages';
export * from './schema';
export { parseRulePack, exportRulePack, serializeRulePack, mergeRulePack, RulePackError } from './pack';
export { RuleSetCompiler, defaultRuleToggles, type RuleToggles, type CompileResult } from './compile';
export { startLiveRuleSet, hideTerm, correctCategory, addTerm, type LiveRuleSet } from './live';
