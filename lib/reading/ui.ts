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
  /** Extra content built by its own module (the similar-paragraph block with its button). */
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
    const head = this.#el('div', 'head');
    const swatch = this.#el('span', 'swatch');
    swatch.style.background = content.swatch;
    head.append(swatch, this.#el('span', 'heading', content.heading));
    tip.append(head, this.#el('div', 'text', content.text));
    if (content.detail) tip.append(this.#el('div', 'detail', content.detail));
    if (content.extra) tip.append(content.extra);
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
    if (this.#tip) this.#tip.hidden = true;
  }

  get tooltipVisible(): boolean {
    return !!this.#tip && !this.#tip.hidden;
  }

  destroy(): void {
    this.#unmount?.();
    this.#unmount = null;
    this.#tip = null;
  }

  #ensureTip(): HTMLElement {
    if (this.#tip?.isConnected && (this.#tip.getRootNode() as ShadowRoot).host?.isConnected) return this.#tip;
    this.destroy();
    const style = this.#doc.createElement('style');
    style.textContent = CSS;
    const tip = this.#el('div', 'tip');
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    this.#unmount = mountInTifaUi(this.#doc, style, tip);
    this.#tip = tip;
    return tip;
  }

  #el(tag: string, cls: string, text?: string): HTMLElement {
    const e = this.#doc.createElement(tag);
    e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
}
