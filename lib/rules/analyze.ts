/**
 * `analyze(text)`: the one entry point of the shared rule set. Pure and synchronous: the content script,
 * the CLI and the tests all call it on the same plain text.
 */
import { findBoilerplate, withoutBoilerplate } from './boilerplate';
import { findMentions } from './mentions';
import { extractOutline } from './outline';
import { findOccasion, findSpeaker } from './speaker';
import { findDate, findTitle } from './title';
import type { Analysis } from './types';
import { buildVerdictContext, judge } from './verdict';

export function analyze(text: string): Analysis {
  if (typeof text !== 'string') throw new TypeError('analyze(text): text must be a string');
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
  const speaker = findSpeaker(speech, title);
  if (speaker) analysis.speaker = speaker;
  const occasion = findOccasion(speech, title);
  if (occasion) analysis.occasion = occasion;
  return analysis;
}
