import { browser } from 'wxt/browser';
import type { Clip } from '../clips/types';
import { CLIP_COLORS } from '../clips/types';
import type { ClipDraft } from '../clips/schema';
import type { ClipAnchorStatus, ClipOutcome } from '../messages/clips';
import { CLIP_KINDS, CLIP_PAGE_KINDS } from '../messages/clip-kinds';

/**
 * The content script's side of the clip messages, without zod (the content script's size budget is small).
 * Requests from extension pages are checked here by hand against the same shapes that lib/messages/clips.ts
 * declares with zod; tests/unit/clip-messages.test.ts keeps the two in agreement. Replies from the background
 * are checked for the fields the content script relies on.
 */

/** Broadcast by the content script after it (re-)placed its clips; the side panel re-reads the anchors. */
export const ANCHORS_CHANGED_KIND = 'clipping.anchorsChanged';

/** Tells open extension pages that this page's clip anchors changed (nobody listening is fine). */
export function announceAnchorsChanged(url: string): void {
  try {
    browser.runtime.sendMessage({ tifa: 1, kind: ANCHORS_CHANGED_KIND, payload: { url } }).catch(() => undefined);
  } catch {
    // The extension was reloaded under this page.
  }
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/** The background's answers the clipper needs; injectable so tests can route it anywhere. */
export interface BackgroundLink {
  save(draft: ClipDraft): Promise<{ clip: Clip; duplicate: boolean }>;
  listForPage(url: string): Promise<Clip[]>;
}

const SEND_ATTEMPTS = 3;
/** Errors meaning the background was not there yet (service worker starting): worth another try. */
const TRANSIENT = /Receiving end does not exist|Could not establish connection|message port closed|no receiver answered/i;

async function request(kind: string, payload: unknown): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      const raw = (await browser.runtime.sendMessage({ tifa: 1, kind, payload })) as Reply | undefined;
      if (raw === undefined) throw new Error(`${kind}: no receiver answered`);
      if (!raw || typeof raw !== 'object' || typeof raw.ok !== 'boolean') throw new Error(`${kind}: malformed reply`);
      if (!raw.ok) throw new Error(`${kind}: ${raw.error}`);
      return raw.value;
    } catch (err) {
      if (attempt >= SEND_ATTEMPTS || !TRANSIENT.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

/** The fields of a stored clip that the content script uses (id, colour, selectors). */
export function looksLikeClip(x: unknown): x is Clip {
  const c = x as Clip | null;
  return (
    !!c &&
    typeof c === 'object' &&
    typeof c.id === 'string' &&
    typeof c.text === 'string' &&
    (CLIP_COLORS as readonly string[]).includes(c.color) &&
    Array.isArray(c.selectors) &&
    typeof c.selectors[0]?.exact === 'string' &&
    typeof c.selectors[0]?.prefix === 'string' &&
    typeof c.selectors[0]?.suffix === 'string' &&
    Number.isInteger(c.selectors[1]?.start) &&
    Number.isInteger(c.selectors[1]?.end)
  );
}

export const runtimeLink: BackgroundLink = {
  async save(draft) {
    const value = (await request(CLIP_KINDS.save, { draft })) as { clip?: unknown; duplicate?: unknown } | null;
    if (!value || !looksLikeClip(value.clip) || typeof value.duplicate !== 'boolean') throw new Error(`${CLIP_KINDS.save}: bad reply`);
    return { clip: value.clip, duplicate: value.duplicate };
  },
  async listForPage(url) {
    const value = (await request(CLIP_KINDS.listForPage, { url })) as { clips?: unknown } | null;
    if (!value || !Array.isArray(value.clips)) throw new Error(`${CLIP_KINDS.listForPage}: bad reply`);
    return value.clips.filter(looksLikeClip);
  },
};

export interface ClipPageHandlers {
  clipSelection(): Promise<ClipOutcome>;
  clipSection(itemIndex: number): Promise<ClipOutcome>;
  getAnchors(): Promise<{ url: string; anchors: ClipAnchorStatus[] }>;
  refresh(): Promise<{ anchored: number; orphans: number }>;
  scrollTo(id: string): Promise<{ found: boolean }>;
}

type PageRequest =
  | { kind: typeof CLIP_PAGE_KINDS.clipSelection }
  | { kind: typeof CLIP_PAGE_KINDS.clipSection; itemIndex: number }
  | { kind: typeof CLIP_PAGE_KINDS.getAnchors }
  | { kind: typeof CLIP_PAGE_KINDS.refresh }
  | { kind: typeof CLIP_PAGE_KINDS.scrollTo; id: string };

const PAGE_KIND_SET = new Set<string>(Object.values(CLIP_PAGE_KINDS));
const MAX_ITEM_INDEX = 100_000;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/** A clip page request, an error string for a malformed one of ours, or null for someone else's message. */
export function parseClipPageRequest(raw: unknown): PageRequest | string | null {
  if (!isPlainObject(raw) || raw.tifa !== 1 || typeof raw.kind !== 'string' || !PAGE_KIND_SET.has(raw.kind)) return null;
  const kind = raw.kind;
  const payload = raw.payload;
  if (!isPlainObject(payload)) return `invalid ${kind}: payload must be an object`;
  switch (kind) {
    case CLIP_PAGE_KINDS.clipSection: {
      const i = payload.itemIndex;
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > MAX_ITEM_INDEX) {
        return `invalid ${kind}: itemIndex must be a non-negative integer`;
      }
      return { kind, itemIndex: i };
    }
    case CLIP_PAGE_KINDS.scrollTo: {
      const id = payload.id;
      if (typeof id !== 'string' || !id || id.length > 64) return `invalid ${kind}: id must be a string of 1–64 characters`;
      return { kind, id };
    }
    default:
      return { kind } as PageRequest;
  }
}

/** Answers a clip page request (or returns undefined when the message is not one of ours). */
export function handleClipPageMessage(
  raw: unknown,
  sender: { id?: string },
  extensionId: string,
  handlers: ClipPageHandlers,
): Promise<Reply> | undefined {
  const req = parseClipPageRequest(raw);
  if (req === null) return undefined;
  if (sender.id !== extensionId) return Promise.resolve({ ok: false, error: 'sender is not this extension' });
  if (typeof req === 'string') return Promise.resolve({ ok: false, error: req });
  const run = (): Promise<unknown> => {
    switch (req.kind) {
      case CLIP_PAGE_KINDS.clipSelection:
        return handlers.clipSelection();
      case CLIP_PAGE_KINDS.clipSection:
        return handlers.clipSection(req.itemIndex);
      case CLIP_PAGE_KINDS.getAnchors:
        return handlers.getAnchors();
      case CLIP_PAGE_KINDS.refresh:
        return handlers.refresh();
      case CLIP_PAGE_KINDS.scrollTo:
        return handlers.scrollTo(req.id);
    }
  };
  return run().then(
    (value): Reply => ({ ok: true, value }),
    (err: unknown): Reply => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
}
