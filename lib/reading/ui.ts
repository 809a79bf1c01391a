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
  rule: string;
}

const CSS = `
.tip {
  position: fixed; z-index: 2147483647; max-width: 340px; box-sizing: border-box;
  padding: 8px 10px; border-radius: 6px; pointer-events: none;
  font: 13px/1.5 system-ui, "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
  background: #1f2328; color: #f3f4f6; box-shadow: 0 4px 16px rgba(0,0,0,.35);
}
.tip[hidden] { display: none; }
.head { display: flex; align-items: center; gap: 6px; font-weight: 600; }
.swatch { width: 10px; height: 10px; border-radius: 2px; flex: none; }
.text { margin-top: 2px; word-break: break-all; }
.detail { margin-top: 4px; color: #d1d5db; }
.rule { margin-top: 4px; color: #9ca3af; font-size: 11px; font-family: ui-monospace, monospace; }
`;

export class PageUi {
  private tip: HTMLElement | null = null;
  private unmount: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  isOwnNode(node: Node): boolean {
    return isTifaUiNode(this.doc, node);
  }

  showTooltip(content: TooltipContent, x: number, y: number): void {
    const tip = this.ensureTip();
    tip.replaceChildren();
    const head = this.el('div', 'head');
    const swatch = this.el('span', 'swatch');
    swatch.style.background = content.swatch;
    head.append(swatch, this.el('span', 'heading', content.heading));
    tip.append(head, this.el('div', 'text', content.text));
    if (content.detail) tip.append(this.el('div', 'detail', content.detail));
    tip.append(this.el('div', 'rule', content.rule));
    tip.hidden = false;
    // Below-right of the pointer, kept inside the viewport.
    const win = this.doc.defaultView!;
    const { width, height } = tip.getBoundingClientRect();
    const left = Math.max(4, Math.min(x + 12, win.innerWidth - width - 4));
    const top = y + 18 + height > win.innerHeight ? Math.max(4, y - height - 12) : y + 18;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }

  hideTooltip(): void {
    if (this.tip) this.tip.hidden = true;
  }

  get tooltipVisible(): boolean {
    return !!this.tip && !this.tip.hidden;
  }

  destroy(): void {
    this.unmount?.();
    this.unmount = null;
    this.tip = null;
  }

  private ensureTip(): HTMLElement {
    if (this.tip?.isConnected && (this.tip.getRootNode() as ShadowRoot).host?.isConnected) return this.tip;
    this.destroy();
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    const tip = this.el('div', 'tip');
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    this.unmount = mountInTifaUi(this.doc, style, tip);
    this.tip = tip;
    return tip;
  }

  private el(tag: string, cls: string, text?: string): HTMLElement {
    const e = this.doc.createElement(tag);
    e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
}
