import type { Clip } from '../clips/types';
import { CLIP_COLORS } from '../clips/types';
import type { ClipPlacement, ClipSaveRequest } from '../messages/clips';
import type { RequestOf } from '../messages/protocol';
import { MAX_TITLE_CHARS } from '../clips/limits';
import { announce, isIndex, isObject, request } from '../messages/content-endpoint';
import { UNKNOWN_TEXT_ID } from '../reading/text-registry';
import type { PageText } from './page-text';

/**
 * The clipper's link to the background, typed by the protocol map (lib/messages/protocol.ts) without zod.
 * The background is trusted; placements are still bounded by the text they were made for before they become
 * DOM ranges.
 */

/** Tells open extension pages that this page's clip anchors changed (nobody listening is fine). */
export function announceAnchorsChanged(url: string): void {
  announce('clipping.anchorsChanged', { url });
}

/** Which of the page's texts a placement request is about (see clips.place in the protocol map). */
export type PlaceRequest = { textId: string; ids?: string[] } | { text: string; ids?: string[] };

/** The background's answers the clipper needs; injectable so tests can route it anywhere. */
export interface BackgroundLink {
  /** Saves a span of one of the page's texts; the background builds the clip (clips.save). */
  save(request: ClipSaveRequest): Promise<{ clip: Clip; duplicate: boolean; citation?: string }>;
  /** The note and tags typed right after Clip (clips.annotate). */
  annotate(request: RequestOf<'clips.annotate'>): Promise<{ clip: Clip }>;
  /** "Add as a term" (rules.addTerm). */
  addTerm(request: RequestOf<'rules.addTerm'>): Promise<unknown>;
  /** How many clips this page has: when none, its text need not travel to the background at all. */
  count(): Promise<number>;
  /** This page's clips (or those of `ids`) placed in a text; `superseded` when a newer request answers instead. */
  place(request: PlaceRequest): Promise<{ placements: ClipPlacement[]; superseded?: boolean }>;
}

/** A placement the highlighter may trust: known colour, and offsets inside the text it was made for. */
export function looksLikePlacement(x: unknown, textLength: number): x is ClipPlacement {
  if (!isObject(x) || typeof x.id !== 'string' || !(CLIP_COLORS as readonly unknown[]).includes(x.color)) return false;
  if (x.status === 'orphan') return true;
  return x.status === 'anchored' && isIndex(x.start, textLength) && isIndex(x.end, textLength) && x.start <= x.end;
}

export const runtimeLink: BackgroundLink = {
  save: (req) => request('clips.save', req),
  count: async () => (await request('clips.count', {})).count,
  place: (req) => request('clips.place', req),
  annotate: (req) => request('clips.annotate', req),
  addTerm: (req) => request('rules.addTerm', req),
};

/** Runs `byId` when the text has an id the background still knows; otherwise (or when it lost it) `byText`. */
async function byTextId<T>(
  textId: string | undefined,
  byId: (id: string) => Promise<T>,
  byText: () => Promise<T>,
): Promise<T> {
  if (textId) {
    try {
      return await byId(textId);
    } catch (err) {
      if (!String(err).includes(UNKNOWN_TEXT_ID)) throw err;
    }
  }
  return byText();
}

/** clips.save of text[start, end) of one of the page's texts: by text id, or with the text itself. */
export function saveSpan(link: BackgroundLink, page: PageText, start: number, end: number) {
  const where = { start, end, url: page.url, title: page.title.slice(0, MAX_TITLE_CHARS) };
  return byTextId(
    page.textId,
    (textId) => link.save({ ...where, textId }),
    () => link.save({ ...where, text: page.extracted.text, analyzed: page.analysis !== null }),
  );
}

/** clips.place of this page's clips (or those of `ids`) in one of its texts: by text id, or with the text. */
export function placeIn(link: BackgroundLink, page: PageText, ids: string[] | undefined) {
  const only = ids ? { ids } : {};
  return byTextId(
    page.textId,
    (textId) => link.place({ textId, ...only }),
    () => link.place({ text: page.extracted.text, ...only }),
  );
}
