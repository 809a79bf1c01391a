import { z } from 'zod';
import { defineMessage } from './protocol';
import { CLIP_KINDS, CLIP_PAGE_KINDS } from './clip-kinds';
import { MAX_TITLE_CHARS } from '../clips/limits';
import {
  clipColorSchema,
  clipDraftSchema,
  clipPatchSchema,
  clipSchema,
  httpUrlSchema,
  tagSchema,
  tagsSchema,
} from '../clips/schema';

/**
 * Clip messages. The background owns the clip database (lib/store/); everything else talks to it with these
 * messages. Every request is validated by the receiving router (shape, sizes, sender is this extension) before
 * a handler runs; a bad one gets an error reply and never causes a write.
 *
 * To the BACKGROUND — `sendToBackground(def, payload)` from content scripts, popup and side panel:
 *   saveClip          {draft}                         → {clip, duplicate}   same passage on same page → existing clip, duplicate: true
 *   saveClipSpan      {text, start, end, url, title, analyzed} → {clip, duplicate}
 *                     the content script's way to clip: a span of the page's extracted text; the background builds
 *                     the draft (lib/clipping/build-clip.ts) so the content script carries none of it
 *   getClip           {id}                            → {clip | null}
 *   listClipsForPage  {url}                           → {clips}             url is normalised by the background; document order
 *   countClipsForPage {url}                           → {count}             cheap check before sending a page's text
 *   anchorClipsForPage {url, text, ids?}              → {placements: [{id, color, status, start?, end?}]}
 *                     the page's clips (or those of `ids`) placed in the page's extracted text: re-anchoring runs
 *                     here so the content script does not carry the fuzzy matcher (its size budget is small)
 *   listClips         {offset?, limit?, order?}       → {clips, total}      newest first by default
 *   queryClips        {filter, offset?, limit?, order?} → {clips, total}    filter: url/site/tag/color/mentionKey/from/to (all optional, ANDed)
 *   listTags          {}                              → {tags: [{tag, count}]}  most used first (tag completion)
 *   updateClip        {id, patch: {note?, tags?, color?}} → {clip}
 *   updateClips       {ids, addTags?, removeTags?, color?} → {clips}        bulk tag/colour for a multi-selection
 *   deleteClips       {ids}                           → {deleted: ids}      moved to the trash so restoreClips can undo
 *   restoreClips      {ids}                           → {restored, skipped} undo; skipped = a clip with the same passage exists again
 *   importClips       {clips}                         → {added, skipped}    whole Clip records; all or nothing; duplicates skipped
 *
 * To a TAB's content script — `sendToTab(tabId, def, payload)` from background and side panel:
 *   clipSelection     {}            → ClipOutcome    clip the tab's current selection (context menu, Alt+Shift+S)
 *   clipSection       {itemIndex}   → ClipOutcome    clip a whole outline section (index into Analysis.outline)
 *   getClipAnchors    {}            → {url, anchors: [{id, status: 'anchored' | 'orphan', start?, end?}]}
 *   refreshClips      {}            → {anchored, orphans}   re-read this page's clips and re-highlight (after edits)
 *   scrollToClip      {id}          → {found}        scroll to an anchored clip and flash it
 *
 * Reading directly: extension pages (popup, side panel) share the extension's origin and may also read the
 * database directly for live queries — `openClipDatabase()` from lib/store/db.ts with Dexie's liveQuery, and the
 * helpers in lib/store/queries.ts. Writes go through these messages so that validation and dedupe happen once.
 * A write reply's `clip` is the stored record after the change.
 *
 * Errors: a failing request rejects with MessageError whose message says why, e.g.
 * "clips.save: invalid clips.save: draft.text: the clip is longer than the maximum of 20000 characters" or
 * "clips.save: storage is full …" (quota).
 */

const idSchema = z.string().min(1).max(64);
const idsSchema = z.array(idSchema).min(1).max(100_000);
const clipsReply = z.object({ clips: z.array(clipSchema) });

export const MAX_PAGE_SIZE = 100_000;

export const clipOrderSchema = z.enum(['created-desc', 'created-asc', 'updated-desc']);
export type ClipOrder = z.infer<typeof clipOrderSchema>;

export const clipFilterSchema = z
  .object({
    url: httpUrlSchema.optional(),
    site: z.string().max(255).optional(),
    tag: tagSchema.optional(),
    color: clipColorSchema.optional(),
    /** `${category}:${key}`, as in Clip.mentionKeys. */
    mentionKey: z.string().max(256).optional(),
    /** Created at or after / before (epoch ms). */
    from: z.number().optional(),
    to: z.number().optional(),
  })
  .strict();
export type ClipFilter = z.infer<typeof clipFilterSchema>;

const pagingSchema = {
  offset: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().max(MAX_PAGE_SIZE).optional(),
  order: clipOrderSchema.optional(),
};

export const saveClip = defineMessage(
  CLIP_KINDS.save,
  z.object({ draft: clipDraftSchema }),
  z.object({ clip: clipSchema, duplicate: z.boolean() }),
);

/** Longest page text anchorClipsForPage and saveClipSpan accept (the same bound as readingAnalyzeText's). */
export const MAX_ANCHOR_TEXT_CHARS = 3_000_000;

