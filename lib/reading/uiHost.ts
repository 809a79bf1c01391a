/**
 * The one element Tifa adds to a page: `<tifa-ui>`, appended to <html> (outside <body>, so the body's text and
 * layout are untouched), with an open shadow root that every in-page UI of Tifa mounts into — the reading
 * tooltip, and the clipping button when it uses this (see mountInTifaUi). An open root keeps the UI reachable for
 * assistive technology and tests; the shadow boundary keeps the page's CSS out and ours in.
 */
export const UI_HOST_TAG = 'tifa-ui';

const hosts = new WeakMap<Document, HTMLElement>();

/** The shadow root of the page's Tifa host, created (or re-created, if the page removed it) on first use. */
export function tifaUiRoot(doc: Document): ShadowRoot {
  let host = hosts.get(doc);
  if (!host?.isConnected || !host.shadowRoot) {
    host?.remove();
    host = doc.createElement(UI_HOST_TAG);
    const root = host.attachShadow({ mode: 'open' });
    // The page's styles must not reach in through inheritance either.
    const base = doc.createElement('style');
    base.textContent = ':host { all: initial; }';
    root.append(base);
    doc.documentElement.appendChild(host);
    hosts.set(doc, host);
  }
  return host.shadowRoot!;
}

/**
 * Mounts `part` (with its own <style>, if any) into the shared root; returns the unmount function, which also
 * removes the host once nothing is left in it.
 */
export function mountInTifaUi(doc: Document, ...parts: Node[]): () => void {
  const root = tifaUiRoot(doc);
  root.append(...parts);
  return () => {
    for (const p of parts) p.parentNode?.removeChild(p);
    const host = hosts.get(doc);
    if (host?.shadowRoot && host.shadowRoot.childNodes.length <= 1) {
      host.remove();
      hosts.delete(doc);
    }
  };
}

/** Whether a node is Tifa's host or inside it (its mutations are Tifa's own, not the page's). */
export function isTifaUiNode(doc: Document, node: Node): boolean {
  const host = hosts.get(doc);
  return !!host && (node === host || host.contains(node));
}
