import {
  envelopeSchema,
  isKind,
  PROTOCOL,
  summarizeZodError,
  type Kind,
  type Reply,
  type ReplyOf,
  type Sender,
  type ValidRequestOf,
} from './protocol';

/** The sender fields the router relies on (a subset of runtime.MessageSender, filled in by the browser). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; title?: string };
}

/** A content script's tab as the browser reports it: the only page a `tab` kind may concern. */
export interface SenderTab {
  id: number;
  /** The sender document's address (sender.url; the tab's URL when absent). Never taken from the payload. */
  url: string;
  /** The tab's title when the browser reports it (it needs host access to the tab). */
  title?: string;
}

export interface HandlerContext {
  sender: SenderInfo;
  /** Set for kinds a content script sends (`from: 'tab'`). */
  tab: SenderTab | null;
}

export type Handler<K extends Kind> = (
  payload: ValidRequestOf<K>,
  ctx: HandlerContext,
) => Promise<ReplyOf<K>> | ReplyOf<K>;

export interface Router {
  on<K extends Kind>(kind: K, handler: Handler<K>): Router;
  /** Returns undefined when the message is not one this router answers (so other listeners may answer it). */
  dispatch(raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined;
  kinds(): Kind[];
}

/**
 * Who sent a message, from the browser's MessageSender: an extension page (or the background) when its
 * document is on the extension's own origin; a content script when it comes from a tab and is not; otherwise
 * nobody we serve (another extension, a web page through externally_connectable, which Tifa does not declare).
 */
export function senderRole(sender: SenderInfo, extensionId: string, extensionOrigin: string): Sender | null {
  if (sender.id !== extensionId) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab?.id !== undefined) return 'tab';
  return null;
}

function senderTab(sender: SenderInfo): SenderTab | null {
  const url = sender.url ?? sender.tab?.url;
  const id = sender.tab?.id;
  if (id === undefined || !url || !/^(https?|file):/.test(url)) return null;
  return { id, url, ...(sender.tab?.title ? { title: sender.tab.title } : {}) };
}

const refuse = (error: string): Promise<Reply<unknown>> => Promise.resolve({ ok: false, error });

/**
 * The receiving end of the protocol map (lib/messages/protocol.ts): each request is checked — sender allowed
 * for its kind, payload valid for its schema — before its handler runs, so a malformed, foreign or
 * over-privileged message gets an error reply and never reaches a handler.
 *
 * @param extensionOrigin this extension's origin with a trailing slash (browser.runtime.getURL('')).
 */
export function createRouter(extensionId: string, extensionOrigin = `chrome-extension://${extensionId}/`): Router {
  const routes = new Map<Kind, Handler<Kind>>();
  const router: Router = {
    on(kind, handler) {
      if (routes.has(kind)) throw new Error(`message kind "${kind}" registered twice`);
      routes.set(kind, handler as unknown as Handler<Kind>);
      return router;
    },
    kinds: () => [...routes.keys()],
    dispatch(raw, sender) {
      const env = envelopeSchema.safeParse(raw);
      if (!env.success || !isKind(env.data.kind)) return undefined;
      const kind = env.data.kind;
      const handler = routes.get(kind);
      if (!handler) return undefined;
      const role = senderRole(sender, extensionId, extensionOrigin);
      if (role === null) return refuse('sender is not this extension');
      const def = PROTOCOL[kind];
      if (role !== def.from)
        return refuse(`${kind} is not served to ${role === 'tab' ? 'a content script' : 'an extension page'}`);
      const tab = role === 'tab' ? senderTab(sender) : null;
      if (role === 'tab' && !tab) return refuse(`${kind}: the sender's page has no web address`);
      const payload = def.request.safeParse(env.data.payload);
      if (!payload.success) return refuse(`invalid ${kind}: ${summarizeZodError(payload.error)}`);
      return (async (): Promise<Reply<unknown>> => {
        try {
          return { ok: true, value: await handler(payload.data as never, { sender, tab }) };
        } catch (err) {
          return { ok: false, error: err instanceof Error ? err.message : String(err) };
        }
      })();
    },
  };
  return router;
}
