/**
 * The one small DOM builder of the content script's panels (tooltip, clip card, selection bar, note and term
 * forms, clip boxes): one copy of each helper keeps the bundle under its budget (tests/unit/content-bundle.test.ts).
 * Text always goes in as textContent: page text and notes are never parsed as HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A button that acts on trusted clicks only: a page script calling `.click()` on it does nothing. Buttons with a
 * class (the selection bar's and its panels') keep the page's selection on mousedown (it would otherwise move
 * focus and may collapse it); the tooltip's take focus as usual, which keeps the tooltip open while it is used.
 */
export function trustedButton(
  doc: Document,
  label: string,
  act: (e: MouseEvent) => void,
  cls?: string,
): HTMLButtonElement {
  const b = el(doc, 'button', cls, label);
  b.type = 'button';
  if (cls) b.addEventListener('mousedown', (e) => e.preventDefault());
  b.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (e.isTrusted) act(e);
  });
  return b;
}

/** `s` cut to `n` characters with an ellipsis. */
export const shorten = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
