/** A painted span in text offsets (into the extracted text), sorted by `start`. */
export interface OffsetSpan {
  start: number;
  end: number;
}

/**
 * Index of the innermost span containing `offset` in spans sorted by start (ties: any order), or -1.
 * Binary search for the last span starting at or before the offset, then walk back over the few spans that could
 * still reach it (a span can only contain the offset if it starts within `maxLength` before it). Where spans nest
 * (a program inside a section heading), the shortest one wins: it is the more specific thing under the pointer.
 */
export function spanAtOffset(spans: readonly OffsetSpan[], offset: number, maxLength: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  let best = -1;
  for (let i = last; i >= 0 && spans[i].start >= offset - maxLength; i--) {
    const span = spans[i];
    if (offset < span.end && (best < 0 || span.end - span.start < spans[best].end - spans[best].start)) best = i;
  }
  return best;
}

export function maxSpanLength(spans: readonly OffsetSpan[]): number {
  let max = 0;
  for (const s of spans) if (s.end - s.start > max) max = s.end - s.start;
  return max;
}

/** The caret (text node and offset) at a viewport point, with whichever API the browser has. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => CaretPosition | null };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const pos = withPosition.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof withRange.caretRangeFromPoint === 'function') {
    const range = withRange.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * A caret API answers with the nearest caret even when the pointer is in a margin; a hit only counts when the
 * point lies inside one of the range's boxes.
 */
export function pointInRange(range: Range, x: number, y: number, slop = 1): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}
