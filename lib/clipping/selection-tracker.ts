import type { ClipButtonUi } from './clip-button';
import { movedSince, sameRange, spotOf, type ScreenSpot } from './selection-geometry';

const SELECTION_SETTLE_MS = 150;

/** The selection follower the clipper drives (see createSelectionTracker). */
export type SelectionTracker = ReturnType<typeof createSelectionTracker>;

/**
 * Follows the reader's selection for the floating button: shows it for a settled, non-empty selection in the
 * page's text, hides it on a click elsewhere, Escape or a scroll that moved the selection, and keeps it away
 * from a selection that was just clipped. Holds the range the button would clip. A closure, not a class
 * (content-script size budget: locals minify, `this.#field` does not). `panels` is the open panel (note
 * editor, term form), if any: a new selection elsewhere closes it.
 */
export function createSelectionTracker(
  doc: Document,
  ui: ClipButtonUi,
  panels?: { readonly panelOpen: boolean; close(): void },
) {
  /** The selection the button points at (a copy: the page may change its own selection). */
  let pending: Range | null = null;
  /** The selection last clipped with the button: the button does not come back for it. */
  let clippedRange: Range | null = null;
  /** Where the pending selection was when the button was shown for it. */
  let shownAt: ScreenSpot | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let pointerDown = false;

  /** A range was clipped (button, shortcut or menu): the bar does not come back for it. */
  const clipped = (range: Range | null): void => {
    clippedRange = range;
    pending = null;
  };

  const schedule = (): void => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(check, SELECTION_SETTLE_MS);
  };

  /** Shows the button for a settled, non-empty selection in the page's text; hides it otherwise. */
  function check(): void {
    if (pointerDown) return;
    const sel = doc.getSelection();
    const busy = !!panels?.panelOpen;
    if (!sel || sel.isCollapsed || !sel.rangeCount || !sel.toString().trim() || inEditable(sel)) {
      // Focus moved into an open panel: the page's selection is not the reader's concern now.
      if (busy) return;
      pending = null;
      ui.hide();
      return;
    }
    const range = sel.getRangeAt(0);
    if (ui.owns(range.commonAncestorContainer)) return;
    // Just clipped: the button stays away until the reader selects something else.
    if (clippedRange && sameRange(clippedRange, range)) return;
    // A new selection on the page while a panel is open: the reader moved on (the clip itself is kept).
    if (busy) panels!.close();
    clippedRange = null;
    pending = range.cloneRange();
    ui.showFor(range);
    shownAt = spotOf(range);
  }

  /**
   * Hides the button when a scroll moved the selection it points at (by more than SCROLL_SLACK_PX): Firefox
   * fires a sub-pixel scroll when Tifa's UI is first appended, which must not hide a button just shown.
   */
  function hideIfSelectionMoved(): void {
    const range = pending;
    if (range && shownAt && ui.visible && !movedSince(range, shownAt)) return;
    ui.hide();
  }

  function inEditable(sel: Selection): boolean {
    const active = doc.activeElement;
    if (active && (active.localName === 'input' || active.localName === 'textarea')) return true;
    const node = sel.anchorNode;
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    return !!el?.closest('[contenteditable=""],[contenteditable="true"],[contenteditable="plaintext-only"]');
  }

  return {
    get pending(): Range | null {
      return pending;
    },
    set pending(range: Range | null) {
      pending = range;
    },

    /** Listens until the signal aborts. */
    start(signal: AbortSignal): void {
      const on = (target: EventTarget, type: string, fn: (e: Event) => void) =>
        target.addEventListener(type, fn, { capture: true, passive: true, signal });
      on(doc, 'selectionchange', schedule);
      on(doc, 'mousedown', (e) => {
        if (ui.owns(e.target)) return;
        pointerDown = true;
        ui.hide();
      });
      on(doc, 'mouseup', (e) => {
        pointerDown = false;
        if (ui.owns(e.target)) return;
        schedule();
      });
      on(doc, 'keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Escape') ui.hide();
      });
      on(doc.defaultView ?? window, 'scroll', hideIfSelectionMoved);
      // Keyboard: Tab from the page (no control focused) while the bar is shown moves focus to Clip.
      doc.addEventListener(
        'keydown',
        (e) => {
          const active = doc.activeElement;
          const inPage = !active || active === doc.body || active === doc.documentElement;
          if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !e.isTrusted) return;
          if (!inPage || !ui.visible) return;
          e.preventDefault();
          ui.focus();
        },
        { capture: true, signal },
      );
      signal.addEventListener('abort', () => clearTimeout(settleTimer), { once: true });
    },

    /** The pending range is being clipped: forget it, and do not offer the button again for the same selection. */
    take(): Range | null {
      const range = pending;
      clipped(range);
      return range;
    },

    clipped,
    schedule,
  };
}
