import type { TextQuoteSelector } from '../clips/types';
import { quoteSelector } from './describe';
import { matchQuote, type QuoteMatch } from './match-quote';

/** A span of the extracted text described by its content and surroundings (W3C TextQuoteSelector). */
export class TextQuoteAnchor {
  constructor(
    readonly exact: string,
    readonly prefix = '',
    readonly suffix = '',
  ) {}

  /** Describes text[start, end) by its content and up to CONTEXT_CHARS of context each side. */
  static fromSpan(text: string, start: number, end: number): TextQuoteAnchor {
    return TextQuoteAnchor.fromSelector(quoteSelector(text, start, end));
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
