import { z } from 'zod';
import type { Comparison } from '../compare/types';
import type { MentionTrail } from '../history/trail';

/**
 * Schemas of the reading history and similar-text messages (issue 12; which kind carries which:
 * lib/messages/protocol.ts). The content script imports none of this (types only, through the protocol map).
 * Replies come from our own background: the big ones (a comparison, a trail) are checked for shape only.
 */

const MAX_TEXT_ID = 64;
const MAX_OFFSET = 10_000_000;
const MAX_QUERY = 200;

const labelSchema = z.enum(['same', 'variant', 'contained']);
/** A mention's term as the tooltip has it (the rules keep terms of at most 60 characters). */
const MAX_TRAIL_TERM = 60;
const offset = z.number().int().nonnegative().max(MAX_OFFSET);
const pageId = z.number().int().positive();
const tabId = z.number().int().nonnegative();

/**
 * What a content script learns of a recurring paragraph: where it is, and a tooltip naming who else has it and
 * how much they share (worded in the background: lib/history/tooltip-text.ts) — never another page's text.
 */
export const similarMarkReplySchema = z.object({
  paragraphs: z.array(z.object({ start: offset, end: offset, heading: z.string(), text: z.string() })),
  /** The tooltip button's label. */
  open: z.string(),
});
export type SimilarMarkReply = z.infer<typeof similarMarkReplySchema>;

export const similarMarkRequestSchema = z.object({ textId: z.string().min(1).max(MAX_TEXT_ID) });
/**
 * What a page tooltip asks the side panel to show: the side-by-side of the paragraph at `start`, or the 提法
 * trail of a mention's term (the panel runs the search; the page sends only the term).
 */
export const similarOpenRequestSchema = z.union([
  z.object({ start: offset }),
  z.object({ trail: z.string().trim().min(1).max(MAX_TRAIL_TERM) }),
]);
/** What the panel is asked to show (takeFocus reply, focus broadcast): one of the two, or nothing. */
export const similarFocusSchema = z.object({
  start: offset.optional(),
  trail: z.string().max(MAX_TRAIL_TERM).optional(),
});
export type SimilarFocus = z.infer<typeof similarFocusSchema>;

export const historySummarySchema = z.object({
  id: pageId,
  url: z.string(),
  title: z.string(),
  speaker: z.string().optional(),
  date: z.string().optional(),
  site: z.string(),
  readAt: z.number(),
  paragraphCount: z.number().int().nonnegative(),
});

export const historyListReplySchema = z.object({ enabled: z.boolean(), pages: z.array(historySummarySchema) });

const diffOpSchema = z.tuple([z.union([z.literal(-1), z.literal(0), z.literal(1)]), z.string()]);

/** The side-by-side of one page paragraph with each earlier-read paragraph (or clip) it recurs in. */
export const similarTabReplySchema = z.object({
  /** The tab's page paragraph the tooltip's button asked for (its start offset), when recent. */
  focus: offset.optional(),
  paragraphs: z.array(
    z.object({
      start: offset,
      end: offset,
      pairs: z.array(
        z.object({
          label: labelSchema.optional(),
          score: z.number(),
          ops: z.array(diffOpSchema),
          other: z.object({
            pageId: z.number().int().optional(),
            url: z.string(),
            title: z.string(),
            date: z.string().optional(),
            text: z.string(),
          }),
        }),
      ),
    }),
  ),
});

export const compareSideSchema = z.union([z.object({ pageId }).strict(), z.object({ tabId }).strict()]);

export const compareRunRequestSchema = z.object({
  older: compareSideSchema,
  newer: compareSideSchema,
});

export const compareRunReplySchema = z.object({
  comparison: z.custom<Comparison>((v) => typeof v === 'object' && v !== null && 'rows' in v),
  markdown: z.string(),
});

export const compareSuggestReplySchema = z.object({
  suggestions: z.array(
    z.object({
      pageId,
      url: z.string(),
      title: z.string(),
      date: z.string().optional(),
      sharedParagraphs: z.number().int().nonnegative(),
    }),
  ),
});

/** A clip's text and page, to find its variants in the reading history. */
export const passageQuerySchema = z.object({
  text: z.string().min(1).max(20_000),
  url: z.string().max(8192).optional(),
});
export const similarPassagesReplySchema = z.object({
  matches: z.array(
    z.object({
      pageId: z.number(),
      title: z.string(),
      url: z.string(),
      date: z.string().optional(),
      text: z.string(),
      label: z.enum(['same', 'variant', 'contained']),
      score: z.number(),
    }),
  ),
});

export const trailRequestSchema = z.object({ query: z.string().trim().min(1).max(MAX_QUERY) });
export const trailReplySchema = z.custom<MentionTrail>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as MentionTrail).entries),
);

export const tabRequestSchema = z.object({ tabId });
export const pageIdRequestSchema = z.object({ pageId });
