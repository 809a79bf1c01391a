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

/** The hover controller the reading controller drives (see createHoverController). */
export type HoverController = ReturnType<typeof createHoverController>;

/**
 * Hover and click on highlights: highlights get no events, so the pointer is hit-tested against the painted
 * spans and the plugged-in sources, and the tooltip (in Tifa's shadow-root UI) explains the one under it.
 * A tooltip with buttons is interactive: it stays while the pointer moves into it (LEAVE_DELAY_MS), Tab moves
 * focus into it, Esc closes it, and it stays open while focus is in it. Listens only while listening() is on;
 * every listener hangs off one AbortSignal. A closure, not a class: locals minify to one letter where
 * `this.#field` costs seven bytes a use (content-script size budget).
 */
export function createHoverController(
  doc: Document,
  painter: Painter,
  ui: PageUi,
  guard: (where: string, fn: () => void) => void,
  mentionActions?: MentionActions,
) {
  let page: PaintedPage | null = null;
  let visibleSpans: VisibleSpan[] = [];
  let maxVisibleLength = 0;
  const sources: HoverSource[] = [];
  let listening: AbortController | null = null;
  let hoverTimer: ReturnType<typeof setTimeout> | undefined;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let hoverKey: string | null = null;
  let shownKey: string | null = null;
  let pinned = false;
  let framePending = false;
  let onTip = false;
  let lastPoint = { x: 0, y: 0 };
  const win = () => doc.defaultView as Window & typeof globalThis;

  function hide(): void {
    clearTimeout(hoverTimer);
    clearTimeout(leaveTimer);
    leaveTimer = undefined;
    pinned = false;
    hoverKey = shownKey = null;
    ui.hideTooltip();
  }

  /** Index into the painted spans of the visible span under a viewport point, or -1. */
  function hitTest(x: number, y: number): number {
    if (!page || !visibleSpans.length) return -1;
    if (painter.itemAt) return painter.itemAt(x, y) ?? -1;
    const caret = caretAt(doc, x, y);
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
      const v = spanAtOffset(visibleSpans, candidate, maxVisibleLength);
      if (v < 0) continue;
      const span = visibleSpans[v];
      if (pointInRange(rangeFor(page.extraction, span.start, span.end), x, y)) return span.index;
    }
    return -1;
  }

  /** The most specific thing with a tooltip under a viewport point: a reading span or a plugged-in source's hit. */
  function hitAt(x: number, y: number): HoverHit | null {
    let best: HoverHit | null = null;
    const index = hitTest(x, y);
    const span = index >= 0 ? page!.spans[index] : undefined;
    if (span) best = { length: span.end - span.start, key: `r${index}`, content: (close) => describe(span, close) };
    for (const source of sources) {
      const hit = source.hit(x, y);
      if (hit && (!best || hit.length < best.length)) best = hit;
    }
    return best;
  }

  function describe(span: ReadingSpan, close: () => void): TooltipContent {
    const { analysis } = page!;
    const content = describeReadingSpan(span, analysis);
    const mention = span.category === 'section' ? undefined : analysis.mentions[span.source];
    const extra = mention && mentionActions?.(mention, close);
    return extra ? { ...content, extra } : content;
  }

  const own = (e: Event): boolean => e.target instanceof Node && ui.isOwnNode(e.target);

  function onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    if (own(e)) {
      // On the tooltip itself: it stays.
      clearTimeout(leaveTimer);
      clearTimeout(hoverTimer);
      leaveTimer = undefined;
      hoverKey = ON_TIP;
      onTip = true; // a frame still pending from the page below must not replace the tooltip now
      return;
    }
    onTip = false;
    if (pinned || ui.focused) return;
    lastPoint = { x: e.clientX, y: e.clientY };
    if (framePending) return;
    framePending = true;
    win().requestAnimationFrame(() =>
      guard('hover', () => {
        framePending = false;
        if (onTip) return;
        const { x, y } = lastPoint;
        const hit = hitAt(x, y);
        const key = hit?.key ?? null;
        if (key === hoverKey) return;
        hoverKey = key;
        clearTimeout(hoverTimer);
        if (key !== null && key === shownKey && ui.tooltipVisible) {
          // Back on the highlight whose tooltip is open.
          clearTimeout(leaveTimer);
          leaveTimer = undefined;
          return;
        }
        const interactive = ui.interactive;
        if (!hit) {
          if (!interactive) hide();
          else leaveTimer ??= setTimeout(() => guard('tooltip', hide), LEAVE_DELAY_MS);
          return;
        }
        const delay = interactive ? LEAVE_DELAY_MS : HOVER_DELAY_MS;
        hoverTimer = setTimeout(() => guard('tooltip', () => show(hit, x, y)), delay);
      }),
    );
  }

  function onClick(e: MouseEvent): void {
    if (own(e)) {
      // A click in the tooltip (its buttons handle themselves): the reader is working in it.
      pinned = ui.tooltipVisible;
      return;
    }
    const hit = hitAt(e.clientX, e.clientY);
    if (hit) {
      show(hit, e.clientX, e.clientY, true);
      pinned = true;
      hoverKey = hit.key;
    } else if (pinned || ui.tooltipVisible) {
      hide();
    }
  }

  function onKey(e: KeyboardEvent): void {
    if (!ui.tooltipVisible) return;
    if (e.key === 'Escape') hide();
    // Tab from the page goes into an open tooltip's buttons first (keyboard readers reach its actions).
    else if (e.key === 'Tab' && !e.shiftKey && !ui.focused && ui.focusTooltip()) {
      pinned = true;
      e.preventDefault();
    }
  }

  function show(hit: HoverHit, x: number, y: number, clicked = false): void {
    clearTimeout(leaveTimer);
    leaveTimer = undefined;
    shownKey = hit.key;
    ui.showTooltip(hit.content(hide, clicked), x, y);
  }

  return {
    /** The page and categories now painted (null: nothing painted). */
    setPainted(painted: PaintedPage | null, visible: ReadonlySet<HighlightCategory>): void {
      page = painted;
      visibleSpans = [];
      painted?.spans.forEach((s, index) => {
        if (visible.has(s.category)) visibleSpans.push({ start: s.start, end: s.end, index });
      });
      maxVisibleLength = maxSpanLength(visibleSpans);
      // A reader typing in the tooltip (a clip's note) keeps it through a repaint of the page's highlights.
      if (!ui.focused) hide();
    },

    get hasSpans(): boolean {
      return page !== null && visibleSpans.length > 0;
    },

    get hasSources(): boolean {
      return sources.length > 0;
    },

    addSource(source: HoverSource): void {
      sources.push(source);
    },

    /** Starts or stops following the pointer; stopping hides the tooltip. */
    listen(on: boolean, parent: AbortSignal): void {
      if (on && !listening) {
        const abort = new AbortController();
        parent.addEventListener('abort', () => abort.abort(), { once: true, signal: abort.signal });
        listening = abort;
        const opts = { passive: true, capture: true, signal: abort.signal } as const;
        doc.addEventListener('pointermove', (e) => guard('hover', () => onPointerMove(e)), opts);
        doc.addEventListener('click', (e) => guard('click', () => onClick(e)), opts);
        win().addEventListener('scroll', (e) => own(e) || ui.focused || hide(), opts);
        doc.addEventListener('keydown', (e) => guard('key', () => onKey(e)), { capture: true, signal: abort.signal });
      } else if (!on && listening) {
        listening.abort();
        listening = null;
        hide();
      }
    },

    hide,
    hitTest,
  };
}
