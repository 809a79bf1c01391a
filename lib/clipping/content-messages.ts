import type { Clip } from '../clips/types';
import { CLIP_COLORS } from '../clips/types';
import type { ClipPlacement, ClipSaveRequest } from '../messages/clips';
import { announce, isIndex, isObject, request } from '../messages/content-endpoint';

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
  save(request: ClipSaveRequest): Promise<{ clip: Clip; duplicate: boolean }>;
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
};
