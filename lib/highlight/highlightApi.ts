import {
  CATEGORY_STYLES,
  FLASH_HIGHLIGHT,
  HIGHLIGHT_CATEGORIES,
  highlightName,
  type HighlightCategory,
} from './categories';
import type { PaintItem, Painter } from './painter';

type HighlightWindow = Window & typeof globalThis;

export function supportsHighlightApi(win: Window | null | undefined): boolean {
  const w = win as HighlightWindow | null | undefined;
  return !!w && typeof w.Highlight === 'function' && !!w.CSS && 'highlights' in w.CSS && !!w.CSS.highlights;
}

const FLASH_MS = 1600;

/**
 * A brief highlight of one range under one name (an outline item or a clip the reader navigated to); a new flash
 * replaces the previous one. Shared by the reading painter and the clip highlighter (lib/clipping/highlights.ts).
 */
export class Flash {
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #win: HighlightWindow;
  readonly #name: string;
  readonly #ms: number;

  constructor(win: HighlightWindow, name: string, ms: number) {
    this.#win = win;
    this.#name = name;
    this.#ms = ms;
  }

  show(range: Range, priority: number): void {
    const registry = this.#win.CSS.highlights;
    const flash = new this.#win.Highlight(range.cloneRange());
    flash.priority = priority;
    registry.set(this.#name, flash);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (registry.get(this.#name) === flash) registry.delete(this.#name);
    }, this.#ms);
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#win.CSS.highlights.delete(this.#name);
  }
}

/**
 * CSS Custom Highlight API painter: one `Highlight` per category registered as `tifa-<category>` in the document's
 * highlight registry. Nothing in the DOM changes, so the page's scripts, text and layout are untouched; switching a
 * category off is one registry delete (microseconds), and the Highlight objects are kept to switch it back on.
 *
 * Ranges are registered as StaticRanges: a live Range is tracked and updated by the document on every mutation the
 * page makes, and hundreds of them would tax a busy page; the controller re-analyses after mutations anyway.
 *
 * Only the ranges near the viewport are in the Highlights: Chromium re-validates every registered range after each
 * DOM change, so a ticker on the page cost ×3 its own renderer time with a whole page registered. An
 * IntersectionObserver on each range's element, one screen beyond the viewport above and below, adds a group's
 * ranges as it comes near and drops them as it leaves; a scroll of less than a screen per frame never shows a
 * gap. Every range stays in the controller's spans (navigation, tooltips, the page index, sizes()).
 */
export class HighlightApiPainter implements Painter {
  readonly kind = 'highlight-api' as const;
  readonly mutatesDom = false;
  readonly #highlights = new Map<HighlightCategory, Highlight>();
  readonly #flasher: Flash;
  #counts: Record<string, number> = {};
  #near: IntersectionObserver | null = null;

  readonly #win: HighlightWindow;

  constructor(win: HighlightWindow) {
    this.#win = win;
    if (!supportsHighlightApi(win)) throw new Error('CSS Custom Highlight API is not available');
    this.#flasher = new Flash(win, FLASH_HIGHLIGHT, FLASH_MS);
  }

  paint(items: readonly PaintItem[], visible: ReadonlySet<HighlightCategory>): void {
    this.clear();
    const win = this.#win;
    const useStatic = typeof win.StaticRange === 'function';
    const groups = new Map<Element, [Highlight, AbstractRange][]>();
    for (const { category, range } of items) {
      let highlight = this.#highlights.get(category);
      if (!highlight) {
        this.#highlights.set(category, (highlight = new win.Highlight()));
        highlight.priority = CATEGORY_STYLES[category].priority;
      }
      this.#counts[category] = (this.#counts[category] ?? 0) + 1;
      const r = useStatic ? this.#toStatic(range) : range;
      const node = range.startContainer;
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !win.IntersectionObserver) highlight.add(r);
      else {
        let group = groups.get(el);
        if (!group) groups.set(el, (group = []));
        group.push([highlight, r]);
      }
    }
    if (groups.size) {
      this.#near = new win.IntersectionObserver(
        (entries) => {
          for (const e of entries)
            for (const [h, r] of groups.get(e.target) ?? []) {
              if (e.isIntersecting) h.add(r);
              else h.delete(r);
            }
        },
        { rootMargin: '100% 0px' },
      );
      for (const el of groups.keys()) this.#near.observe(el);
    }
    this.setVisible(visible);
  }

  setVisible(visible: ReadonlySet<HighlightCategory>): void {
    const registry = this.#win.CSS.highlights;
    for (const category of HIGHLIGHT_CATEGORIES) {
      const highlight = this.#highlights.get(category);
      const name = highlightName(category);
      if (highlight && visible.has(category)) registry.set(name, highlight);
      else if (registry.get(name) !== undefined) registry.delete(name);
    }
  }

  flash(range: Range): void {
    this.#flasher.show(range, 100);
  }

  clear(): void {
    const registry = this.#win.CSS.highlights;
    for (const category of HIGHLIGHT_CATEGORIES) {
      const name = highlightName(category);
      if (registry.get(name) !== undefined) registry.delete(name);
    }
    this.#flasher.clear();
    this.#highlights.clear();
    this.#near?.disconnect();
    this.#near = null;
    this.#counts = {};
  }

  /** Ranges painted per category, near the viewport or not. */
  sizes(): Record<string, number> {
    return { ...this.#counts };
  }

  #toStatic(range: Range): StaticRange {
    return new this.#win.StaticRange({
      startContainer: range.startContainer,
      startOffset: range.startOffset,
      endContainer: range.endContainer,
      endOffset: range.endOffset,
    });
  }
}
