import CLIP_BAR_CSS from '../clipping/clip-button.css?inline';
import CLIP_LAYER_CSS from '../clipping/clip-layer.css?inline';
import SHADOW_CSS from './shadow.css?inline';
import TOOLTIP_CSS from './tooltip.css?inline';

/**
 * The one element Tifa adds to a page: a plain <div> appended to <html> (outside <body>, so the body's text is
 * untouched) with a CLOSED shadow root that every in-page UI of Tifa mounts into — the reading tooltip and the
 * clipping button. Why this shape:
 * - not a custom element: a page could define that name first and make attachShadow throw;
 * - a closed root: page scripts cannot reach in (`host.shadowRoot` is null to them), so they can neither click
 *   the Clip button nor read what Tifa shows; only this module holds the root;
 * - out of flow and inert for layout: fixed, zero-sized, `all: initial` set inline with !important (beats any
 *   page style sheet), so it never shifts the page or its scroll position;
 * - re-attached when the page removes it (a bounded number of times, so a page fighting it cannot loop us).
 */
const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'display: block',
]
  .map((d) => `${d} !important`)
  .join('; ');

/** Re-attachments after the page removed the host, before Tifa gives up until its next use. */
const MAX_REATTACH = 20;

interface Host {
  element: HTMLElement;
  root: ShadowRoot;
  watcher: MutationObserver;
  reattached: number;
}

const hosts = new WeakMap<Document, Host>();

function createHost(doc: Document): Host {
  const element = doc.createElement('div');
  element.setAttribute('style', HOST_STYLE);
  const root = element.attachShadow({ mode: 'closed' });
  // Every part's rules in one sheet, there while the host is (minified by the build: Vite's ?inline).
  const base = doc.createElement('style');
  base.textContent = SHADOW_CSS + TOOLTIP_CSS + CLIP_BAR_CSS + CLIP_LAYER_CSS;
  root.append(base);
  const host: Host = { element, root, watcher: null as unknown as MutationObserver, reattached: 0 };
  const View = doc.defaultView?.MutationObserver ?? MutationObserver;
  host.watcher = new View(() => {
    if (element.isConnected || host.reattached >= MAX_REATTACH) return;
    host.reattached++;
    doc.documentElement.appendChild(element);
  });
  return host;
}

/** The shadow root of the page's Tifa host, created (or put back, if the page removed it) on first use. */
export function tifaUiRoot(doc: Document): ShadowRoot {
  let host = hosts.get(doc);
  if (!host) {
    host = createHost(doc);
    hosts.set(doc, host);
  }
  if (!host.element.isConnected) {
    host.reattached = 0;
    doc.documentElement.appendChild(host.element);
    host.watcher.observe(doc.documentElement, { childList: true });
  }
  return host.root;
}

/** The root when the host exists (tests look inside with this; pages cannot). */
export function existingTifaUiRoot(doc: Document): ShadowRoot | null {
  const host = hosts.get(doc);
  return host?.element.isConnected ? host.root : null;
}

/**
 * Mounts `parts` into the shared root (their rules are in its one stylesheet); returns the unmount function,
 * which also removes the host once nothing is left in it but the stylesheet.
 */
export function mountInTifaUi(doc: Document, ...parts: Node[]): () => void {
  const root = tifaUiRoot(doc);
  root.append(...parts);
  return () => {
    for (const p of parts) p.parentNode?.removeChild(p);
    const host = hosts.get(doc);
    if (host && host.root.childNodes.length <= 1) {
      host.watcher.disconnect();
      host.element.remove();
      hosts.delete(doc);
    }
  };
}

/** Whether a node is Tifa's host or inside it (its mutations are Tifa's own, not the page's). */
export function isTifaUiNode(doc: Document, node: Node): boolean {
  const host = hosts.get(doc);
  if (!host) return false;
  if (node === host.element || host.root.contains(node)) return true;
  return node.getRootNode?.() === host.root;
}
