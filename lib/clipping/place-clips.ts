import type { Clip } from '../clips/types';
import type { ClipPlacement } from '../messages/clips';
import { anchorSelectors, createSearchBudget } from '../anchoring';

/**
 * Most clips placed by fuzzy search in one run: a clip whose exact quote is gone costs a search over the whole
 * text, and a page's forged or stale clips must not turn one re-anchoring into seconds of worker time.
 */
export const MAX_FUZZY_PER_RUN = 50;
/**
 * Fuzzy work one run may spend, in quote characters × text characters (the bit-parallel search's cost grows
 * with both): ~3·10⁹ is a few hundred milliseconds. A 20,000-character clip missing from a 1,000,000-character
 * page (2·10¹⁰) is over it on its own and stays an orphan instead of costing ~1.5 s.
 */
export const FUZZY_COST_PER_RUN = 3e9;
/** Work between two yields to other tabs' messages. */
const SLICE_MS = 8;

export interface PlaceOptions {
  /** True when a newer request for the same tab is waiting: the rest of this run is not worth doing. */
  stale?: () => boolean;
  /** Lets other work in between clips (the background passes yieldToOthers). */
  yieldNow?: () => Promise<void>;
}

/**
 * Background side of re-anchoring (clips.place): places each clip in the page's extracted text — position,
 * exact quote, then fuzzy (lib/anchoring), within the per-run budget above — or reports it as an orphan.
 * Runs in the background so the content script does not carry the matcher. Null when the run went stale.
 */
export async function placeClips(
  clips: readonly Clip[],
  text: string,
  options: PlaceOptions = {},
): Promise<ClipPlacement[] | null> {
  const out: ClipPlacement[] = [];
  // The matcher's own ceiling (lib/anchoring/search-budget.ts) bounds each search; the counts below bound a run.
  const budget = createSearchBudget();
  let fuzzyRuns = 0;
  let fuzzyCost = 0;
  let sliceStart = performance.now();
  for (const { id, color, selectors } of clips) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await options.yieldNow?.();
      if (options.stale?.()) return null;
      sliceStart = performance.now();
    }
    const exact = selectors[0].exact;
    const needsFuzzy = !text.includes(exact);
    const cost = exact.length * text.length;
    if (needsFuzzy && (fuzzyRuns >= MAX_FUZZY_PER_RUN || fuzzyCost + cost > FUZZY_COST_PER_RUN)) {
      out.push({ id, color, status: 'orphan' });
      continue;
    }
    if (needsFuzzy) {
      fuzzyRuns++;
      fuzzyCost += cost;
    }
    const found = anchorSelectors(text, selectors, budget);
    out.push(
      found ? { id, color, status: 'anchored', start: found.start, end: found.end } : { id, color, status: 'orphan' },
    );
  }
  return out;
}
