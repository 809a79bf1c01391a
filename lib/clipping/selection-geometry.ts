/** Where a selection was on screen (viewport coordinates of its bounding box's top-left corner). */
export interface ScreenSpot {
  top: number;
  left: number;
}

/**
 * A scroll hides the Clip button only when it moved the selection by more than this. Firefox nudges the scroll
 * position by a fraction of a pixel when UI is added to Tifa's host on <html>, and that scroll event used to
 * hide the button it had just shown.
 */
export const SCROLL_SLACK_PX = 3;

export function spotOf(range: Range): ScreenSpot {
  const { top, left } = range.getBoundingClientRect();
  return { top, left };
}

/** Whether the range now lies more than SCROLL_SLACK_PX away from where it was. */
export function movedSince(range: Range, was: ScreenSpot): boolean {
  const now = spotOf(range);
  return Math.abs(now.top - was.top) > SCROLL_SLACK_PX || Math.abs(now.left - was.left) > SCROLL_SLACK_PX;
}

/** Whether two ranges cover exactly the same boundary points. */
export function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}
