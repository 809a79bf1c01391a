import approxSearch from 'approx-string-match';
import { MAX_COST_PER_CLIP, scanCost, SearchBudget } from './search-budget';
import { seedPieces, seedRegions, type Region } from './seed-regions';

/**
 * Finds a quote in a text that may have changed since the quote was taken, the way Hypothesis does
 * (src/annotator/anchoring/match-quote): candidate matches (exact first, else approximate within an error
 * budget) are scored on how well the quote, its prefix and suffix, and its old position agree, with the named
 * weights below. Policy texts are formulaic — the same sentence can recur — so a candidate is acceptable only
 * when it clears the thresholds (a wrong match is worse than none), and the best acceptable one wins.
 * Every search spends from a SearchBudget (search-budget.ts): a page cannot make one clip, or one run, cost
 * more than its ceiling; past it the clip is reported unplaced ('over-budget') rather than searched on.
 */

/** Weights of the parts of a match's score. The quote dominates; context separates repeats; position breaks ties. */
export const MATCH_WEIGHTS = {
  quote: 50,
  prefix: 20,
  suffix: 20,
  position: 2,
} as const;

/** Largest share of the quote's length that may differ. Hypothesis allows half; Tifa 15%, deliberately. */
export const MAX_QUOTE_ERROR_RATE = 0.15;
/** Least agreement of prefix and suffix (mean of their scores, 0..1) for a match that is fuzzy or one of several. */
export const MIN_CONTEXT_SCORE = 0.5;
/** Upper bound on the error budget: keeps the bit-parallel search fast on very long quotes. */
export const MAX_ERRORS_CAP = 256;
/** Fuzzy search looks near the old position first, in a window this much wider than the quote on each side. */
export const NEAR_WINDOW = 2_000;
/** Budget units per character for one seed piece's indexOf pass (native search is ~25× cheaper than the matcher). */
const SEED_SCAN_UNITS_PER_CHAR = 1 / 16;
/** Share of a clip's allowance the seed scan may use; the rest pays for verifying the regions it finds. */
const SEED_SHARE = 0.25;

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

/** Why a quote was not placed: it is not in the text (within the thresholds), or finding out would cost too much. */
export type UnplacedReason = 'not-found' | 'over-budget';

export type QuotePlacement = { status: 'placed'; match: QuoteMatch } | { status: 'unplaced'; reason: UnplacedReason };

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

/** Approximate occurrences within `maxErrors` in each region, reported in whole-text offsets. */
function fuzzyCandidates(text: string, quote: string, maxErrors: number, regions: readonly Region[]): Candidate[] {
  const out: Candidate[] = [];
  for (const { from, to } of regions) {
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    for (const m of approxSearch(slice, quote, maxErrors))
      out.push({ start: m.start + from, end: m.end + from, errors: m.errors });
  }
  return out;
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
  const prefixScore = ctx.prefix
    ? contextAgreement(text.slice(Math.max(0, c.start - ctx.prefix.length), c.start), ctx.prefix)
    : 1;
  const suffixScore = ctx.suffix ? contextAgreement(text.slice(c.end, c.end + ctx.suffix.length), ctx.suffix) : 1;
  const positionScore =
    ctx.hint === undefined || !text.length ? 1 : 1 - Math.min(1, Math.abs(c.start - ctx.hint) / text.length);
  const w = MATCH_WEIGHTS;
  const score =
    (w.quote * quoteScore + w.prefix * prefixScore + w.suffix * suffixScore + w.position * positionScore) /
    (w.quote + w.prefix + w.suffix + w.position);
  const contextParts = (ctx.prefix ? 1 : 0) + (ctx.suffix ? 1 : 0);
  const contextScore = contextParts
    ? ((ctx.prefix ? prefixScore : 0) + (ctx.suffix ? suffixScore : 0)) / contextParts
    : 1;
  return { start: c.start, end: c.end, errors: c.errors, score, contextScore };
}

/** The error budget for a quote: MAX_QUOTE_ERROR_RATE of its length, capped. */
export function maxErrorsFor(quote: string): number {
  return Math.min(MAX_ERRORS_CAP, Math.floor(quote.length * MAX_QUOTE_ERROR_RATE));
}

/** Scores candidates (paying for their context comparison) and keeps the best that passes `acceptable`. */
class Scorer {
  private readonly contextCost: number;

  constructor(
    private readonly text: string,
    private readonly quote: string,
    private readonly ctx: QuoteContext,
    private readonly budget: SearchBudget,
  ) {
    this.contextCost =
      scanCost(ctx.prefix?.length ?? 0, ctx.prefix?.length ?? 0) +
      scanCost(ctx.suffix?.length ?? 0, ctx.suffix?.length ?? 0);
  }

