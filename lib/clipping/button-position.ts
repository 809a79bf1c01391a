/** A viewport rectangle (DOMRect's fields the placement needs). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 6;
const EDGE = 4;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Where the Clip button goes for a selection drawn as `lines` (its client rects, in order): below the last line,
 * else above the first, else beside the last line, else beside the first — the first place inside the viewport
 * that covers none of the selected lines. Only when every place would (a selection filling the whole view) does
 * it fall back to the viewport's bottom edge.
 */
export function placeClipButton(
  lines: readonly Box[],
  size: { width: number; height: number },
  view: { width: number; height: number },
): { top: number; left: number } {
  const { width, height } = size;
  const first = lines[0];
  const last = lines[lines.length - 1];
  const clampLeft = (x: number) => Math.min(Math.max(0, x), Math.max(0, view.width - width - EDGE));
  const candidates: { top: number; left: number }[] = [];
  if (last && first) {
    candidates.push(
      { top: last.bottom + GAP, left: clampLeft(last.right - width / 2) },
      { top: first.top - height - GAP, left: clampLeft(first.left - width / 2) },
      { top: last.top, left: last.right + GAP },
      { top: first.top, left: first.left - width - GAP },
    );
  }
  for (const c of candidates) {
    const box = { left: c.left, top: c.top, right: c.left + width, bottom: c.top + height };
    const inView = box.top >= 0 && box.left >= 0 && box.bottom <= view.height && box.right <= view.width;
    if (inView && !lines.some((line) => overlaps(box, line))) return c;
  }
  // No free place next to the selection: the bottom edge of the view, still reachable.
  return { top: Math.max(0, view.height - height - EDGE), left: clampLeft(last ? last.right - width / 2 : 0) };
}
