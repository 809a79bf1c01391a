import { t } from '../i18n';
import { isTifaUiNode, mountInTifaUi } from '../reading/uiHost';
import { placeClipButton } from './button-position';
// Minified by the build (Vite's ?inline): the content script's size budget is small.
import STYLE from './clip-button.css?inline';

export const CLIPPER_HOST_ID = 'tifa-clipper';

const STATUS_MS = 2600;

/**
 * The floating "Clip" button next to a selection, and a status line for the outcome, in Tifa's closed shadow
 * root (lib/reading/uiHost.ts: page styles cannot break it, page scripts cannot reach it). Created on first use.
 */
export class ClipButtonUi {
  #host: HTMLElement | null = null;
  #unmount: (() => void) | null = null;
  #button: HTMLButtonElement | null = null;
  #status: HTMLElement | null = null;
  #statusTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #doc: Document;
  readonly #onActivate: () => void;

  constructor(doc: Document, onActivate: () => void) {
    this.#doc = doc;
    this.#onActivate = onActivate;
  }

  get element(): HTMLElement | null {
    return this.#host;
  }

  get visible(): boolean {
    return !!this.#button?.hasAttribute('data-shown');
  }

  /**
   * True for events that happened inside Tifa's UI (so they do not count as "a click elsewhere"). Events from the
   * shared shadow root reach document listeners retargeted to its host, hence the host check.
   */
  owns(target: EventTarget | null): boolean {
    return !!this.#host && target instanceof Node && (this.#host.contains(target) || isTifaUiNode(this.#doc, target));
  }

  /** Shows the button next to the selected range, never over a selected line, kept inside the viewport. */
  showFor(range: Range): void {
    const button = this.#ensure().button;
    const lines = Array.from(range.getClientRects()).filter((r) => r.width || r.height);
    if (!lines.length) lines.push(range.getBoundingClientRect());
    const view = this.#doc.defaultView;
    button.setAttribute('data-shown', '');
    const size = { width: button.offsetWidth || 60, height: button.offsetHeight || 28 };
    const { top, left } = placeClipButton(lines, size, {
      width: view?.innerWidth ?? 1024,
      height: view?.innerHeight ?? 768,
    });
    button.style.top = `${Math.round(top)}px`;
    button.style.left = `${Math.round(left)}px`;
  }

  hide(): void {
    this.#button?.removeAttribute('data-shown');
  }

  /** Announces an outcome (role=status, so screen readers read it) and fades it after a moment. */
  announce(message: string, kind: 'info' | 'error' = 'info'): void {
    const status = this.#ensure().status;
    status.textContent = message;
    status.dataset.kind = kind;
    status.setAttribute('data-shown', '');
    clearTimeout(this.#statusTimer);
    this.#statusTimer = setTimeout(
      () => status.removeAttribute('data-shown'),
      kind === 'error' ? STATUS_MS * 2 : STATUS_MS,
    );
  }

  destroy(): void {
    clearTimeout(this.#statusTimer);
    this.#unmount?.();
    this.#unmount = null;
    this.#host = this.#button = this.#status = null;
  }

  #ensure(): { button: HTMLButtonElement; status: HTMLElement } {
    if (this.#host && this.#button && this.#status && this.#host.isConnected)
      return { button: this.#button, status: this.#status };
    // The page gets one Tifa element: the button lives in the shared <tifa-ui> shadow root (lib/reading/uiHost).
    this.#unmount?.();
    const host = this.#doc.createElement('div');
    host.id = CLIPPER_HOST_ID;
    const style = this.#doc.createElement('style');
    style.textContent = STYLE;
    const button = this.#doc.createElement('button');
    button.type = 'button';
    button.className = 'tifa-clip-button';
    button.textContent = t('clippingButton');
    button.title = t('clippingButtonTitle');
    // Keep the page's selection: a mousedown on a button would otherwise move focus and may collapse it.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      // Only the reader's own click or key press saves: a page script's button.click() or dispatched event
      // is not trusted (and the closed shadow root keeps the button out of the page's reach anyway).
      if (e.isTrusted) this.#onActivate();
    });
    const status = this.#doc.createElement('div');
    status.className = 'tifa-clip-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('aria-label', t('clippingStatusRegion'));
    host.append(button, status);
    this.#unmount = mountInTifaUi(this.#doc, style, host);
    this.#host = host;
    this.#button = button;
    this.#status = status;
    return { button, status };
  }
}
