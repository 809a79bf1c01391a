/**
 * `analyze(text)`: the one entry point of the shared rule set. Pure and synchronous: the content script,
 * the CLI and the tests all call it on the same plain text.
 */
import { findBoilerplate, withoutBoilerplate } from './boilerplate';
import { normalizeText } from './normalize';
import { toOriginalAnalysis } from './normalize-spans';
import { findMentions } from './mentions';
import { extractOutline } from './outline';
import { findDate, findTitle } from './title';
import type { Analysis } from './types';
import { buildVerdictContext, judge } from './verdict';

export function analyze(text: string): Analysis {
  if (typeof text !== 'string') throw new TypeError('analyze(text): text must be a string');
  // ---- normalisation (issue 8): rules read the folded text; spans are mapped back to `text`. ----
  const normalized = normalizeText(text);
  return toOriginalAnalysis(analyzeNormalized(normalized.text), normalized, text);
}

/** All rules on already-normalised text (offsets index that text). */
function analyzeNormalized(text: string): Analysis {
  const boilerplate = findBoilerplate(text);
  const outline = extractOutline(text);
  const mentions = findMentions(text, { boilerplate });
  const speech = withoutBoilerplate(text, boilerplate);
  const verdict = judge(buildVerdictContext(speech, outline, mentions));
  const title = findTitle(speech);
  const date = findDate(speech, title);
  const analysis: Analysis = { verdict, outline, mentions, textLength: text.length };
  if (title) analysis.title = title;
  if (date) analysis.date = date;
  return analysis;
}
