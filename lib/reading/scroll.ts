import { type ExtractedText, rangeFor } from '../extract';
import type { Analysis } from '../rules/types';
import type { ReadingSpan } from './spans';

/**
 * Brings a range to the upper third of the view. The window is scrolled when it scrolls at all; pages that
 * scroll inside a container get the container scrolled by scrollIntoView on the range's element.
 */
export function scrollRangeIntoView(win: Window, range: Range): void {
  const behavior: ScrollBehavior = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const el = (
    range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement
  ) as Element | null;
  const scroller = win.document.scrollingElement;
  const rect = range.getBoundingClientRect();
  const windowScrolls = !!scroller && scroller.scrollHeight > win.innerHeight + 1;
  if (windowScrolls && (rect.top !== 0 || rect.bottom !== 0)) {
    win.scrollTo({ top: Math.max(0, win.scrollY + rect.top - win.innerHeight * 0.3), behavior });
  } else {
    el?.scrollIntoView({ block: 'center', behavior });
  }
}

/**
 * The range of outline item `index` (its heading) or, with `mention`, of mention `index`, and the index of its
 * painted span (-1 when not painted); null when the page is not a policy text or has no such item.
 */
export function itemTarget(
  snap: { analysis: Analysis; spans: readonly ReadingSpan[] },
  ex: ExtractedText,
  index: number,
  mention: boolean,
): { range: Range; spanIndex: number } | null {
  const a = snap.analysis;
  const item = a.verdict.isPolicy ? (mention ? a.mentions : a.outline)[index] : undefined;
  if (!item) return null;
  const end = 'headEnd' in item ? item.headEnd : item.end;
  const range = rangeFor(ex, item.start, Math.max(end, Math.min(item.start + 1, ex.text.length)));
  const spanIndex = snap.spans.findIndex((s) => (s.category === 'section') !== mention && s.source === index);
  return { range, spanIndex };
}
