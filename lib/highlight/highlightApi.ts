import { type BoundaryPoints, liveRange } from '../extract/ranges';
import {
  CATEGORY_STYLES,
  FLASH_HIGHLIGHT,
  HIGHLIGHT_CATEGORIES,
  highlightName,
  type HighlightCategory,
} from './categories';
import type { Painter } from './painter';

type HighlightWindow = Window & typeof globalThis;

export function supportsHighlightApi(win: Window | null | undefined): boolean {
  const w = win as HighlightWindow | null | undefined;
  return !!w && typeof w.Highlight === 'function' && !!w.CSS && 'highlights' in w.CSS && !!w.CSS.highlights;
}

const FLASH_MS = 1600;

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
 *
 * A closure, not a class: its state is in locals, which the minifier shortens (`this.#x` it cannot).
 */
export function createHighlightApiPainter(win: HighlightWindow): Painter {
  if (!supportsHighlightApi(win)) throw new Error('CSS Custom Highlight API is not available');
  const registry = win.CSS.highlights;
  const highlights = new Map<HighlightCategory, Highlight>();
  let counts: Record<string, number> = {};
  let near: IntersectionObserver | null = null;
  // A brief highlight of one range (an outline item the reader navigated to); a new flash replaces the previous one.
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const useStatic = typeof win.StaticRange === 'function';
  const doc = win.document;
  const toRange = (b: BoundaryPoints): AbstractRange => (useStatic ? new win.StaticRange(b) : liveRange(doc, b));

  const unregister = (name: string): void => {
    if (registry.get(name) !== undefined) registry.delete(name);
  };

  const setVisible = (visible: ReadonlySet<HighlightCategory>): void => {
    for (const category of HIGHLIGHT_CATEGORIES) {
      const highlight = highlights.get(category);
      const name = highlightName(category);
      if (highlight && visible.has(category)) registry.set(name, highlight);
      else unregister(name);
    }
  };

  const clear = (): void => {
    for (const category of HIGHLIGHT_CATEGORIES) unregister(highlightName(category));
    clearTimeout(flashTimer);
    registry.delete(FLASH_HIGHLIGHT);
    highlights.clear();
    near?.disconnect();
    near = null;
    counts = {};
  };

  return {
    kind: 'highlight-api',
    mutatesDom: false,

    paint(items, visible) {
      clear();
      // Items grouped by the element their range starts in (they come near the viewport, and leave it, together).
      // A group's ranges are made the first time it comes near: a long page's off-screen ranges are never built
      // on the cold run (a StaticRange is a DOM object each).
      const groups = new Map<Element, number[]>();
      const made: AbstractRange[] = [];
      const rangeOf = (i: number): AbstractRange => (made[i] ??= toRange(items[i].range));
      items.forEach(({ category, range }, i) => {
        let highlight = highlights.get(category);
        if (!highlight) {
          highlights.set(category, (highlight = new win.Highlight()));
          highlight.priority = CATEGORY_STYLES[category].priority;
        }
        counts[category] = (counts[category] ?? 0) + 1;
        const node = range.startContainer;
        const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        if (!el || !win.IntersectionObserver) highlight.add(rangeOf(i));
        else {
          const group = groups.get(el);
          if (group) group.push(i);
          else groups.set(el, [i]);
        }
      });
      if (groups.size) {
        near = new win.IntersectionObserver(
          (entries) => {
            for (const e of entries)
              for (const i of groups.get(e.target) ?? []) {
                const highlight = highlights.get(items[i].category)!;
                if (e.isIntersecting) highlight.add(rangeOf(i));
                else highlight.delete(rangeOf(i));
              }
          },
          { rootMargin: '100% 0px' },
        );
        for (const el of groups.keys()) near.observe(el);
      }
      setVisible(visible);
    },

    setVisible,

    flash(range) {
      const flash = new win.Highlight(range.cloneRange());
      flash.priority = 100;
      registry.set(FLASH_HIGHLIGHT, flash);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => {
        if (registry.get(FLASH_HIGHLIGHT) === flash) registry.delete(FLASH_HIGHLIGHT);
      }, FLASH_MS);
    },

    clear,

    /** Ranges painted per category, near the viewport or not. */
    sizes: () => ({ ...counts }),
  };
}
