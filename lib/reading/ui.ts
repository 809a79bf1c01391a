import { el } from './dom';
import { isTifaUiNode, mountInTifaUi } from './uiHost';

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

export type PageUi = ReturnType<typeof createPageUi>;

/** A closure, not a class: its state is in locals, which the minifier shortens (`this.#x` it cannot). */
export function createPageUi(doc: Document) {
  let tip: HTMLElement | null = null;
  let unmount: (() => void) | null = null;

  const destroy = (): void => {
    unmount?.();
    unmount = tip = null;
  };

  const ensureTip = (): HTMLElement => {
    if (tip?.isConnected && (tip.getRootNode() as ShadowRoot).host?.isConnected) return tip;
    destroy();
    const t = el(doc, 'div', 'tip');
    t.setAttribute('role', 'tooltip');
    t.hidden = true;
    // Typing in the tooltip (a clip's note) must not reach the page's own keyboard shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) t.addEventListener(type, (e) => e.stopPropagation());
    // Buttons can make it grow (a category list, a note being edited): keep its bottom inside the viewport.
    const win = doc.defaultView;
    if (win?.ResizeObserver)
      new win.ResizeObserver(() => {
        const { top, height } = t.getBoundingClientRect();
        if (top + height > win.innerHeight - 4) t.style.top = `${Math.max(4, win.innerHeight - height - 4)}px`;
      }).observe(t);
    unmount = mountInTifaUi(doc, t);
    return (tip = t);
  };

  const visible = (): boolean => !!tip && !tip.hidden;
  /** A visible tooltip the reader can act in (it has buttons). */
  const interactive = (): boolean => visible() && tip!.hasAttribute('data-interactive');

  return {
    isOwnNode: (node: Node): boolean => isTifaUiNode(doc, node),

    showTooltip(content: TooltipContent, x: number, y: number): void {
      const t = ensureTip();
      t.replaceChildren();
      const head = el(doc, 'div', 'head');
      const swatch = el(doc, 'span', 'swatch');
      swatch.style.background = content.swatch;
      head.append(swatch, el(doc, 'span', 'heading', content.heading));
      t.append(head, el(doc, 'div', 'text', content.text));
      if (content.detail) t.append(el(doc, 'div', 'detail', content.detail));
      if (content.extra) t.append(content.extra);
      t.toggleAttribute('data-interactive', !!content.extra);
      t.setAttribute('role', content.extra ? 'dialog' : 'tooltip');
      t.hidden = false;
      // Below-right of the pointer, kept inside the viewport.
      const win = doc.defaultView!;
      const { width, height } = t.getBoundingClientRect();
      const left = Math.max(4, Math.min(x + 12, win.innerWidth - width - 4));
      const top = y + 18 + height > win.innerHeight ? Math.max(4, y - height - 12) : y + 18;
      t.style.left = `${left}px`;
      t.style.top = `${top}px`;
    },

    hideTooltip(): void {
      if (!visible()) return;
      tip!.hidden = true;
      tip!.replaceChildren();
    },

    get tooltipVisible(): boolean {
      return visible();
    },

    get interactive(): boolean {
      return interactive();
    },

    /** Moves keyboard focus to the tooltip's first control; false when there is none. */
    focusTooltip(): boolean {
      const first = interactive() ? tip!.querySelector<HTMLElement>('button,input,textarea') : null;
      first?.focus();
      return !!first;
    },

    /** Whether focus is inside the tooltip (the reader is working in it: pointer moves must not close it). */
    get focused(): boolean {
      const root = tip?.getRootNode() as ShadowRoot | undefined;
      return !!root?.activeElement && tip!.contains(root.activeElement);
    },

    destroy,
  };
}
