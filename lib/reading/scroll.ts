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
