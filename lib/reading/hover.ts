import { offsetsOf, rangeFor, type ExtractedText } from '../extract';
import { caretAt, maxSpanLength, pointInRange, spanAtOffset } from '../highlight/hitTest';
import type { Painter } from '../highlight/painter';
import type { HighlightCategory } from '../highlight/categories';
import type { Analysis, Mention } from '../rules/types';
import { describeReadingSpan } from './describe';
import type { ReadingSpan } from './spans';
import type { PageUi, TooltipContent } from './ui';

const HOVER_DELAY_MS = 120;
/** How long a tooltip with buttons stays after the pointer left its highlight: time to move into it. */
const LEAVE_DELAY_MS = 350;
/** The hover key while the pointer is over the tooltip itself. */
const ON_TIP = '#tip';

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

/** Something under the pointer that has a tooltip. */
export interface HoverHit {
  /** Characters it covers: where hits overlap, the shortest (the more specific thing) wins. */
  length: number;
  /** Equal keys are the same thing: the tooltip is not rebuilt while the pointer stays on it. */
  key: string;
  /**
   * The tooltip; `close` closes it (after an action). `clicked`: opened by a click (pinned), not by hovering —
   * a hit may keep its buttons for then, so a tooltip over a whole paragraph never catches a passing pointer.
   */
  content(close: () => void, clicked: boolean): TooltipContent;
}

/**
 * One kind of highlight with a tooltip, hit-tested at a viewport point. The reading spans are built in; clips
 * (lib/clipping/clip-card.ts) and later kinds plug in with ReadingController.addHoverSource.
 */
export interface HoverSource {
  hit(x: number, y: number): HoverHit | null;
}

/** Buttons for a mention's tooltip (lib/reading/tooltip-actions.ts), or null for none. */
export type MentionActions = (mention: Mention, close: () => void) => Node | null;

/**
 * Hover and click on highlights: highlights get no events, so the pointer is hit-tested against the painted
 * spans and the plugged-in sources, and the tooltip (in Tifa's shadow-root UI) explains the one under it.
 * A tooltip with buttons is interactive: it stays while the pointer moves into it (LEAVE_DELAY_MS), Tab moves
 * focus into it, Esc closes it, and it stays open while focus is in it. Listens only while listening() is on;
 * every listener hangs off one AbortSignal.
 */
export class HoverController {
  #page: PaintedPage | null = null;
  #visibleSpans: VisibleSpan[] = [];
  #maxVisibleLength = 0;
  #sources: HoverSource[] = [];
  #listening: AbortController | null = null;
  #hoverTimer: ReturnType<typeof setTimeout> | undefined;
  #leaveTimer: ReturnType<typeof setTimeout> | undefined;
  #hoverKey: string | null = null;
  #shownKey: string | null = null;
  #pinned = false;
  #framePending = false;
  #onTip = false;
  #lastPoint = { x: 0, y: 0 };

  readonly #doc: Document;
  readonly #painter: Painter;
  readonly #ui: PageUi;
  readonly #guard: (where: string, fn: () => void) => void;
  readonly #mentionActions: MentionActions | undefined;

