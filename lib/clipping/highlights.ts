import { CLIP_COLORS, type ClipColor } from '../clips/types';
import { Flash, supportsHighlightApi } from '../highlight/highlightApi';
import { pointInRange } from '../highlight/hitTest';
import { installPageStyles } from '../highlight/stylesheet';

/** The highlight holding every anchored clip (a stable hook), and one per colour that carries the colour. */
export const CLIP_HIGHLIGHT = 'tifa-clip';
export const CLIP_FLASH_HIGHLIGHT = 'tifa-clip-flash';
export const colorHighlightName = (color: ClipColor): string => `tifa-clip-${color}`;

/** Translucent so the text stays legible on light and dark pages; clips sit above the reading highlights. */
export const COLOR_CSS: Record<ClipColor, string> = {
  yellow: 'rgba(255, 204, 0, 0.45)',
  green: 'rgba(46, 204, 113, 0.38)',
  blue: 'rgba(52, 152, 255, 0.35)',
  pink: 'rgba(255, 92, 170, 0.35)',
  purple: 'rgba(155, 89, 255, 0.35)',
};
const CLIP_PRIORITY = 10;
const FLASH_MS = 1200;

function clipCss(): string {
  const rules = CLIP_COLORS.map((c) => `::highlight(${colorHighlightName(c)}) { background-color: ${COLOR_CSS[c]}; }`);
  rules.push(`::highlight(${CLIP_FLASH_HIGHLIGHT}) { background-color: rgba(255, 140, 0, 0.7); }`);
  return rules.join('\n');
}

export interface HighlightEntry {
  id: string;
  color: ClipColor;
  range: Range;
}

type HighlightWindow = Window & typeof globalThis;

/**
 * Paints anchored clips with the CSS Custom Highlight API, with the reading painter's machinery
 * (lib/highlight: page-scope styles, flash); the page's DOM and text are untouched. Where the API is missing,
 * clips are still anchored and listed, just not painted.
 */
export class ClipHighlighter {
  readonly #win: HighlightWindow | null;
  readonly #flasher: Flash | null;
  #removeStyles: (() => void) | null = null;
  #entries: readonly HighlightEntry[] = [];

  readonly #doc: Document;

  constructor(doc: Document = document) {
    this.#doc = doc;
    const win = doc.defaultView as HighlightWindow | null;
    this.#win = supportsHighlightApi(win) ? win : null;
    this.#flasher = this.#win && new Flash(this.#win, CLIP_FLASH_HIGHLIGHT, FLASH_MS);
  }

  /** Paints exactly these clips (replacing what was painted). */
  set(entries: readonly HighlightEntry[]): void {
    this.#entries = entries;
    if (!this.#win) return;
    this.#ensureStyles();
    const registry = this.#win.CSS.highlights;
    const all = new this.#win.Highlight();
    const byColor = new Map<ClipColor, Highlight>(CLIP_COLORS.map((c) => [c, new this.#win!.Highlight()]));
    for (const { color, range } of entries) {
      all.add(range);
      byColor.get(color)?.add(range);
    }
    all.priority = CLIP_PRIORITY;
    registry.set(CLIP_HIGHLIGHT, all);
    for (const [color, h] of byColor) {
      h.priority = CLIP_PRIORITY;
      if (h.size) registry.set(colorHighlightName(color), h);
      else registry.delete(colorHighlightName(color));
    }
  }

  /** The painted clip under a viewport point (the clip hover card, lib/clipping/clip-card.ts), or null. */
  entryAt(x: number, y: number): HighlightEntry | null {
    if (!this.#win) return null;
    return this.#entries.find((e) => pointInRange(e.range, x, y)) ?? null;
  }

  /** Scrolls to a range and flashes it briefly. */
  flash(range: Range): void {
    const start = range.startContainer;
    const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (!this.#flasher) return;
    this.#ensureStyles();
    this.#flasher.show(range, 0);
  }

  /** Removes the highlights and the style sheet. */
  destroy(): void {
    if (this.#win) {
      const registry = this.#win.CSS.highlights;
      registry.delete(CLIP_HIGHLIGHT);
      for (const c of CLIP_COLORS) registry.delete(colorHighlightName(c));
      this.#flasher?.clear();
    }
    this.#removeStyles?.();
    this.#removeStyles = null;
    this.#entries = [];
  }

  /** ::highlight() rules must live in the page's style scope (an adopted sheet adds no element to the DOM). */
  #ensureStyles(): void {
    this.#removeStyles ??= installPageStyles(this.#doc, clipCss());
  }
}
