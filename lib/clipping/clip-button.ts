import { t } from '../i18n';
import { el, trustedButton } from '../reading/dom';
import { isTifaUiNode, mountInTifaUi } from '../reading/uiHost';
import { placeClipButton } from './button-position';

// Inside Tifa's closed shadow root (no page id can clash), and short: clip-button.css repeats it in ten selectors.
export const CLIPPER_HOST_ID = 'clip';

const STATUS_MS = 2600;

/** What the bar's buttons ask for: clip (snap = the Alt or Shift modifier: grow to whole sentences first), or term. */
export interface BarActions {
  clip(snap: boolean): void;
  term(): void;
}

/** The selection bar and status line (see createClipButtonUi). */
export type ClipButtonUi = ReturnType<typeof createClipButtonUi>;

interface BarParts {
  host: HTMLElement;
  bar: HTMLElement;
  button: HTMLButtonElement;
  status: HTMLElement;
}

/**
 * The selection bar (Clip, Add as term) next to a selection, and a status line for outcomes, in Tifa's closed
 * shadow root (lib/reading/uiHost.ts: page styles cannot break it, page scripts cannot reach it). Created on first
 * use. Panels opened from it (note editor, term form: panels.ts) mount in `host`. A closure, not a class
 * (content-script size budget: locals minify, `this.#field` does not).
 */
export function createClipButtonUi(doc: Document, actions: BarActions) {
  let parts: BarParts | null = null;
  let unmount: (() => void) | null = null;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;

  function ensure(): BarParts {
    if (parts?.host.isConnected) return parts;
    // The page gets one Tifa element: the bar lives in the shared closed shadow root (lib/reading/uiHost).
    unmount?.();
    const host = el(doc, 'div');
    host.id = CLIPPER_HOST_ID;
    const bar = el(doc, 'div', 'tifa-clip-bar');
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', t('clippingStatusRegion'));
    const button = trustedButton(
      doc,
      t('clippingButton'),
      (e) => actions.clip(e.altKey || e.shiftKey),
      'tifa-clip-button',
    );
    button.title = t('clippingButtonTitle');
    const term = trustedButton(doc, t('clippingAddTerm'), () => actions.term(), 'tifa-term-button');
    bar.append(button, term);
    const status = el(doc, 'div', 'tifa-clip-status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('aria-label', t('clippingStatusRegion'));
    host.append(bar, status);
    unmount = mountInTifaUi(doc, host);
    parts = { host, bar, button, status };
    return parts;
  }

  const hide = (): void => {
    parts?.bar.removeAttribute('data-shown');
    parts?.button.removeAttribute('data-shown');
  };

  return {
    get element(): HTMLElement | null {
      return parts?.host ?? null;
    },

    /** The element panels mount in (created on demand). */
    get host(): HTMLElement {
      return ensure().host;
    },

    get visible(): boolean {
      return !!parts?.bar.hasAttribute('data-shown');
    },

    /**
     * True for events that happened inside Tifa's UI (so they do not count as "a click elsewhere"). Events from the
     * shared shadow root reach document listeners retargeted to its host, hence the host check.
     */
    owns(target: EventTarget | null): boolean {
      return !!parts && target instanceof Node && (parts.host.contains(target) || isTifaUiNode(doc, target));
    },

    /** Shows the bar next to the selected range, never over a selected line, kept inside the viewport. */
    showFor(range: Range): void {
      const { bar, button } = ensure();
      bar.setAttribute('data-shown', '');
      button.setAttribute('data-shown', '');
      place(doc, bar, range);
    },

    /** Moves keyboard focus to the Clip button (Tab from the page while the bar is shown). */
    focus(): void {
      parts?.button.focus();
    },

    hide,

    /** Announces an outcome (role=status, so screen readers read it) and fades it after a moment. */
    announce(message: string, kind: 'info' | 'error' = 'info'): void {
      const status = ensure().status;
      status.textContent = message;
      status.dataset.kind = kind;
      status.setAttribute('data-shown', '');
      clearTimeout(statusTimer);
      statusTimer = setTimeout(
        () => status.removeAttribute('data-shown'),
        kind === 'error' ? STATUS_MS * 2 : STATUS_MS,
      );
    },

    destroy(): void {
      clearTimeout(statusTimer);
      unmount?.();
      unmount = null;
      parts = null;
    },
  };
}

/** Places a fixed element next to a range's lines (button-position.ts), never over one of them. */
export function place(doc: Document, el: HTMLElement, range: Range): void {
  const lines = Array.from(range.getClientRects()).filter((r) => r.width || r.height);
  if (!lines.length) lines.push(range.getBoundingClientRect());
  const view = doc.defaultView;
  const { top, left } = placeClipButton(
    lines,
    { width: el.offsetWidth || 160, height: el.offsetHeight || 36 },
    { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 },
  );
  el.style.top = `${Math.round(top)}px`;
  el.style.left = `${Math.round(left)}px`;
}
