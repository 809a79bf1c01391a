import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { envelope, unwrapReply, type MessageDef, type Router } from './protocol';

/** Sends a message to the background (or extension pages) and returns the validated response. */
export async function sendToBackground<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny>(
  def: MessageDef<Req, Res>,
  payload: z.input<Req>,
): Promise<z.output<Res>> {
  const raw = await browser.runtime.sendMessage(envelope(def, payload));
  return unwrapReply(def, raw);
}

/** Sends a message to a tab's content script and returns the validated response. */
export async function sendToTab<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny>(
  tabId: number,
  def: MessageDef<Req, Res>,
  payload: z.input<Req>,
): Promise<z.output<Res>> {
  const raw = await browser.tabs.sendMessage(tabId, envelope(def, payload));
  return unwrapReply(def, raw);
}

/** Connects a router to runtime.onMessage; returns a function that disconnects it. */
export function listen(router: Router): () => void {
  const listener = (raw: unknown, sender: { id?: string; url?: string; tab?: { id?: number; url?: string } }) =>
    router.dispatch(raw, sender);
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
