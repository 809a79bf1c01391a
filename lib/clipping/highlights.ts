import { CLIP_COLORS, type ClipColor } from '../clips/types';

/** The highlight holding every anchored clip (a stable hook), and one per colour that carries the colour. */
export const CLIP_HIGHLIGHT = 'tifa-clip';
export const FLASH_HIGHLIGHT = 'tifa-clip-flash';
export const colorHighlightName = (color: ClipColor): string => `tifa-clip-${color}`;

/** Translucent so the text stays legible on light and dark pages; clips sit above the reading highlights. */
const COLOR_CSS: Record<ClipColor, string> = {
  yellow: 'rgba(255, 204, 0, 0.45)',
  green: 'rgba(46, 204, 113, 0.38)',
  blue: 'rgba(52, 152, 255, 0.35)',
  pink: 'rgba(255, 92, 170, 0.35)',
  purple: 'rgba(155, 89, 255, 0.35)',
};
const CLIP_PRIORITY = 10;

function clipCss(): string {
  const rules = CLIP_COLORS.map((c) => `::highlight(${colorHighlightName(c)}) { background-color: ${COLOR_CSS[c]}; }`);
  rules.push(`::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 140, 0, 0.7); }`);
  return rules.join('\n');
}

type HighlightRegistry = Map<string, Highlight>;

function registry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

export interface HighlightEntry {
  id: string;
  color: ClipColor;
  range: Range;
}

/**
 * Paints anchored clips with the CSS Custom Highlight API (the page's DOM and text are untouched). Where the API
 * is missing, clips are still anchored and listed, just not painted.
 */
export class ClipHighlighter {
  private entries = new Map<string, HighlightEntry>();
  private sheet: CSSStyleSheet | HTMLStyleElement | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document = document) {}

  get supported(): boolean {
    return registry() !== null;
  }

  set(entries: HighlightEntry[]): void {
    this.entries = new Map(entries.map((e) => [e.id, e]));
    this.paint();
  }

  add(entry: HighlightEntry): void {
    this.entries.set(entry.id, entry);
    this.paint();
  }

  /** Scrolls to a range and flashes it briefly. */
  flash(range: Range): void {
    const start = range.startContainer;
    const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const reg = registry();
    if (!reg) return;
    this.ensureStyles();
    reg.set(FLASH_HIGHLIGHT, new Highlight(range));
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => reg.delete(FLASH_HIGHLIGHT), 1200);
  }

  clear(): void {
    this.entries.clear();
    const reg = registry();
    if (reg) {
      reg.delete(CLIP_HIGHLIGHT);
      reg.delete(FLASH_HIGHLIGHT);
      for (const c of CLIP_COLORS) reg.delete(colorHighlightName(c));
    }
    clearTimeout(this.flashTimer);
  }

  /** Removes the highlights and the style sheet. */
  destroy(): void {
    this.clear();
    if (this.sheet instanceof CSSStyleSheet) {
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
    } else this.sheet?.remove();
    this.sheet = null;
  }

  private paint(): void {
    const reg = registry();
    if (!reg) return;
    this.ensureStyles();
    const all = new Highlight();
    const byColor = new Map<ClipColor, Highlight>(CLIP_COLORS.map((c) => [c, new Highlight()]));
    for (const { color, range } of this.entries.values()) {
      all.add(range);
      byColor.get(color)?.add(range);
    }
    all.priority = CLIP_PRIORITY;
    reg.set(CLIP_HIGHLIGHT, all);
    for (const [color, h] of byColor) {
      h.priority = CLIP_PRIORITY;
      if (h.size) reg.set(colorHighlightName(color), h);
      else reg.delete(colorHighlightName(color));
    }
  }

  /** ::highlight() rules must live in the page's style scope; an adopted sheet adds no element to the DOM. */
  private ensureStyles(): void {
    if (this.sheet) return;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(clipCss());
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      const style = this.doc.createElement('style');
      style.dataset.tifa = 'clips';
      style.textContent = clipCss();
      (this.doc.head ?? this.doc.documentElement).append(style);
      this.sheet = style;
    }
  }
}
