import { z } from 'zod';
import { MAX_TITLE_CHARS } from '../clips/limits';
import { clipColorSchema, clipPatchSchema, clipSchema, tagsSchema } from '../clips/schema';

/**
 * Schemas of the clip messages' requests and replies. Which kind carries which, who may send it and who answers
 * it is declared in one place: the protocol map, lib/messages/protocol.ts. The background owns the clip database
 * (lib/store/); extension pages read it directly (Dexie liveQuery, lib/store/queries.ts) and write through these
 * messages so that validation and dedupe happen once.
 */

const idSchema = z.string().min(1).max(64);
const idsSchema = z.array(idSchema).min(1).max(100_000);

export const MAX_PAGE_SIZE = 100_000;

export type ClipOrder = 'created-desc' | 'created-asc' | 'updated-desc';

/** A store query (lib/store/clip-store.ts): every field optional, ANDed. */
export interface ClipFilter {
  url?: string;
  site?: string;
  tag?: string;
  color?: z.infer<typeof clipColorSchema>;
  /** `${category}:${key}`, as in Clip.mentionKeys. */
  mentionKey?: string;
  /** Created at or after / before (epoch ms). */
  from?: number;
  to?: number;
}

/** Longest page text clips.save and clips.place accept (the same bound as reading.analyze's). */
export const MAX_ANCHOR_TEXT_CHARS = 3_000_000;

/**
 * Which of the page's texts a request is about: the text id the background returned for the reading
 * controller's analysis (the text does not travel again), or the text itself — a text outside the analysed
 * main content, or one the background lost (a restarted service worker answers `unknown text id`).
 */
const pageTextSchema = {
  textId: z.string().min(1).max(64).optional(),
  text: z.string().max(MAX_ANCHOR_TEXT_CHARS).optional(),
};
const oneText = (r: { textId?: string; text?: string }) => (r.textId === undefined) !== (r.text === undefined);
const ONE_TEXT = { message: 'give exactly one of textId and text' };

export const clipSaveRequestSchema = z
  .object({
    ...pageTextSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** With `text`: true when it is the text the reading controller analysed (the clip gets outline and mentions). */
    analyzed: z.boolean().optional(),
    /**
     * The address the page had when its text was extracted (location.href then). The background files the clip
     * under the address the browser reports for the sender, and refuses the save when the two differ: a page
     * that rewrote its address (history.pushState) since cannot file a passage under another page's name.
     */
    url: z.string().max(8192),
    /** document.title when the text was extracted; used when the browser does not report the tab's title. */
    title: z.string().max(MAX_TITLE_CHARS),
  })
  .refine(oneText, ONE_TEXT)
  .refine((r) => r.start <= r.end, { message: 'start must not be after end' });
export type ClipSaveRequest = z.input<typeof clipSaveRequestSchema>;

/** `citation`: the clip's citation line in the reader's language (lib/citation), for "copy with citation". */
export const clipSaveReplySchema = z.object({
  clip: clipSchema,
  duplicate: z.boolean(),
  citation: z.string().max(2000).optional(),
});

export const clipPlacementSchema = z.object({
  id: idSchema,
  color: clipColorSchema,
  status: z.enum(['anchored', 'orphan']),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type ClipPlacement = z.infer<typeof clipPlacementSchema>;

export const clipPlaceRequestSchema = z
  .object({ ...pageTextSchema, ids: z.array(idSchema).max(MAX_PAGE_SIZE).optional() })
  .refine(oneText, ONE_TEXT);

/**
 * `superseded`: a newer clips.place from the same tab arrived before this one ran; its answer is the newer
 * one's to give (coalesced, latest wins).
 */
export const clipPlaceReplySchema = z.object({
  placements: z.array(clipPlacementSchema),
  superseded: z.boolean().optional(),
});

export const clipUpdateRequestSchema = z.object({ id: idSchema, patch: clipPatchSchema });
export const clipUpdateManyRequestSchema = z.object({
  ids: idsSchema,
  addTags: tagsSchema.optional(),
  removeTags: tagsSchema.optional(),
  color: clipColorSchema.optional(),
});
export const idsRequestSchema = z.object({ ids: idsSchema });

/** A part of a large import (see lib/store/import-staging.ts); without it the clips are written at once. */
export const importPartSchema = z.object({
  batch: z.string().min(8).max(64),
  part: z.number().int().nonnegative(),
  last: z.boolean(),
});

export const clipOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), clip: clipSchema }),
  z.object({ status: z.literal('duplicate'), clip: clipSchema }),
  /** Nothing selected (or only whitespace). */
  z.object({ status: z.literal('empty') }),
  z.object({ status: z.literal('error'), error: z.string() }),
]);
export type ClipOutcome = z.infer<typeof clipOutcomeSchema>;

export const clipAnchorSchema = z.object({
  id: idSchema,
  status: z.enum(['anchored', 'orphan']),
  start: z.number().optional(),
  end: z.number().optional(),
});
export type ClipAnchorStatus = z.infer<typeof clipAnchorSchema>;

export { clipSchema, idSchema };
