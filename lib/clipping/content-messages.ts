import type { Clip } from '../clips/types';
import { CLIP_COLORS } from '../clips/types';
import type { ClipAnchorStatus, ClipOutcome, ClipPlacement, ClipSpanRequest } from '../messages/clips';
import { CLIP_KINDS, CLIP_PAGE_KINDS } from '../messages/clip-kinds';
import {
  announce,
  answerRequest,
  isIndex,
  isObject,
  parseRequest,
  request,
  type PageRequest,
  type PayloadCheck,
  type Reply,
} from '../messages/content-endpoint';

/**
 * The content script's side of the clip messages, without zod (lib/messages/content-endpoint.ts). Requests from
 * extension pages are checked here by hand against the same shapes that lib/messages/clips.ts declares with zod;
 * tests/unit/clip-messages.test.ts keeps the two in agreement. Replies from the background are checked for the
 * fields the content script relies on.
 */

/** Broadcast by the content script after it (re-)placed its clips; the side panel re-reads the anchors. */
export const ANCHORS_CHANGED_KIND = 'clipping.anchorsChanged';

/** Tells open extension pages that this page's clip anchors changed (nobody listening is fine). */
export function announceAnchorsChanged(url: string): void {
  announce(ANCHORS_CHANGED_KIND, { url });
}

/** The background's answers the clipper needs; injectable so tests can route it anywhere. */
export interface BackgroundLink {
  /** Saves a span of the page's text; the background builds the clip (saveClipSpan). */
  saveSpan(span: ClipSpanRequest): Promise<{ clip: Clip; duplicate: boolean }>;
  /** How many clips the page has: when none, its text need not travel to the background at all. */
  countForPage(url: string): Promise<number>;
  /** The page's clips (or those of `ids`) placed in `text` by the background. */
  anchorForPage(url: string, text: string, ids?: string[]): Promise<ClipPlacement[]>;
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
    (c.selectors[1] === undefined || (Number.isInteger(c.selectors[1].start) && Number.isInteger(c.selectors[1].end)))
  );
}

/** A placement the highlighter may trust: known colour, and offsets inside the text that was sent. */
export function looksLikePlacement(x: unknown, textLength: number): x is ClipPlacement {
  if (!isObject(x) || typeof x.id !== 'string' || !(CLIP_COLORS as readonly unknown[]).includes(x.color)) return false;
  if (x.status === 'orphan') return true;
  return x.status === 'anchored' && isIndex(x.start, textLength) && isIndex(x.end, textLength) && x.start <= x.end;
}

export const runtimeLink: BackgroundLink = {
  async saveSpan(span) {
    const value = (await request(CLIP_KINDS.saveSpan, span)) as { clip?: unknown; duplicate?: unknown } | null;
    if (!value || !looksLikeClip(value.clip) || typeof value.duplicate !== 'boolean') throw new Error(`${CLIP_KINDS.saveSpan}: bad reply`);
    return { clip: value.clip, duplicate: value.duplicate };
  },
  async countForPage(url) {
    const value = (await request(CLIP_KINDS.countForPage, { url })) as { count?: unknown } | null;
    if (!value || !Number.isInteger(value.count) || (value.count as number) < 0) throw new Error(`${CLIP_KINDS.countForPage}: bad reply`);
    return value.count as number;
  },
  async anchorForPage(url, text, ids) {
    const value = (await request(CLIP_KINDS.anchorForPage, ids ? { url, text, ids } : { url, text })) as { placements?: unknown } | null;
    if (!value || !Array.isArray(value.placements)) throw new Error(`${CLIP_KINDS.anchorForPage}: bad reply`);
    return value.placements.filter((p) => looksLikePlacement(p, text.length));
  },
};

export interface ClipPageHandlers {
  clipSelection(): Promise<ClipOutcome>;
  clipSection(itemIndex: number): Promise<ClipOutcome>;
  getAnchors(): Promise<{ url: string; anchors: ClipAnchorStatus[] }>;
  refresh(): Promise<{ anchored: number; orphans: number }>;
  scrollTo(id: string): Promise<{ found: boolean }>;
}

const MAX_ITEM_INDEX = 100_000;

export const CLIP_PAGE_CHECKS: Record<string, PayloadCheck> = {
  [CLIP_PAGE_KINDS.clipSelection]: () => null,
  [CLIP_PAGE_KINDS.clipSection]: (p) => (isIndex(p.itemIndex, MAX_ITEM_INDEX) ? null : 'itemIndex must be a non-negative integer'),
  [CLIP_PAGE_KINDS.getAnchors]: () => null,
  [CLIP_PAGE_KINDS.refresh]: () => null,
  [CLIP_PAGE_KINDS.scrollTo]: (p) =>
    typeof p.id === 'string' && p.id && p.id.length <= 64 ? null : 'id must be a string of 1–64 characters',
};

/** A clip page request, an error string for a malformed one of ours, or null for someone else's message. */
export function parseClipPageRequest(raw: unknown): PageRequest | string | null {
  return parseRequest(raw, CLIP_PAGE_CHECKS);
}

/** The handlers by message kind, for the shared endpoint. */
export function clipPageRoutes(handlers: ClipPageHandlers) {
  return {
    [CLIP_PAGE_KINDS.clipSelection]: () => handlers.clipSelection(),
    [CLIP_PAGE_KINDS.clipSection]: (p: { itemIndex?: unknown }) => handlers.clipSection(p.itemIndex as number),
    [CLIP_PAGE_KINDS.getAnchors]: () => handlers.getAnchors(),
    [CLIP_PAGE_KINDS.refresh]: () => handlers.refresh(),
    [CLIP_PAGE_KINDS.scrollTo]: (p: { id?: unknown }) => handlers.scrollTo(p.id as string),
  };
}

/** Answers a clip page request (or returns undefined when the message is not one of ours). */
export function handleClipPageMessage(
  raw: unknown,
  sender: { id?: string },
  extensionId: string,
  handlers: ClipPageHandlers,
): Promise<Reply> | undefined {
  return answerRequest(raw, sender, extensionId, CLIP_PAGE_CHECKS, clipPageRoutes(handlers));
}