export const clipSpanRequestSchema = z
  .object({
    /** The page's extracted text; start and end are offsets into it. */
    text: z.string().max(MAX_ANCHOR_TEXT_CHARS),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** The page's URL as it is (normalised by the background) and its title. */
    url: httpUrlSchema,
    title: z.string().max(MAX_TITLE_CHARS),
    /** True when `text` is the one the reading controller sent for analysis (the clip gets outline and mentions). */
    analyzed: z.boolean(),
  })
  .refine((r) => r.start <= r.end && r.end <= r.text.length, { message: 'start and end must lie in the text, in order' });
export type ClipSpanRequest = z.infer<typeof clipSpanRequestSchema>;

export const saveClipSpan = defineMessage(
  CLIP_KINDS.saveSpan,
  clipSpanRequestSchema,
  z.object({ clip: clipSchema, duplicate: z.boolean() }),
);

export const getClip = defineMessage(CLIP_KINDS.get, z.object({ id: idSchema }), z.object({ clip: clipSchema.nullable() }));

export const listClipsForPage = defineMessage(CLIP_KINDS.listForPage, z.object({ url: httpUrlSchema }), clipsReply);

/** Lets the content script skip sending the page's text for re-anchoring when the page has no clips (most pages). */
export const countClipsForPage = defineMessage(
  CLIP_KINDS.countForPage,
  z.object({ url: httpUrlSchema }),
  z.object({ count: z.number().int().nonnegative() }),
);

export const clipPlacementSchema = z.object({
  id: idSchema,
  color: clipColorSchema,
  status: z.enum(['anchored', 'orphan']),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type ClipPlacement = z.infer<typeof clipPlacementSchema>;

export const anchorClipsForPage = defineMessage(
  CLIP_KINDS.anchorForPage,
  z.object({ url: httpUrlSchema, text: z.string().max(MAX_ANCHOR_TEXT_CHARS), ids: z.array(idSchema).max(MAX_PAGE_SIZE).optional() }),
  z.object({ placements: z.array(clipPlacementSchema) }),
);

export const listClips = defineMessage(
  CLIP_KINDS.list,
  z.object(pagingSchema),
  z.object({ clips: z.array(clipSchema), total: z.number() }),
);

export const queryClips = defineMessage(
  CLIP_KINDS.query,
  z.object({ filter: clipFilterSchema, ...pagingSchema }),
  z.object({ clips: z.array(clipSchema), total: z.number() }),
);

export const listTags = defineMessage(
  CLIP_KINDS.listTags,
  z.object({}),
  z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number() })) }),
);

export const updateClip = defineMessage(
  CLIP_KINDS.update,
  z.object({ id: idSchema, patch: clipPatchSchema }),
  z.object({ clip: clipSchema }),
);

export const updateClips = defineMessage(
  CLIP_KINDS.updateMany,
  z.object({ ids: idsSchema, addTags: tagsSchema.optional(), removeTags: tagsSchema.optional(), color: clipColorSchema.optional() }),
  clipsReply,
);

export const deleteClips = defineMessage(CLIP_KINDS.delete, z.object({ ids: idsSchema }), z.object({ deleted: z.array(z.string()) }));

export const restoreClips = defineMessage(
  CLIP_KINDS.restore,
  z.object({ ids: idsSchema }),
  z.object({ restored: z.array(z.string()), skipped: z.array(z.string()) }),
);

/** A part of a large import (see lib/store/import-staging.ts); without it the clips are written at once. */
const importPartSchema = z.object({ batch: z.string().min(8).max(64), part: z.number().int().nonnegative(), last: z.boolean() });

export const importClips = defineMessage(
  CLIP_KINDS.import,
  z.object({ clips: z.array(clipSchema).max(MAX_PAGE_SIZE), part: importPartSchema.optional() }),
  z.object({ added: z.number(), skipped: z.number() }),
);

// ---- content-script side ----

export const clipOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), clip: clipSchema }),
  z.object({ status: z.literal('duplicate'), clip: clipSchema }),
  /** Nothing selected (or only whitespace). */
  z.object({ status: z.literal('empty') }),
  z.object({ status: z.literal('error'), error: z.string() }),
]);
export type ClipOutcome = z.infer<typeof clipOutcomeSchema>;

export const clipSelection = defineMessage(CLIP_PAGE_KINDS.clipSelection, z.object({}), clipOutcomeSchema);

export const clipSection = defineMessage(
  CLIP_PAGE_KINDS.clipSection,
  z.object({ itemIndex: z.number().int().nonnegative() }),
  clipOutcomeSchema,
);

export const clipAnchorSchema = z.object({
  id: idSchema,
  status: z.enum(['anchored', 'orphan']),
  start: z.number().optional(),
  end: z.number().optional(),
});
export type ClipAnchorStatus = z.infer<typeof clipAnchorSchema>;

export const getClipAnchors = defineMessage(
  CLIP_PAGE_KINDS.getAnchors,
  z.object({}),
  z.object({ url: z.string(), anchors: z.array(clipAnchorSchema) }),
);

export const refreshClips = defineMessage(
  CLIP_PAGE_KINDS.refresh,
  z.object({}),
  z.object({ anchored: z.number(), orphans: z.number() }),
);

export const scrollToClip = defineMessage(CLIP_PAGE_KINDS.scrollTo, z.object({ id: idSchema }), z.object({ found: z.boolean() }));
