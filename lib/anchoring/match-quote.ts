import approxSearch from 'approx-string-match';

/**
 * Finds a quote in a text that may have changed since the quote was taken, the way Hypothesis does
 * (src/annotator/anchoring/match-quote): candidate matches (exact first, else approximate within an error
 * budget) are scored on how well the quote, its prefix and suffix, and its old position agree, with the named
 * weights below. Policy texts are formulaic — the same sentence can recur — so a match is accepted only when
 * it clears the thresholds: a wrong match is worse than none.
 */

/** Weights of the parts of a match's score. The quote dominates; context separates repeats; position breaks ties. */
export const MATCH_WEIGHTS = {
  quote: 50,
  prefix: 20,
  suffix: 20,
  position: 2,
} as const;

/** Largest share of the quote's length that may differ (insertions, deletions, substitutions). */
export const MAX_QUOTE_ERROR_RATE = 0.15;
/** Least agreement of prefix and suffix (mean of their scores, 0..1) for a match that is fuzzy or one of several. */
export const MIN_CONTEXT_SCORE = 0.5;
/** Upper bound on the error budget: keeps the bit-parallel search fast on very long quotes. */
export const MAX_ERRORS_CAP = 256;
/** Fuzzy search looks near the old position first, in a window this much wider than the quote on each side. */
export const NEAR_WINDOW = 2_000;

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote used to start. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edit distance between the quote and text.slice(start, end). */
  errors: number;
  /** Weighted score 0..1 (see MATCH_WEIGHTS). */
  score: number;
  /** Agreement of the surrounding text with prefix and suffix, 0..1. */
  contextScore: number;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** All exact occurrences of `quote` in `text`. */
function exactCandidates(text: string, quote: string): Candidate[] {
  const out: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    out.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return out;
}

/** Approximate occurrences within `maxErrors`, searched in text[from, to) and reported in whole-text offsets. */
function fuzzyCandidates(text: string, quote: string, maxErrors: number, from = 0, to = text.length): Candidate[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  return approxSearch(slice, quote, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
}

/** How well `actual` (the text next to a match) agrees with the stored context string, 0..1. */
export function contextAgreement(actual: string, expected: string): number {
  if (!expected) return 1;
  if (actual === expected) return 1;
  if (!actual) return 0;
  const best = approxSearch(actual, expected, expected.length);
  const errors = best.length ? Math.min(...best.map((m) => m.errors)) : expected.length;
  return Math.max(0, 1 - errors / expected.length);
}

function scoreCandidate(text: string, quote: string, c: Candidate, ctx: QuoteContext): QuoteMatch {
  const quoteScore = 1 - c.errors / quote.length;
  const prefixScore = ctx.prefix ? contextAgreement(text.slice(Math.max(0, c.start - ctx.prefix.length), c.start), ctx.prefix) : 1;
  const suffixScore = ctx.suffix ? contextAgreement(text.slice(c.end, c.end + ctx.suffix.length), ctx.suffix) : 1;
  const positionScore = ctx.hint === undefined || !text.length ? 1 : 1 - Math.min(1, Math.abs(c.start - ctx.hint) / text.length);
  const w = MATCH_WEIGHTS;
  const score =
    (w.quote * quoteScore + w.prefix * prefixScore + w.suffix * suffixScore + w.position * positionScore) /
    (w.quote + w.prefix + w.suffix + w.position);
  const contextParts = (ctx.prefix ? 1 : 0) + (ctx.suffix ? 1 : 0);
  const contextScore = contextParts ? ((ctx.prefix ? prefixScore : 0) + (ctx.suffix ? suffixScore : 0)) / contextParts : 1;
  return { start: c.start, end: c.end, errors: c.errors, score, contextScore };
}

function best(text: string, quote: string, candidates: Candidate[], ctx: QuoteContext): QuoteMatch | null {
  let top: QuoteMatch | null = null;
  for (const c of candidates) {
    const m = scoreCandidate(text, quote, c, ctx);
    if (!top || m.score > top.score) top = m;
  }
  return top;
}

/** The error budget for a quote: MAX_QUOTE_ERROR_RATE of its length, capped. */
export function maxErrorsFor(quote: string): number {
  return Math.min(MAX_ERRORS_CAP, Math.floor(quote.length * MAX_QUOTE_ERROR_RATE));
}

/**
 * The best acceptable match of `quote` in `text`, or null.
 * - Exact occurrences: a single one is accepted; among several, the best-scoring one if its context agrees.
 * - Otherwise approximate ones (near the hint first, then anywhere), accepted only if errors are within
 *   MAX_QUOTE_ERROR_RATE of the quote and the context agrees (MIN_CONTEXT_SCORE).
 */
export function matchQuote(text: string, quote: string, ctx: QuoteContext = {}): QuoteMatch | null {
  if (!quote) return null;
  const exact = exactCandidates(text, quote);
  if (exact.length) {
    const top = best(text, quote, exact, ctx)!;
    if (exact.length === 1 || top.contextScore >= MIN_CONTEXT_SCORE) return top;
  }
  const maxErrors = maxErrorsFor(quote);
  if (maxErrors < 1) return null;
  const accept = (m: QuoteMatch | null) =>
    m && m.errors <= quote.length * MAX_QUOTE_ERROR_RATE && m.contextScore >= MIN_CONTEXT_SCORE ? m : null;
  if (ctx.hint !== undefined) {
    const pad = Math.max(NEAR_WINDOW, quote.length * 2);
    const from = Math.max(0, ctx.hint - pad);
    const to = Math.min(text.length, ctx.hint + quote.length + pad);
    if (from > 0 || to < text.length) {
      const near = accept(best(text, quote, fuzzyCandidates(text, quote, maxErrors, from, to), ctx));
      if (near) return near;
    }
  }
  return accept(best(text, quote, fuzzyCandidates(text, quote, maxErrors), ctx));
}
