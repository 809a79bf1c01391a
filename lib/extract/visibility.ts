/**
 * A layout-aware `isHidden` for extractText in real browsers (the content script passes it; happy-dom has no
 * reliable computed styles, so the Node CLI and unit tests rely on the markup checks alone).
 *
 * extractText asks about an element only when none of its ancestors was hidden, so this only has to judge the
 * element itself. `checkVisibility` answers from the style already computed for the page (no layout), covering
 * display:none, visibility:hidden/collapse and content hidden by content-visibility or a closed <details>.
 */
export function isHiddenByStyle(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') return !el.checkVisibility({ visibilityProperty: true });
  const view = el.ownerDocument.defaultView;
  if (view === null) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
}
