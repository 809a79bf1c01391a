import { browser } from 'wxt/browser';
import type { KindTo, ReplyOf, RequestOf, ValidRequestOf } from './protocol';

/**
 * The content script's side of the protocol map (lib/messages/protocol.ts). It imports the map's TYPES only:
 * zod would take most of the content script's 60 KB budget (tests/unit/content-bundle.test.ts). What it
 * receives comes from the extension itself (tabs.sendMessage needs an extension context; the sender id is
 * checked) and gets one shared structural check; what the background answers is trusted, and offsets from it
 * are still bounded by their users before they touch the DOM (reading/wire.ts, clipping/content-messages.ts).
 * Wire format: `{ tifa: 1, kind, payload }` → `{ ok, value | error }`.
 */
export type WireReply = { ok: true; value: unknown } | { ok: false; error: string };

type TabKind = KindTo<'tab'>;

/** The kinds this content script answers, each with its handler. */
export type PageHandlers = { [K in TabKind]?: (payload: ValidRequestOf<K>) => ReplyOf<K> | Promise<ReplyOf<K>> };

type Payload = Record<string, unknown>;

export function isObject(v: unknown): v is Payload {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True for an integer in 0..max. */
export function isIndex(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
}

const MAX_FIELD_CHARS = 64;
const MAX_FIELD_INDEX = 100_000;

/**
 * The one structural check of a request to a content script: a flat object of booleans, short strings (ids)
 * and small non-negative integers (indexes) — every tab kind's request in the protocol map has this shape.
 */
export function isFlatPayload(payload: unknown): payload is Payload {
  if (!isObject(payload)) return false;
  return Object.values(payload).every(
    (v) =>
      typeof v === 'boolean' ||
      (typeof v === 'string' && v.length > 0 && v.length <= MAX_FIELD_CHARS) ||
      isIndex(v, MAX_FIELD_INDEX),
  );
}

/**
 * Answers a raw runtime message with the handler for its kind, or returns undefined when it is not one of the
 * kinds in `handlers` (so other listeners may answer). Other senders and malformed requests get an error reply
 * before any handler runs; a handler's error becomes an error reply too.
 */
export function answerRequest(
  raw: unknown,
  sender: { id?: string },
  extensionId: string,
  handlers: PageHandlers,
): Promise<WireReply> | undefined {
  if (!isObject(raw) || raw.tifa !== 1 || typeof raw.kind !== 'string' || !Object.hasOwn(handlers, raw.kind))
    return undefined;
  const kind = raw.kind as TabKind;
  if (sender.id !== extensionId) return Promise.resolve({ ok: false, error: 'sender is not this extension' });
  if (!isFlatPayload(raw.payload)) return Promise.resolve({ ok: false, error: `invalid ${kind}: malformed payload` });
  const handler = handlers[kind] as (payload: Payload) => unknown;
  return (async () => handler(raw.payload as Payload))().then(
    (value): WireReply => ({ ok: true, value }),
    (err: unknown): WireReply => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
}

/**
 * Answers the given kinds from extension pages and the background until the signal aborts. The content script
 * uses the browser's own `browser`/`chrome` object, not webextension-polyfill (wxt.config.ts keeps the polyfill
 * out of this bundle), so the reply goes through `sendResponse` + `return true`: the Chromium versions Tifa
 * supports (116+) ignore a promise returned by a native listener, while every browser honours this form.
 */
export function listenOnPage(handlers: PageHandlers, signal: AbortSignal): void {
  const extensionId = browser.runtime.id;
  const listener = (raw: unknown, sender: { id?: string }, sendResponse: (reply: WireReply) => void) => {
    const reply = answerRequest(raw, sender, extensionId, handlers);
    if (!reply) return false;
    reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener as never), { once: true });
}

const SEND_ATTEMPTS = 3;
/** Errors meaning the background was not there yet (service worker starting): worth another try. */
const TRANSIENT =
  /Receiving end does not exist|Could not establish connection|message port closed|no receiver answered/i;

/** Sends a request to the background and returns its reply's value; an error reply rejects with its message. */
export async function request<K extends KindTo<'background'>>(kind: K, payload: RequestOf<K>): Promise<ReplyOf<K>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const raw = (await browser.runtime.sendMessage({ tifa: 1, kind, payload })) as WireReply | undefined;
      if (raw === undefined) throw new Error(`${kind}: no receiver answered`);
      if (!isObject(raw) || typeof raw.ok !== 'boolean') throw new Error(`${kind}: malformed reply`);
      if (!raw.ok) throw new Error(`${kind}: ${raw.error}`);
      return raw.value as ReplyOf<K>;
    } catch (err) {
      if (attempt >= SEND_ATTEMPTS || !TRANSIENT.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

/** Tells open extension pages about a change; nobody listening (or an extension reloaded under the page) is fine. */
export function announce<K extends KindTo<'pages'>>(kind: K, payload: RequestOf<K>): void {
  try {
    browser.runtime.sendMessage({ tifa: 1, kind, payload }).catch(() => undefined);
  } catch {
    // The extension was reloaded under this page.
  }
}