  constructor(
    doc: Document,
    painter: Painter,
    ui: PageUi,
    guard: (where: string, fn: () => void) => void,
    mentionActions?: MentionActions,
  ) {
    this.#doc = doc;
    this.#painter = painter;
    this.#ui = ui;
    this.#guard = guard;
    this.#mentionActions = mentionActions;
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
    // A reader typing in the tooltip (a clip's note) keeps it through a repaint of the page's highlights.
    if (!this.#ui.focused) this.hide();
  }

  get hasSpans(): boolean {
    return this.#page !== null && this.#visibleSpans.length > 0;
  }

  get hasSources(): boolean {
    return this.#sources.length > 0;
  }

  addSource(source: HoverSource): void {
    this.#sources.push(source);
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
      this.#win.addEventListener('scroll', (e) => this.#own(e) || this.#ui.focused || this.hide(), opts);
      this.#doc.addEventListener('keydown', (e) => this.#guard('key', () => this.#onKey(e)), {
        capture: true,
        signal: abort.signal,
      });
    } else if (!on && this.#listening) {
      this.#listening.abort();
      this.#listening = null;
      this.hide();
    }
  }

  hide(): void {
    clearTimeout(this.#hoverTimer);
    clearTimeout(this.#leaveTimer);
    this.#leaveTimer = undefined;
    this.#pinned = false;
    this.#hoverKey = this.#shownKey = null;
    this.#ui.hideTooltip();
  }

  /** Index into the painted spans of the visible span under a viewport point, or -1. */
  hitTest(x: number, y: number): number {
    const page = this.#page;
    if (!page || !this.#visibleSpans.length) return -1;
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
    return -1;
  }

  /** The most specific thing with a tooltip under a viewport point: a reading span or a plugged-in source's hit. */
  #hitAt(x: number, y: number): HoverHit | null {
    let best: HoverHit | null = null;
    const index = this.hitTest(x, y);
    const span = index >= 0 ? this.#page!.spans[index] : undefined;
    if (span)
      best = { length: span.end - span.start, key: `r${index}`, content: (close) => this.#describe(span, close) };
    for (const source of this.#sources) {
      const hit = source.hit(x, y);
      if (hit && (!best || hit.length < best.length)) best = hit;
    }
    return best;
  }

  #describe(span: ReadingSpan, close: () => void): TooltipContent {
    const page = this.#page!;
    const content = describeReadingSpan(span, page.analysis);
    const mention = span.category === 'section' ? undefined : page.analysis.mentions[span.source];
    const extra = mention && this.#mentionActions?.(mention, close);
    return extra ? { ...content, extra } : content;
  }

  #own(e: Event): boolean {
    return e.target instanceof Node && this.#ui.isOwnNode(e.target);
  }

  #onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    if (this.#own(e)) {
      // On the tooltip itself: it stays.
      clearTimeout(this.#leaveTimer);
      clearTimeout(this.#hoverTimer);
      this.#leaveTimer = undefined;
      this.#hoverKey = ON_TIP;
      this.#onTip = true; // a frame still pending from the page below must not replace the tooltip now
      return;
    }
    this.#onTip = false;
    if (this.#pinned || this.#ui.focused) return;
    this.#lastPoint = { x: e.clientX, y: e.clientY };
    if (this.#framePending) return;
    this.#framePending = true;
    this.#win.requestAnimationFrame(() =>
      this.#guard('hover', () => {
        this.#framePending = false;
        if (this.#onTip) return;
        const { x, y } = this.#lastPoint;
        const hit = this.#hitAt(x, y);
        const key = hit?.key ?? null;
        if (key === this.#hoverKey) return;
        this.#hoverKey = key;
        clearTimeout(this.#hoverTimer);
        if (key !== null && key === this.#shownKey && this.#ui.tooltipVisible) {
          // Back on the highlight whose tooltip is open.
          clearTimeout(this.#leaveTimer);
          this.#leaveTimer = undefined;
          return;
        }
        const interactive = this.#ui.interactive;
        if (!hit) {
          if (!interactive) this.hide();
          else this.#leaveTimer ??= setTimeout(() => this.#guard('tooltip', () => this.hide()), LEAVE_DELAY_MS);
          return;
        }
        const delay = interactive ? LEAVE_DELAY_MS : HOVER_DELAY_MS;
        this.#hoverTimer = setTimeout(() => this.#guard('tooltip', () => this.#show(hit, x, y)), delay);
      }),
    );
  }

  #onClick(e: MouseEvent): void {
    if (this.#own(e)) {
      // A click in the tooltip (its buttons handle themselves): the reader is working in it.
      this.#pinned = this.#ui.tooltipVisible;
      return;
    }
    const hit = this.#hitAt(e.clientX, e.clientY);
    if (hit) {
      this.#show(hit, e.clientX, e.clientY, true);
      this.#pinned = true;
      this.#hoverKey = hit.key;
    } else if (this.#pinned || this.#ui.tooltipVisible) {
      this.hide();
    }
  }

  #onKey(e: KeyboardEvent): void {
    if (!this.#ui.tooltipVisible) return;
    if (e.key === 'Escape') this.hide();
    // Tab from the page goes into an open tooltip's buttons first (keyboard readers reach its actions).
    else if (e.key === 'Tab' && !e.shiftKey && !this.#ui.focused && this.#ui.focusTooltip()) {
      this.#pinned = true;
      e.preventDefault();
    }
  }

  #show(hit: HoverHit, x: number, y: number, clicked = false): void {
    clearTimeout(this.#leaveTimer);
    this.#leaveTimer = undefined;
    this.#shownKey = hit.key;
    this.#ui.showTooltip(
      hit.content(() => this.hide(), clicked),
      x,
      y,
    );
  }
}
