/**
 * A cost ceiling for fuzzy quote search. A page decides how long its text is and a stored clip how long its quote
 * is, so an unbounded search lets one page cost seconds of background CPU per clip (issue #9, item 1). Cost is
 * counted in units of the bit-parallel matcher's work: one unit is one text character scanned against one
 * 32-character word of the quote, so scanning n characters for a quote of m characters costs n × ⌈m / 32⌉.
 * Every search draws on a budget; when a search would overdraw it, the quote is reported unplaced instead.
 */

/** Most a single clip may spend: enough to verify a maximal (20,000-character) quote at a few places. */
export const MAX_COST_PER_CLIP = 40_000_000;
/** Most one re-anchoring run over a page may spend on all its clips together. */
export const MAX_COST_PER_PAGE = 120_000_000;

/** Units the matcher spends to scan `textChars` characters for a quote of `quoteChars` characters. */
export function scanCost(textChars: number, quoteChars: number): number {
  return textChars * Math.max(1, Math.ceil(quoteChars / 32));
}

/** A spendable allowance, shared by all searches of one run (e.g. every clip placed on one page). */
export class SearchBudget {
  private spentUnits = 0;

  constructor(readonly limit: number) {
    if (!(limit >= 0)) throw new Error(`a search budget cannot be ${limit}`);
  }

  get remaining(): number {
    return Math.max(0, this.limit - this.spentUnits);
  }

  get spent(): number {
    return this.spentUnits;
  }

  /** Takes `units` if they fit and says whether they did; a refused charge takes nothing. */
  trySpend(units: number): boolean {
    if (units > this.remaining) return false;
    this.spentUnits += units;
    return true;
  }

  /** A budget for one clip inside this run: at most `perClip`, drawing on this budget as it spends. */
  forClip(perClip = MAX_COST_PER_CLIP): SearchBudget {
    return new ClipBudget(this, Math.min(perClip, this.remaining));
  }
}

class ClipBudget extends SearchBudget {
  constructor(
    private readonly run: SearchBudget,
    limit: number,
  ) {
    super(limit);
  }

  override trySpend(units: number): boolean {
    if (units > this.remaining || !this.run.trySpend(units)) return false;
    return super.trySpend(units);
  }
}

/** A budget for one run over a page (default MAX_COST_PER_PAGE). */
export function createSearchBudget(limit = MAX_COST_PER_PAGE): SearchBudget {
  return new SearchBudget(limit);
}
