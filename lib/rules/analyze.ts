/**
 * `analyze(text)`: the one entry point of the shared rule set. Pure and synchronous: the content script,
 * the CLI and the tests all call it on the same plain text.
 */
import { findBoilerplate } from './boilerplate';
import { speechOnly } from './cover-note';
import { applyCustomRules, type CompiledRuleSet } from './custom-rules';
import { MENTION_RULES } from './mention-rules';
import { findMentions, mentionKey } from './mentions';
import { normalizeText } from './normalize';
import { toOriginalAnalysis } from './normalize-spans';
import { extractOutline } from './outline';
import { findOccasion, findSpeaker } from './speaker';
import { findDate, findTitle } from './title';
import type { Analysis } from './types';
import { buildVerdictContext, judge } from './verdict';

export interface AnalyzeOptions {
  /** The reader's custom rules and toggles (lib/rulepacks compiles them). Without it: the built-in rules only. */
  ruleSet?: CompiledRuleSet;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  if (typeof text !== 'string') throw new TypeError('analyze(text): text must be a string');
  // ---- normalisation (issue 8): rules read the folded text; spans are mapped back to `text`. ----
  const normalized = normalizeText(text);
  return toOriginalAnalysis(analyzeNormalized(normalized.text, options), normalized, text);
}

/** All rules on already-normalised text (offsets index that text). */
function analyzeNormalized(text: string, options: AnalyzeOptions): Analysis {
  const boilerplate = findBoilerplate(text);
  const outline = extractOutline(text);
  const mentions = options.ruleSet
    ? findMentionsWithRuleSet(text, boilerplate, options.ruleSet)
    : findMentions(text, { boilerplate });
  // The verdict reads the speech alone: no site boilerplate, no office's cover note circulating it.
  const speech = speechOnly(text, boilerplate);
  const verdict = judge(buildVerdictContext(speech, outline, mentions));
  const title = findTitle(speech);
  const date = findDate(speech, title);
  const analysis: Analysis = { verdict, outline, mentions, textLength: text.length };
  if (title) analysis.title = title;
  if (date) analysis.date = date;
  const speaker = findSpeaker(speech, title);
  if (speaker) analysis.speaker = speaker;
  const occasion = findOccasion(speech, title);
  if (occasion) analysis.occasion = occasion;
  return analysis;
}

// --- The reader's rule set (issue 13): one delimited hook, the engine lives in custom-rules.ts. ---------------
function findMentionsWithRuleSet(
  text: string,
  boilerplate: Array<[number, number]>,
  ruleSet: CompiledRuleSet,
): Analysis['mentions'] {
  const off = new Set(ruleSet.disabledRules);
  const rules = off.size ? MENTION_RULES.filter((r) => !off.has(r.id)) : MENTION_RULES;
  const builtIn = findMentions(text, { boilerplate, rules });
  return applyCustomRules({ text, builtIn, boilerplate, keyOf: mentionKey }, ruleSet);
}
