import { z } from 'zod';
import { MENTION_CATEGORIES } from '../rules/types';
import {
  CLIP_COLORS,
  MAX_CLIP_CHARS,
  MAX_NOTE_CHARS,
  MAX_TAGS,
  MAX_TAG_CHARS,
  type Clip,
  type ClipColor,
} from './types';

/**
 * zod schemas for the Clip contract (lib/clips/types.ts). Used by the background to validate every message that
 * carries clip data, and by the review UI to validate imported backups. Size limits come from types.ts and
 * the error messages say which limit was hit, so the reader sees a clear reason.
 */

import {
  MAX_CONTEXT_CHARS,
  MAX_MENTION_CHARS,
  MAX_MENTIONS,
  MAX_OUTLINE_DEPTH,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
} from './limits';

export * from './limits';

export const clipColorSchema = z.enum(CLIP_COLORS as unknown as [ClipColor, ...ClipColor[]]);

export const clipTextSchema = z
  .string()
  .min(1, 'the clip is empty')
  .max(MAX_CLIP_CHARS, `the clip is longer than the maximum of ${MAX_CLIP_CHARS} characters`);

export const noteSchema = z.string().max(MAX_NOTE_CHARS, `the note is longer than ${MAX_NOTE_CHARS} characters`);

export const tagSchema = z
  .string()
  .trim()
  .min(1, 'a tag is empty')
  .max(MAX_TAG_CHARS, `a tag is longer than ${MAX_TAG_CHARS} characters`);

export const tagsSchema = z.array(tagSchema).max(MAX_TAGS, `more than ${MAX_TAGS} tags`);

export const httpUrlSchema = z
  .string()
  .max(MAX_URL_CHARS, `the URL is longer than ${MAX_URL_CHARS} characters`)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:' || p === 'file:';
    } catch {
      return false;
    }
  }, 'not an http(s) or file URL');

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: clipTextSchema,
  prefix: z.string().max(MAX_CONTEXT_CHARS),
  suffix: z.string().max(MAX_CONTEXT_CHARS),
});

const spanSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'a position ends before it starts');

export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    codePoints: spanSchema.optional(),
  })
  .refine((s) => s.end >= s.start, 'TextPositionSelector end is before start');

/** Epoch milliseconds up to the last instant of year 9999 (the last an xsd:dateTime export can write plainly). */
export const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const timeSchema = z
  .number()
  .int('a timestamp is not a whole number of milliseconds')
  .nonnegative('a timestamp is before 1970')
  .max(MAX_TIME_MS, 'a timestamp is after the year 9999');

export const outlineStepSchema = z.object({
  marker: z.string().max(40),
  title: z.string().max(MAX_TITLE_CHARS),
});

export const clipMentionSchema = z.object({
  category: z.enum(
    MENTION_CATEGORIES as unknown as ['program', 'formulation', 'document', 'meeting', 'target', 'result'],
  ),
  key: z.string().min(1).max(MAX_MENTION_CHARS),
  text: z.string().min(1).max(MAX_MENTION_CHARS),
});

/** The speech a clip comes from, as read by the rules or stated by the reader (draft and stored clip alike). */
const speechFieldsShape = {
  speechTitle: z.string().max(MAX_TITLE_CHARS).optional(),
  speechDate: z.string().max(40).optional(),
  speechSpeaker: z.string().max(MAX_TITLE_CHARS).optional(),
  speechOccasion: z.string().max(MAX_TITLE_CHARS).optional(),
  speechPlace: z.string().max(MAX_TITLE_CHARS).optional(),
};

/** What a content script sends to save a clip; the background adds id, timestamps and the derived keys. */
export const clipDraftSchema = z.object({
  text: clipTextSchema,
  url: httpUrlSchema,
  title: z.string().max(MAX_TITLE_CHARS),
  outlinePath: z.array(outlineStepSchema).max(MAX_OUTLINE_DEPTH),
  ...speechFieldsShape,
  mentions: z.array(clipMentionSchema).max(MAX_MENTIONS),
  selectors: z.tuple([textQuoteSelectorSchema, textPositionSelectorSchema]),
  note: noteSchema.optional(),
  tags: tagsSchema.optional(),
  color: clipColorSchema.optional(),
});
export type ClipDraft = z.input<typeof clipDraftSchema>;

/** A stored clip's quote: empty only for a clip not yet placed (checked with the clip, below). */
const storedQuoteSchema = textQuoteSelectorSchema.extend({ exact: z.string().max(MAX_CLIP_CHARS) });

/**
 * A whole stored clip (backups, imports, replies). Its text is empty only while it is not yet placed (imported
 * from a position alone, see isUnplaced): then it holds its imported position, an empty quote and no UTF-16
 * position. Backups of version 1 never hold such clips, so they all still pass.
 */
export const clipSchema = z
  .object({
    id: z.string().min(1).max(64),
    text: z.string().max(MAX_CLIP_CHARS, `the clip is longer than the maximum of ${MAX_CLIP_CHARS} characters`),
    url: httpUrlSchema,
    title: z.string().max(MAX_TITLE_CHARS),
    site: z.string().max(255),
    created: timeSchema,
    updated: timeSchema,
    note: noteSchema,
    tags: tagsSchema,
    color: clipColorSchema,
    outlinePath: z.array(outlineStepSchema).max(MAX_OUTLINE_DEPTH),
    ...speechFieldsShape,
    mentions: z.array(clipMentionSchema).max(MAX_MENTIONS),
    mentionKeys: z.array(z.string().max(MAX_MENTION_CHARS + 20)).max(MAX_MENTIONS),
    // The position is optional: a clip imported from a quote alone has none until a visit places it.
    selectors: z.tuple([storedQuoteSchema, textPositionSelectorSchema.optional()]),
    importedPosition: spanSchema.optional(),
    dedupeKey: z.string().min(1).max(128),
  })
  .superRefine((clip, ctx) => {
    if (clip.text === '') {
      if (!clip.importedPosition || clip.importedPosition.end <= clip.importedPosition.start)
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: 'the clip is empty and has no position to place it by',
        });
      if (clip.selectors[0].exact !== '' || clip.selectors[1])
        ctx.addIssue({
          code: 'custom',
          path: ['selectors'],
          message: 'a clip not yet placed states no quote or offsets',
        });
    } else if (clip.selectors[0].exact === '') {
      ctx.addIssue({ code: 'custom', path: ['selectors', 0, 'exact'], message: 'the clip is empty' });
    }
  }) satisfies z.ZodType<Clip>;

/**
 * Fields the reader may edit after clipping. Tags change by operation — `addTags` / `removeTags`, applied to the
 * stored list when the edit lands — so two views editing the same clip's tags merge instead of the later one
 * writing back a stale whole list; `tags` (replace the list) remains for a deliberate replacement.
 */
export const clipPatchSchema = z
  .object({
    note: noteSchema.optional(),
    tags: tagsSchema.optional(),
    addTags: tagsSchema.optional(),
    removeTags: tagsSchema.optional(),
    color: clipColorSchema.optional(),
  })
  .strict();
export type ClipPatch = z.infer<typeof clipPatchSchema>;
