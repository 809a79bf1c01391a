import type { TextPositionSelector, TextQuoteSelector } from '../clips/types';
import { contextAgreement, MIN_CONTEXT_SCORE, placeQuote, type UnplacedReason } from './match-quote';
import type { SearchBudget } from './search-budget';
import { TextPositionAnchor } from './text-position';
import { TextQuoteAnchor } from './text-quote';

export { TextPositionAnchor } from './text-position';
export { TextQuoteAnchor } from './text-quote';
export { CONTEXT_CHARS, describeSpan } from './describe';
export { matchQuote, placeQuote, MATCH_WEIGHTS, MAX_QUOTE_ERROR_RATE, MIN_CONTEXT_SCORE } from './match-quote';
export type { QuoteContext, QuoteMatch, QuotePlacement, UnplacedReason } from './match-quote';
export { createSearchBudget, MAX_COST_PER_CLIP, MAX_COST_PER_PAGE, SearchBudget } from './search-budget';

/** A quote, and its position when known (a clip imported from a quote alone has none: it is never invented). */
export type ClipSelectors = [TextQuoteSelector, TextPositionSelector?];

/** How a clip was placed: at its old position, by exact search for its quote, or by fuzzy search. */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** Edit distance between the stored quote and the text found (0 unless fuzzy). */
  errors: number;
}

/**
 * Places a clip in the current text: first at its stored position if the quote is still there (and its
 * context still agrees, in case the same words moved into that spot), then by searching for the quote —
 * exactly, then fuzzily (see placeQuote), within `budget` (default: one clip's ceiling).
 * Null when it cannot be placed with confidence: an orphan.
 */
export function anchorSelectors(text: string, selectors: ClipSelectors, budget?: SearchBudget): Anchored | null {
  const found = placeSelectors(text, selectors, budget);
  return 'reason' in found ? null : found;
}

/** anchorSelectors, saying why a clip was not placed. */
export function placeSelectors(
  text: string,
  [quoteSel, positionSel]: ClipSelectors,
  budget?: SearchBudget,
): Anchored | { reason: UnplacedReason } {
  const quote = TextQuoteAnchor.fromSelector(quoteSel);
  const position = positionSel ? TextPositionAnchor.fromSelector(positionSel) : undefined;
  if (position && position.textIn(text) === quote.exact && contextAgreesAt(text, quote, position.start, position.end)) {
    return { start: position.start, end: position.end, method: 'position', errors: 0 };
  }
  const result = placeQuote(
    text,
    quote.exact,
    { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start },
    budget,
  );
  if (result.status === 'unplaced') return { reason: result.reason };
  const { match } = result;
  return { start: match.start, end: match.end, method: match.errors ? 'fuzzy' : 'exact', errors: match.errors };
}

function contextAgreesAt(text: string, quote: TextQuoteAnchor, start: number, end: number): boolean {
  const parts: number[] = [];
  if (quote.prefix)
    parts.push(contextAgreement(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix));
  if (quote.suffix) parts.push(contextAgreement(text.slice(end, end + quote.suffix.length), quote.suffix));
  return !parts.length || parts.reduce((a, b) => a + b, 0) / parts.length >= MIN_CONTEXT_SCORE;
}
