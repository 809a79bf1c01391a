import { type Clip, isUnplaced } from '../clips/types';
import type { ClipPlacement } from '../messages/clips';
import { anchorSelectors, createSearchBudget } from '../anchoring';

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
 * exact quote, then fuzzy (lib/anchoring) — or reports it as an orphan. One search budget covers the whole run
 * (lib/anchoring/search-budget.ts: a ceiling per clip and per page, in the matcher's own units), so a page's forged
 * or stale clips cannot turn one re-anchoring into seconds of worker time: past it, a clip stays an orphan.
 * Runs in the background so the content script does not carry the matcher. Null when the run went stale.
 */
export async function placeClips(
  clips: readonly Clip[],
  text: string,
  options: PlaceOptions = {},
): Promise<ClipPlacement[] | null> {
  const out: ClipPlacement[] = [];
  const budget = createSearchBudget();
  let sliceStart = performance.now();
  for (const clip of clips) {
    const { id, color, selectors } = clip;
    if (performance.now() - sliceStart > SLICE_MS) {
      await options.yieldNow?.();
      if (options.stale?.()) return null;
      sliceStart = performance.now();
    }
    // A clip not yet placed has no words to search for (its empty quote would match anywhere).
    const found = isUnplaced(clip) ? null : anchorSelectors(text, selectors, budget);
    out.push(
      found ? { id, color, status: 'anchored', start: found.start, end: found.end } : { id, color, status: 'orphan' },
    );
  }
  return out;
}
