import { offsetsOf, rangeFor, type ExtractedText } from '../extract';
import { caretAt, maxSpanLength, pointInRange, spanAtOffset } from '../highlight/hitTest';
import type { Painter } from '../highlight/painter';
import type { HighlightCategory } from '../highlight/categories';
import type { Analysis } from '../rules/types';
import { describeReadingSpan } from './describe';
import type { ReadingSpan } from './spans';
import type { PageUi, TooltipContent } from './ui';

const HOVER_DELAY_MS = 120;

interface VisibleSpan {
  start: number;
  end: number;
  /** Index into the painted spans (and into the painter's items). */
  index: number;
}

/** What the hover controller needs to know about the page's current paint. */
export interface PaintedPage {
  extraction: ExtractedText;
  analysis: Analysis;
  spans: ReadingSpan[];
}

/**
 * Hover and click on highlights: highlights get no events, so the pointer is hit-tested against the painted
 * spans, and the tooltip (in Tifa's shadow-root UI) explains the one under it. Listens only while listening()
 * is on; every listener hangs off one AbortSignal.
 */
export class HoverController {
  #page: PaintedPage | null = null;
  #visibleSpans: VisibleSpan[] = [];
  #maxVisibleLength = 0;
  #listening: AbortController | null = null;
  #hoverTimer: ReturnType<typeof setTimeout> | undefined;
  #hoverIndex = -1;
  #pinned = false;
  #framePending = false;
  #lastPoint = { x: 0, y: 0 };
  /**
   * A second source of tooltips (similar paragraphs, lib/reading/similar-marks.ts), asked where no span is hit:
   * `at` gives a key ≥ 0 for a text offset (or -1), `tip` its tooltip. hitTest reports such a hit as -2 - key.
   */
  extra: { at(offset: number): number; tip(key: number): TooltipContent } | null = null;

  readonly #doc: Document;
  readonly #painter: Painter;
  readonly #ui: PageUi;
  readonly #guard: (where: string, fn: () => void) => void;

  constructor(doc: Document, painter: Painter, ui: PageUi, guard: (where: string, fn: () => void) => void) {
    this.#doc = doc;
    this.#painter = painter;
    this.#ui = ui;
    this.#guard = guard;
  }

  get #win(): Window & typeof globalThis {
    return this.#doc.defaultView as Window & typeof globalThis;
  }

  /** The page and categories now painted (null: nothing painted). */
  setPainted(page: PaintedPage | null, visible: ReadonlySet<HighlightCategory>): void {
    this.#page = page;
    this.#visibleSpans = [];
    page?.spans.forEach((s, index) => {
      if (visible.has(s.category)) this.#visibleSpans.push({ start: s.start, end: s.end, index });
    });
    this.#maxVisibleLength = maxSpanLength(this.#visibleSpans);
    this.hide();
  }

  get hasSpans(): boolean {
    return this.#page !== null && this.#visibleSpans.length > 0;
  }

  /** Starts or stops following the pointer; stopping hides the tooltip. */
  listen(on: boolean, parent: AbortSignal): void {
    if (on && !this.#listening) {
      const abort = new AbortController();
      parent.addEventListener('abort', () => abort.abort(), { once: true, signal: abort.signal });
      this.#listening = abort;
      const opts = { passive: true, capture: true, signal: abort.signal } as const;
      this.#doc.addEventListener('pointermove', (e) => this.#guard('hover', () => this.#onPointerMove(e)), opts);
      this.#doc.addEventListener('click', (e) => this.#guard('click', () => this.#onClick(e)), opts);
      this.#win.addEventListener('scroll', () => this.hide(), opts);
      this.#doc.addEventListener('keydown', (e) => e.key === 'Escape' && this.hide(), opts);
    } else if (!on && this.#listening) {
      this.#listening.abort();
      this.#listening = null;
      this.hide();
    }
  }

  hide(): void {
    clearTimeout(this.#hoverTimer);
    this.#pinned = false;
    this.#hoverIndex = -1;
    this.#ui.hideTooltip();
  }

  /** Index into the painted spans of the visible span under a viewport point, -2 - key for an extra one, or -1. */
  hitTest(x: number, y: number): number {
    const page = this.#page;
    if (!page) return -1;
    if (this.#painter.itemAt) return this.#painter.itemAt(x, y) ?? -1;
    const caret = caretAt(this.#doc, x, y);
    if (caret?.node.nodeType !== 3) return -1;
    let offset: number;
    try {
      const at = {
        startContainer: caret.node,
        startOffset: caret.offset,
        endContainer: caret.node,
        endOffset: caret.offset,
      };
      offset = offsetsOf(page.extraction, at).start;
    } catch {
      return -1; // outside the extracted text (navigation, our own UI …)
    }
    // The caret sits between two characters: the one under the pointer is on either side of it.
    for (const candidate of [offset, offset - 1]) {
      const v = spanAtOffset(this.#visibleSpans, candidate, this.#maxVisibleLength);
      if (v < 0) continue;
      const span = this.#visibleSpans[v];
      if (pointInRange(rangeFor(page.extraction, span.start, span.end), x, y)) return span.index;
    }
    return -2 - (this.extra?.at(offset) ?? -1);
  }

  #onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch' || this.#pinned) return;
    this.#lastPoint = { x: e.clientX, y: e.clientY };
    if (this.#framePending) return;
    this.#framePending = true;
    this.#win.requestAnimationFrame(() =>
      this.#guard('hover', () => {
        this.#framePending = false;
        const { x, y } = this.#lastPoint;
        const hit = this.hitTest(x, y);
        if (hit === this.#hoverIndex) return;
        this.#hoverIndex = hit;
        clearTimeout(this.#hoverTimer);
        if (hit === -1) this.#ui.hideTooltip();
        else this.#hoverTimer = setTimeout(() => this.#guard('tooltip', () => this.#show(hit, x, y)), HOVER_DELAY_MS);
      }),
    );
  }

  #onClick(e: MouseEvent): void {
    const hit = this.hitTest(e.clientX, e.clientY);
    if (hit !== -1) {
      this.#show(hit, e.clientX, e.clientY);
      this.#pinned = true;
      this.#hoverIndex = hit;
    } else if (this.#pinned || this.#ui.tooltipVisible) {
      this.hide();
    }
  }

  #show(index: number, x: number, y: number): void {
    const page = this.#page;
    const span = page?.spans[index];
    const content = index < -1 ? this.extra?.tip(-2 - index) : page && span && describeReadingSpan(span, page.analysis);
    if (content) this.#ui.showTooltip(content, x, y);
  }
}
