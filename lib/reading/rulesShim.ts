// TEMPORARY: stands in for lib/rules/index.ts until the rules engineer's analyze() lands. Remove then.
import { extractOutline } from '../rules/outline';
import { findMentions } from '../rules/mentions';
import type { Analysis } from '../rules/types';

export function analyze(text: string): Analysis {
  const outline = extractOutline(text);
  const mentions = findMentions(text);
  const isPolicy = outline.length >= 5 && /讲话|报告|同志们/.test(text);
  return {
    verdict: { isPolicy, genre: isPolicy ? 'speech' : 'other', score: isPolicy ? 0.9 : 0.1, reasons: [] },
    outline,
    mentions,
    textLength: text.length,
  };
}
