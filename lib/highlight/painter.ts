import type { BoundaryPoints } from '../extract/ranges';
import type { HighlightCategory } from './categories';

/**
 * One thing to paint: span `i` of the page's highlight list is `items[i]`. Its ends are plain boundary points,
 * not a live Range: the painter makes the range it needs when it needs it (see highlightApi.ts).
 */
export interface PaintItem {
  category: HighlightCategory;
  range: BoundaryPoints;
}

/**
 * Paints the page's highlight list and switches categories on and off. Two implementations: the CSS Custom
 * Highlight API (no DOM change at all) and, where that API is missing, <mark> wrapping that is undone completely.
 */
export interface Painter {
  readonly kind: 'highlight-api' | 'marks';
  /** True when painting changes the DOM, so a MutationObserver must ignore the painter's own mutations. */
  readonly mutatesDom: boolean;
  /** Replaces whatever was painted before. */
  paint(items: readonly PaintItem[], visible: ReadonlySet<HighlightCategory>): void;
  /** Shows exactly the given categories, live. */
  setVisible(visible: ReadonlySet<HighlightCategory>): void;
  /** Briefly emphasises a range (an outline item the reader navigated to). */
  flash(range: Range, itemIndex: number): void;
  /**
   * The painted item under a viewport point, for painters that can tell from the DOM alone. Painters that cannot
   * (the Highlight API paints no elements) leave it undefined and the caller hit-tests by text offset.
   */
  itemAt?(x: number, y: number): number | null;
  /** Removes everything painted (the painter stays usable). */
  clear(): void;
  /** Number of painted ranges per category (for tests and the popup's counts). */
  sizes(): Record<string, number>;
}
