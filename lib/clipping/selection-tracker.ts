import type { ClipButtonUi } from './clip-button';
import { movedSince, sameRange, spotOf, type ScreenSpot } from './selection-geometry';

const SELECTION_SETTLE_MS = 150;

/**
 * Follows the reader's selection for the floating button: shows it for a settled, non-empty selection in the
 * page's text, hides it on a click elsewhere, Escape or a scroll that moved the selection, and keeps it away
 * from a selection that was just clipped. Holds the range the button would clip.
 */
export class SelectionTracker {
  /** The selection the button points at (a copy: the page may change its own selection). */
  pending: Range | null = null;
  /** The selection last clipped with the button: the button does not come back for it. */
  #clipped: Range | null = null;
  /** Where the pending selection was when the button was shown for it. */
  #shownAt: ScreenSpot | null = null;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #pointerDown = false;

  readonly #doc: Document;
  readonly #ui: ClipButtonUi;

  constructor(doc: Document, ui: ClipButtonUi) {
    this.#doc = doc;
    this.#ui = ui;
  }

  /** Listens until the signal aborts. */
  start(signal: AbortSignal): void {
    const on = (target: EventTarget, type: string, fn: (e: Event) => void) =>
      target.addEventListener(type, fn, { capture: true, passive: true, signal });
    on(this.#doc, 'selectionchange', () => this.schedule());
    on(this.#doc, 'mousedown', (e) => {
      if (this.#ui.owns(e.target)) return;
      this.#pointerDown = true;
      this.#ui.hide();
    });
    on(this.#doc, 'mouseup', (e) => {
      this.#pointerDown = false;
      if (this.#ui.owns(e.target)) return;
      this.schedule();
    });
    on(this.#doc, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.#ui.hide();
    });
    on(this.#doc.defaultView ?? window, 'scroll', () => this.#hideIfSelectionMoved());
    signal.addEventListener('abort', () => clearTimeout(this.#settleTimer), { once: true });
  }

  /** The pending range is being clipped: forget it, and do not offer the button again for the same selection. */
  take(): Range | null {
    const range = this.pending;
    this.#clipped = range;
    this.pending = null;
    return range;
  }

  schedule(): void {
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#check(), SELECTION_SETTLE_MS);
  }

  /** Shows the button for a settled, non-empty selection in the page's text; hides it otherwise. */
  #check(): void {
    if (this.#pointerDown) return;
    const sel = this.#doc.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount || !sel.toString().trim() || this.#inEditable(sel)) {
      this.pending = null;
      this.#ui.hide();
      return;
    }
    const range = sel.getRangeAt(0);
    if (this.#ui.owns(range.commonAncestorContainer)) return;
    // Just clipped: the button stays away until the reader selects something else.
    if (this.#clipped && sameRange(this.#clipped, range)) return;
    this.#clipped = null;
    this.pending = range.cloneRange();
    this.#ui.showFor(range);
    this.#shownAt = spotOf(range);
  }

  /**
   * Hides the button when a scroll moved the selection it points at (by more than SCROLL_SLACK_PX): Firefox
   * fires a sub-pixel scroll when Tifa's UI is first appended, which must not hide a button just shown.
   */
  #hideIfSelectionMoved(): void {
    const range = this.pending;
    if (range && this.#shownAt && this.#ui.visible && !movedSince(range, this.#shownAt)) return;
    this.#ui.hide();
  }

  #inEditable(sel: Selection): boolean {
    const active = this.#doc.activeElement;
    if (active && (active.localName === 'input' || active.localName === 'textarea')) return true;
    const node = sel.anchorNode;
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    return !!el?.closest('[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]');
  }
}
