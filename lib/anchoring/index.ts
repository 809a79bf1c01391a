import type { TextPositionSelector, TextQuoteSelector } from '../clips/types';
import { contextAgreement, MIN_CONTEXT_SCORE, matchQuote } from './match-quote';
import { TextPositionAnchor } from './text-position';
import { TextQuoteAnchor } from './text-quote';

export { TextPositionAnchor } from './text-position';
export { TextQuoteAnchor } from './text-quote';
export { CONTEXT_CHARS, describeSpan } from './describe';
export { matchQuote, MATCH_WEIGHTS, MAX_QUOTE_ERROR_RATE, MIN_CONTEXT_SCORE } from './match-quote';

export type ClipSelectors = [TextQuoteSelector, TextPositionSelector];

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
 * exactly, then fuzzily (see matchQuote). Null when it cannot be placed with confidence: an orphan.
 */
export function anchorSelectors(text: string, [quoteSel, positionSel]: ClipSelectors): Anchored | null {
  const position = TextPositionAnchor.fromSelector(positionSel);
  const quote = TextQuoteAnchor.fromSelector(quoteSel);
  if (position.textIn(text) === quote.exact && contextAgreesAt(text, quote, position.start, position.end)) {
    return { start: position.start, end: position.end, method: 'position', errors: 0 };
  }
  const match = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position.start });
  if (!match) return null;
  return { start: match.start, end: match.end, method: match.errors ? 'fuzzy' : 'exact', errors: match.errors };
}

function contextAgreesAt(text: string, quote: TextQuoteAnchor, start: number, end: number): boolean {
  const parts: number[] = [];
  if (quote.prefix) parts.push(contextAgreement(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix));
  if (quote.suffix) parts.push(contextAgreement(text.slice(end, end + quote.suffix.length), quote.suffix));
  return !parts.length || parts.reduce((a, b) => a + b, 0) / parts.length >= MIN_CONTEXT_SCORE;
}
