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
  /** The open panel (note editor, term form), if any: a new selection elsewhere closes it. */
  readonly #panels: { readonly panelOpen: boolean; close(): void } | undefined;

  constructor(doc: Document, ui: ClipButtonUi, panels?: { readonly panelOpen: boolean; close(): void }) {
    this.#doc = doc;
    this.#ui = ui;
    this.#panels = panels;
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
    // Keyboard: Tab from the page (no control focused) while the bar is shown moves focus to Clip.
    this.#doc.addEventListener(
      'keydown',
      (e) => {
        const active = this.#doc.activeElement;
        const inPage = !active || active === this.#doc.body || active === this.#doc.documentElement;
        if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !e.isTrusted) return;
        if (!inPage || !this.#ui.visible) return;
        e.preventDefault();
        this.#ui.focus();
      },
      { capture: true, signal },
    );
    signal.addEventListener('abort', () => clearTimeout(this.#settleTimer), { once: true });
  }

  /** The pending range is being clipped: forget it, and do not offer the button again for the same selection. */
  take(): Range | null {
    const range = this.pending;
    this.clipped(range);
    return range;
  }

  /** A range was clipped (button, shortcut or menu): the bar does not come back for it. */
  clipped(range: Range | null): void {
    this.#clipped = range;
    this.pending = null;
  }

  schedule(): void {
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#check(), SELECTION_SETTLE_MS);
  }

  /** Shows the button for a settled, non-empty selection in the page's text; hides it otherwise. */
  #check(): void {
    if (this.#pointerDown) return;
    const sel = this.#doc.getSelection();
    const busy = !!this.#panels?.panelOpen;
    if (!sel || sel.isCollapsed || !sel.rangeCount || !sel.toString().trim() || this.#inEditable(sel)) {
      // Focus moved into an open panel: the page's selection is not the reader's concern now.
      if (busy) return;
      this.pending = null;
      this.#ui.hide();
      return;
    }
    const range = sel.getRangeAt(0);
    if (this.#ui.owns(range.commonAncestorContainer)) return;
    // Just clipped: the button stays away until the reader selects something else.
    if (this.#clipped && sameRange(this.#clipped, range)) return;
    // A new selection on the page while a panel is open: the reader moved on (the clip itself is kept).
    if (busy) this.#panels!.close();
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
