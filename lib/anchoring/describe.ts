import type { TextQuoteSelector } from '../clips/types';
import { TextPositionAnchor } from './text-position';
import type { ClipSelectors } from './index';

/**
 * Describing a span, apart from finding one again: the content script describes the clips it saves, while
 * re-anchoring (match-quote, approx-string-match) runs in the background (see anchorClipsForPage).
 */

/** Characters of context kept on each side of a quote (W3C suggests enough to disambiguate; Hypothesis uses 32). */
export const CONTEXT_CHARS = 32;

/** text[start, end) by its content and up to CONTEXT_CHARS of context each side. */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  if (!(start >= 0 && end > start && end <= text.length)) throw new Error(`cannot quote ${start}–${end} of ${text.length} characters`);
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, Math.min(text.length, end + CONTEXT_CHARS)),
  };
}

/** W3C selectors for text[start, end): a quote with context, and the position. */
export function describeSpan(text: string, start: number, end: number): ClipSelectors {
  return [quoteSelector(text, start, end), new TextPositionAnchor(start, end).toSelector()];
}
