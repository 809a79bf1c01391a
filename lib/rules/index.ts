/** Public surface of the shared rule set. */
export { analyze, type AnalyzeOptions } from './analyze';
export {
  applyCustomRules,
  foldText,
  termKey,
  customPatternRuleId,
  CUSTOM_TERM_RULE_ID,
  EMPTY_RULE_SET,
  type CompiledRuleSet,
  type CustomPattern,
  type CustomTerm,
  type PatternMatcher,
} from './custom-rules';
export type * from './types';
export { MENTION_CATEGORIES } from './types';
export { MENTION_RULES, LEXICON, type MentionRule, type LexiconEntry } from './mention-rules';
export { VERDICT_RULES, VERDICT_BIAS, type VerdictRule, type VerdictContext } from './verdict-rules';
export { GLOSSARY, glossFor, glossSourceFor } from './glossary';
export { GLOSSARY_SOURCES } from './glossary-sources';
export { BOILERPLATE_RULES, findBoilerplate } from './boilerplate';
export { findMentions, mentionKey } from './mentions';
export { judge, buildVerdictContext, verdictFor } from './verdict';
export { findTitle, findDate } from './title';
export { findSpeaker, findOccasion, speakerLabel, bylineSpeaker, titleSpeaker } from './speaker';
export { extractOutline } from './outline';
