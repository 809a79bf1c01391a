import type { TextPositionSelector, TextQuoteSelector } from '../clips/types';
import { ceilToCharBoundary, floorToCharBoundary, toCodePointSpan } from '../text/code-points';

/**
 * Describing a span, apart from finding one again: the content script describes the clips it saves, while
 * re-anchoring (match-quote, approx-string-match) runs in the background (see anchorClipsForPage). The one
 * place where prefix and suffix are cut: the W3C export re-uses stored selectors and never cuts context itself.
 */

/** Characters of context kept on each side of a quote (W3C suggests enough to disambiguate; Hypothesis uses 32). */
export const CONTEXT_CHARS = 32;

/**
 * text[start, end) by its content and up to CONTEXT_CHARS UTF-16 units of context each side. The context is
 * shortened by one unit rather than cut through a surrogate pair (which would leave a lone surrogate).
 */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  if (!(start >= 0 && end > start && end <= text.length))
    throw new Error(`cannot quote ${start}–${end} of ${text.length} characters`);
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(ceilToCharBoundary(text, Math.max(0, start - CONTEXT_CHARS)), start),
    suffix: text.slice(end, floorToCharBoundary(text, Math.min(text.length, end + CONTEXT_CHARS))),
  };
}

/**
 * text[start, end) as a TextPositionSelector: UTF-16 offsets (what Tifa uses inside) and, for the W3C
 * boundary, the same span in code points (what the model's positions count).
 */
export function positionSelector(text: string, start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end, codePoints: toCodePointSpan(text, start, end) };
}

/** W3C selectors for text[start, end): a quote with context, and the position. */
export function describeSpan(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [quoteSelector(text, start, end), positionSelector(text, start, end)];
}
