import { browser } from 'wxt/browser';

/**
 * The content script's side of the typed messages (lib/messages/protocol.ts), shared by reading and clipping.
 * The content script does not bundle zod (it would take most of its 60 KB budget), so each area checks its
 * requests' payloads by hand against the zod declarations (their unit tests run both over the same inputs) and
 * checks the background's replies for the fields it relies on.
 * Wire format as in protocol.ts: `{ tifa: 1, kind, payload }` → `{ ok, value | error }`.
 */
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export type Payload = Record<string, unknown>;

/** Checks one kind's payload (already known to be an object): why it is malformed, or null when it is fine. */
export type PayloadCheck = (payload: Payload) => string | null;

export interface PageRequest {
  kind: string;
  payload: Payload;
}

export function isObject(v: unknown): v is Payload {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True for an integer in 0..max. */
export function isIndex(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
}

/**
 * Checks one request against the kinds an area answers. Returns null when the message is not one of those kinds
 * (another listener may own it), a string when it is one of ours but malformed, else the request.
 */
export function parseRequest(raw: unknown, checks: Record<string, PayloadCheck>): PageRequest | string | null {
  if (!isObject(raw) || raw.tifa !== 1 || typeof raw.kind !== 'string' || !Object.hasOwn(checks, raw.kind)) return null;
  const { kind, payload } = raw;
  if (!isObject(payload)) return `invalid ${kind}: payload must be an object`;
  const error = checks[kind](payload);
  return error ? `invalid ${kind}: ${error}` : { kind, payload };
}

/**
 * Answers a raw runtime message with the handler for its kind, or returns undefined when it is not one of the
 * kinds in `checks` (so other listeners may answer). Other senders and malformed requests get an error reply
 * before any handler runs; a handler's error becomes an error reply too.
 */
export function answerRequest(
  raw: unknown,
  sender: { id?: string },
  extensionId: string,
  checks: Record<string, PayloadCheck>,
  handlers: Record<string, (payload: Payload) => unknown>,
): Promise<Reply> | undefined {
  const req = parseRequest(raw, checks);
  if (req === null) return undefined;
  if (sender.id !== extensionId) return Promise.resolve({ ok: false, error: 'sender is not this extension' });
  if (typeof req === 'string') return Promise.resolve({ ok: false, error: req });
  return (async () => handlers[req.kind](req.payload))().then(
    (value): Reply => ({ ok: true, value }),
    (err: unknown): Reply => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
}

/** Answers the given kinds from extension pages and the background until the returned function is called. */
export function listenOnPage(checks: Record<string, PayloadCheck>, handlers: Record<string, (payload: Payload) => unknown>): () => void {
  const extensionId = browser.runtime.id;
  const listener = (raw: unknown, sender: { id?: string }) => answerRequest(raw, sender, extensionId, checks, handlers);
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

const SEND_ATTEMPTS = 3;
/** Errors meaning the background was not there yet (service worker starting): worth another try. */
const TRANSIENT = /Receiving end does not exist|Could not establish connection|message port closed|no receiver answered/i;

/** Sends a request to the background and returns its reply's value; an error reply rejects with its message. */
export async function request(kind: string, payload: unknown): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      const raw = (await browser.runtime.sendMessage({ tifa: 1, kind, payload })) as Reply | undefined;
      if (raw === undefined) throw new Error(`${kind}: no receiver answered`);
      if (!isObject(raw) || typeof raw.ok !== 'boolean') throw new Error(`${kind}: malformed reply`);
      if (!raw.ok) throw new Error(`${kind}: ${raw.error}`);
      return raw.value;
    } catch (err) {
      if (attempt >= SEND_ATTEMPTS || !TRANSIENT.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

/** Tells open extension pages about a change; nobody listening (or an extension reloaded under the page) is fine. */
export function announce(kind: string, payload: unknown): void {
  try {
    browser.runtime.sendMessage({ tifa: 1, kind, payload }).catch(() => undefined);
  } catch {
    // The extension was reloaded under this page.
  }
}
