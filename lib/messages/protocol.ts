import { z } from 'zod';

/**
 * Typed, validated messages between the extension's parts. Each message kind is declared once with zod
 * schemas for its request and response; the receiving side validates the request's shape (and the sender)
 * before any handler runs, so a malformed or foreign message gets an error reply and never reaches a handler.
 *
 * Wire format: `{ tifa: 1, kind, payload }` → `{ ok: true, value } | { ok: false, error }`.
 */

export interface MessageDef<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny> {
  kind: string;
  request: Req;
  response: Res;
}

export function defineMessage<Req extends z.ZodTypeAny, Res extends z.ZodTypeAny>(
  kind: string,
  request: Req,
  response: Res,
): MessageDef<Req, Res> {
  return { kind, request, response };
}

export const envelopeSchema = z.object({ tifa: z.literal(1), kind: z.string().max(64), payload: z.unknown() });
export type Envelope = z.infer<typeof envelopeSchema>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export function envelope<Req extends z.ZodTypeAny>(def: MessageDef<Req, z.ZodTypeAny>, payload: z.input<Req>): Envelope {
  return { tifa: 1, kind: def.kind, payload };
}

/** Error thrown on the sending side when the receiver answered with an error. */
export class MessageError extends Error {
  constructor(kind: string, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'MessageError';
  }
}

/** Unwraps a reply received for `def`, validating the response shape too (the other side may be stale). */
export function unwrapReply<Res extends z.ZodTypeAny>(def: MessageDef<z.ZodTypeAny, Res>, raw: unknown): z.output<Res> {
  if (raw === undefined) throw new MessageError(def.kind, 'no receiver answered');
  const reply = raw as Reply<unknown>;
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
    throw new MessageError(def.kind, 'malformed reply');
  }
  if (!reply.ok) throw new MessageError(def.kind, reply.error);
  const parsed = def.response.safeParse(reply.value);
  if (!parsed.success) throw new MessageError(def.kind, `bad reply: ${parsed.error.message}`);
  return parsed.data;
}

/** Minimal sender info the router checks (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface HandlerContext {
  sender: SenderInfo;
}

type AnyDef = MessageDef<z.ZodTypeAny, z.ZodTypeAny>;
export type Handler<D extends AnyDef> = (payload: z.output<D['request']>, ctx: HandlerContext) => Promise<z.input<D['response']>> | z.input<D['response']>;

export interface Router {
  on<D extends AnyDef>(def: D, handler: Handler<D>): Router;
  /** Returns undefined when the message is not one of ours (so other listeners may answer it). */
  dispatch(raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined;
  kinds(): string[];
}

/**
 * @param extensionId messages whose sender.id differs are refused (only this extension's pages and
 *   content scripts may talk to us).
 */
export function createRouter(extensionId: string): Router {
  const routes = new Map<string, { def: AnyDef; handler: Handler<AnyDef> }>();
  const router: Router = {
    on(def, handler) {
      if (routes.has(def.kind)) throw new Error(`message kind "${def.kind}" registered twice`);
      routes.set(def.kind, { def, handler: handler as Handler<AnyDef> });
      return router;
    },
    kinds: () => [...routes.keys()],
    dispatch(raw, sender) {
      const env = envelopeSchema.safeParse(raw);
      if (!env.success) return undefined;
      const route = routes.get(env.data.kind);
      if (!route) return undefined;
      if (sender.id !== extensionId) {
        return Promise.resolve({ ok: false, error: 'sender is not this extension' });
      }
      const payload = route.def.request.safeParse(env.data.payload);
      if (!payload.success) {
        return Promise.resolve({ ok: false, error: `invalid ${env.data.kind}: ${summarizeZodError(payload.error)}` });
      }
      return (async (): Promise<Reply<unknown>> => {
        try {
          const value = await route.handler(payload.data, { sender });
          return { ok: true, value };
        } catch (err) {
          return { ok: false, error: err instanceof Error ? err.message : String(err) };
        }
      })();
    },
  };
  return router;
}

export function summarizeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
