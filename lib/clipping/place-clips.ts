import type { Clip } from '../clips/types';
import type { ClipPlacement } from '../messages/clips';
import { anchorSelectors, createSearchBudget } from '../anchoring';

/**
 * Background side of re-anchoring (anchorClipsForPage): places each clip in the page's extracted text —
 * position, exact quote, then fuzzy (lib/anchoring) — or reports it as an orphan. Runs in the background so the
 * content script does not carry the matcher; the content script turns offsets into ranges and paints them.
 * One search budget covers the whole run, so a page cannot make placing its clips cost more than its ceiling.
 */
export function placeClips(clips: readonly Clip[], text: string, budget = createSearchBudget()): ClipPlacement[] {
  return clips.map(({ id, color, selectors }) => {
    const found = anchorSelectors(text, selectors, budget);
    return found ? { id, color, status: 'anchored' as const, start: found.start, end: found.end } : { id, color, status: 'orphan' as const };
  });
}