  /** Null when nothing passes; 'over-budget' when scoring them all would overdraw the budget. */
  bestAcceptable(
    candidates: readonly Candidate[],
    acceptable: (m: QuoteMatch) => boolean,
  ): QuoteMatch | null | 'over-budget' {
    if (!this.budget.trySpend(candidates.length * this.contextCost)) return 'over-budget';
    let top: QuoteMatch | null = null;
    for (const c of candidates) {
      const m = scoreCandidate(this.text, this.quote, c, this.ctx);
      if (acceptable(m) && (!top || m.score > top.score)) top = m;
    }
    return top;
  }
}

const placed = (match: QuoteMatch): QuotePlacement => ({ status: 'placed', match });
const unplaced = (reason: UnplacedReason): QuotePlacement => ({ status: 'unplaced', reason });

/**
 * Places `quote` in `text`, spending at most MAX_COST_PER_CLIP (or what `budget` has left) on it.
 * - Exact occurrences: a single one is accepted; among several, the best-scoring one whose context agrees.
 * - Otherwise approximate ones (near the hint first, then anywhere): the best-scoring one with errors within
 *   MAX_QUOTE_ERROR_RATE of the quote and context agreement of at least MIN_CONTEXT_SCORE.
 * Pass one budget (createSearchBudget) to every clip of a run to bound the run as well as each clip.
 */
export function placeQuote(text: string, quote: string, ctx: QuoteContext = {}, budget?: SearchBudget): QuotePlacement {
  if (!quote) return unplaced('not-found');
  const allowance = (budget ?? new SearchBudget(MAX_COST_PER_CLIP)).forClip();
  const scorer = new Scorer(text, quote, ctx, allowance);
  const exact = exactCandidates(text, quote);
  if (exact.length === 1) return placed(scoreCandidate(text, quote, exact[0], ctx));
  if (exact.length > 1) {
    const top = scorer.bestAcceptable(exact, (m) => m.contextScore >= MIN_CONTEXT_SCORE);
    if (top === 'over-budget') return unplaced(top);
    if (top) return placed(top);
  }
  const maxErrors = maxErrorsFor(quote);
  if (maxErrors < 1) return unplaced('not-found');
  const acceptable = (m: QuoteMatch) =>
    m.errors <= quote.length * MAX_QUOTE_ERROR_RATE && m.contextScore >= MIN_CONTEXT_SCORE;

  if (ctx.hint !== undefined) {
    const pad = Math.max(NEAR_WINDOW, quote.length * 2);
    const near = { from: Math.max(0, ctx.hint - pad), to: Math.min(text.length, ctx.hint + quote.length + pad) };
    const cost = scanCost(near.to - near.from, quote.length);
    // Worth it only when the window is a real narrowing and leaves budget for the whole-text search.
    if ((near.from > 0 || near.to < text.length) && cost <= allowance.remaining / 2 && allowance.trySpend(cost)) {
      const top = scorer.bestAcceptable(fuzzyCandidates(text, quote, maxErrors, [near]), acceptable);
      if (top === 'over-budget') return unplaced(top);
      if (top) return placed(top);
    }
  }

  const search = wholeTextRegions(text, quote, maxErrors, allowance);
  if (!search) return unplaced('over-budget');
  const cost = search.regions.reduce((sum, r) => sum + scanCost(r.to - r.from, quote.length), 0);
  if (!allowance.trySpend(cost)) return unplaced('over-budget');
  const top = scorer.bestAcceptable(fuzzyCandidates(text, quote, maxErrors, search.regions), acceptable);
  if (top === 'over-budget') return unplaced(top);
  if (top) return placed(top);
  return unplaced(search.complete ? 'not-found' : 'over-budget');
}

/**
 * The regions the whole-text fuzzy search must scan: the whole text when the allowance pays for it (exactly
 * Hypothesis's search), else the regions around exact occurrences of pieces of the quote (seed-regions.ts) —
 * all maxErrors + 1 pieces when affordable (still exhaustive), fewer when not (`complete: false`).
 */
function wholeTextRegions(
  text: string,
  quote: string,
  maxErrors: number,
  allowance: SearchBudget,
): { regions: Region[]; complete: boolean } | null {
  if (scanCost(text.length, quote.length) <= allowance.remaining)
    return { regions: [{ from: 0, to: text.length }], complete: true };
  const pieceCost = Math.ceil(text.length * SEED_SCAN_UNITS_PER_CHAR);
  const affordable = Math.floor((allowance.remaining * SEED_SHARE) / pieceCost);
  const pieces = seedPieces(quote, maxErrors, affordable);
  if (affordable < 1 || !pieces.length || !allowance.trySpend(pieces.length * pieceCost)) return null;
  return { regions: seedRegions(text, quote.length, maxErrors, pieces), complete: pieces.length === maxErrors + 1 };
}

/** The best acceptable match of `quote` in `text` within the default per-clip ceiling (or `budget`), or null. */
export function matchQuote(
  text: string,
  quote: string,
  ctx: QuoteContext = {},
  budget?: SearchBudget,
): QuoteMatch | null {
  const result = placeQuote(text, quote, ctx, budget);
  return result.status === 'placed' ? result.match : null;
}
