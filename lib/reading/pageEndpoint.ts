import type { PageState } from '../messages/page';

/**
 * The content script's side of the reading messages (declared with zod in lib/messages/page.ts). The content
 * script does not bundle zod — it would take most of its 60 KB budget — so requests are checked here by hand
 * against the same shapes; tests/unit/reading-messages.test.ts runs both validators over the same inputs.
 * Wire format as in lib/messages/protocol.ts: `{ tifa: 1, kind, payload }` → `{ ok, value | error }`.
 */
export interface PageHandlers {
  getPageState(): PageState;
  scrollToItem(index: number): { found: boolean };
  analyzeNow(force: boolean): PageState | Promise<PageState>;
}

export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

const MAX_OUTLINE_INDEX = 100_000;

type Parsed =
  | { kind: 'readingGetPageState' }
  | { kind: 'readingScrollToItem'; index: number }
  | { kind: 'readingAnalyzeNow'; force: boolean };

export const PAGE_KINDS = ['readingGetPageState', 'readingScrollToItem', 'readingAnalyzeNow'] as const;

/**
 * Checks one request. Returns null when the message is not a reading request at all (another listener may own
 * it), a string when it is one of ours but malformed, else the parsed request.
 */
export function parsePageRequest(raw: unknown): Parsed | string | null {
  if (!isObject(raw) || raw.tifa !== 1 || typeof raw.kind !== 'string') return null;
  const payload = raw.payload;
  switch (raw.kind) {
    case 'readingGetPageState':
      return isObject(payload) ? { kind: raw.kind } : `invalid ${raw.kind}: payload must be an object`;
    case 'readingScrollToItem': {
      if (!isObject(payload)) return `invalid ${raw.kind}: payload must be an object`;
      const index = payload.index;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > MAX_OUTLINE_INDEX) {
        return `invalid ${raw.kind}: index must be an integer in 0..${MAX_OUTLINE_INDEX}`;
      }
      return { kind: raw.kind, index };
    }
    case 'readingAnalyzeNow': {
      if (!isObject(payload)) return `invalid ${raw.kind}: payload must be an object`;
      if (payload.force !== undefined && typeof payload.force !== 'boolean') {
        return `invalid ${raw.kind}: force must be a boolean`;
      }
      return { kind: raw.kind, force: payload.force === true };
    }
    default:
      return null;
  }
}

/** Answers a raw runtime message, or returns undefined when it is not ours (so other listeners may answer). */
export function handlePageMessage(
  raw: unknown,
  sender: { id?: string },
  extensionId: string,
  handlers: PageHandlers,
): Promise<Reply> | undefined {
  const parsed = parsePageRequest(raw);
  if (parsed === null) return undefined;
  if (sender.id !== extensionId) return Promise.resolve({ ok: false, error: 'sender is not this extension' });
  if (typeof parsed === 'string') return Promise.resolve({ ok: false, error: parsed });
  return (async (): Promise<Reply> => {
    try {
      switch (parsed.kind) {
        case 'readingGetPageState':
          return { ok: true, value: handlers.getPageState() };
        case 'readingScrollToItem':
          return { ok: true, value: handlers.scrollToItem(parsed.index) };
        case 'readingAnalyzeNow':
          return { ok: true, value: await handlers.analyzeNow(parsed.force) };
      }
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  })();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
