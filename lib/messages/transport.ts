import { browser } from 'wxt/browser';
import { envelope, unwrapReply, type Kind, type KindTo, type ReplyOf, type RequestOf } from './protocol';
import type { Router, SenderInfo } from './router';

/**
 * Sending for extension pages and the background (which may carry zod): typed by the protocol map, replies
 * validated against its schemas. The content script sends with lib/messages/content-endpoint.ts instead.
 */

/** Sends a message to the background and returns the validated reply. */
export async function sendToBackground<K extends KindTo<'background'>>(
  kind: K,
  payload: RequestOf<K>,
): Promise<ReplyOf<K>> {
  return unwrapReply(kind, await browser.runtime.sendMessage(envelope(kind, payload)));
}

/** Sends a message to a tab's content script and returns the validated reply. */
export async function sendToTab<K extends KindTo<'tab'>>(
  tabId: number,
  kind: K,
  payload: RequestOf<K>,
): Promise<ReplyOf<K>> {
  return unwrapReply(kind, await browser.tabs.sendMessage(tabId, envelope(kind, payload)));
}

/** Connects a router to runtime.onMessage; returns a function that disconnects it. */
export function listen(router: Router): () => void {
  const listener = (raw: unknown, sender: SenderInfo) => router.dispatch(raw, sender);
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

export type { Kind };
