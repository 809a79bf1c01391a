import type { TextQuoteSelector } from '../clips/types';
import { matchQuote, type QuoteMatch } from './match-quote';

/** Characters of context kept on each side of a quote (W3C suggests enough to disambiguate; Hypothesis uses 32). */
export const CONTEXT_CHARS = 32;

/** A span of the extracted text described by its content and surroundings (W3C TextQuoteSelector). */
export class TextQuoteAnchor {
  constructor(
    readonly exact: string,
    readonly prefix = '',
    readonly suffix = '',
  ) {}

  /** Describes text[start, end) by its content and up to CONTEXT_CHARS of context each side. */
  static fromSpan(text: string, start: number, end: number): TextQuoteAnchor {
    if (!(start >= 0 && end > start && end <= text.length)) throw new Error(`cannot quote ${start}–${end} of ${text.length} characters`);
    return new TextQuoteAnchor(
      text.slice(start, end),
      text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      text.slice(end, Math.min(text.length, end + CONTEXT_CHARS)),
    );
  }

  static fromSelector(selector: TextQuoteSelector): TextQuoteAnchor {
    return new TextQuoteAnchor(selector.exact, selector.prefix, selector.suffix);
  }

  toSelector(): TextQuoteSelector {
    return { type: 'TextQuoteSelector', exact: this.exact, prefix: this.prefix, suffix: this.suffix };
  }

  /** Finds the quote in (a possibly edited) text; `hint` is where it used to start. */
  locate(text: string, hint?: number): QuoteMatch | null {
    return matchQuote(text, this.exact, { prefix: this.prefix, suffix: this.suffix, hint });
  }
}
