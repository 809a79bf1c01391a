import { el } from './dom';
import { isTifaUiNode, mountInTifaUi } from './uiHost';
// Minified by the build (Vite's ?inline): the content script's size budget is small.
import CSS from './tooltip.css?inline';

/**
 * The reading tooltip, mounted in Tifa's one shadow-root host (lib/reading/uiHost.ts). Created on first use, so
 * a page the reader never hovers gets no element at all. Text goes in with textContent only: page text is
 * untrusted.
 */
export interface TooltipContent {
  swatch: string;
  heading: string;
  text: string;
  detail?: string;
  /**
   * Buttons or a form under the text (lib/reading/tooltip-actions.ts, lib/clipping/clip-card.ts). With it the
   * tooltip is interactive: it takes the pointer and keyboard focus instead of letting them through.
   */
  extra?: Node;
}

export class PageUi {
  #tip: HTMLElement | null = null;
  #unmount: (() => void) | null = null;

  readonly #doc: Document;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  isOwnNode(node: Node): boolean {
    return isTifaUiNode(this.#doc, node);
  }

  showTooltip(content: TooltipContent, x: number, y: number): void {
    const tip = this.#ensureTip();
    tip.replaceChildren();
    const doc = this.#doc;
    const head = el(doc, 'div', 'head');
    const swatch = el(doc, 'span', 'swatch');
    swatch.style.background = content.swatch;
    head.append(swatch, el(doc, 'span', 'heading', content.heading));
    tip.append(head, el(doc, 'div', 'text', content.text));
    if (content.detail) tip.append(el(doc, 'div', 'detail', content.detail));
    if (content.extra) tip.append(content.extra);
    tip.toggleAttribute('data-interactive', !!content.extra);
    tip.setAttribute('role', content.extra ? 'dialog' : 'tooltip');
    tip.hidden = false;
    // Below-right of the pointer, kept inside the viewport.
    const win = this.#doc.defaultView!;
    const { width, height } = tip.getBoundingClientRect();
    const left = Math.max(4, Math.min(x + 12, win.innerWidth - width - 4));
    const top = y + 18 + height > win.innerHeight ? Math.max(4, y - height - 12) : y + 18;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  hideTooltip(): void {
    if (!this.#tip || this.#tip.hidden) return;
    this.#tip.hidden = true;
    this.#tip.replaceChildren();
  }

  get tooltipVisible(): boolean {
    return !!this.#tip && !this.#tip.hidden;
  }

  /** A visible tooltip the reader can act in (it has buttons). */
  get interactive(): boolean {
    return this.tooltipVisible && this.#tip!.hasAttribute('data-interactive');
  }

  /** Moves keyboard focus to the tooltip's first control; false when there is none. */
  focusTooltip(): boolean {
    const first = this.interactive ? this.#tip!.querySelector<HTMLElement>('button,input,textarea') : null;
    first?.focus();
    return !!first;
  }

  /** Whether focus is inside the tooltip (the reader is working in it: pointer moves must not close it). */
  get focused(): boolean {
    const root = this.#tip?.getRootNode() as ShadowRoot | undefined;
    return !!root?.activeElement && this.#tip!.contains(root.activeElement);
  }

  destroy(): void {
    this.#unmount?.();
    this.#unmount = null;
    this.#tip = null;
  }

  #ensureTip(): HTMLElement {
    if (this.#tip?.isConnected && (this.#tip.getRootNode() as ShadowRoot).host?.isConnected) return this.#tip;
    this.destroy();
    const style = el(this.#doc, 'style', '', CSS);
    const tip = el(this.#doc, 'div', 'tip');
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    // Typing in the tooltip (a clip's note) must not reach the page's own keyboard shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) tip.addEventListener(type, (e) => e.stopPropagation());
    // Buttons can make it grow (a category list, a note being edited): keep its bottom inside the viewport.
    const win = this.#doc.defaultView;
    if (win?.ResizeObserver)
      new win.ResizeObserver(() => {
        const { top, height } = tip.getBoundingClientRect();
        if (top + height > win.innerHeight - 4) tip.style.top = `${Math.max(4, win.innerHeight - height - 4)}px`;
      }).observe(tip);
    this.#unmount = mountInTifaUi(this.#doc, style, tip);
    this.#tip = tip;
    return tip;
  }
}
