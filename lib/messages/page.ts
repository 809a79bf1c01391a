import { z } from 'zod';

/**
 * Schemas of the reading messages (which kind carries which: lib/messages/protocol.ts, the protocol map).
 *
 * Why the background analyses: the rule set is most of the code (~90 KB minified) and its first run on a page
 * compiles dozens of large regular expressions (~60–100 ms, a long task); in the service worker it is loaded
 * once and stays warm for every tab, and the page's main thread only extracts and paints. The content script
 * imports these as types only (its size budget is 60 KB; zod stays out of it).
 */

const categorySchema = z.enum(['section', 'program', 'formulation', 'document', 'meeting', 'target', 'result']);

export const togglesSchema = z.object({
  all: z.boolean(),
  categories: z.record(categorySchema, z.boolean()),
});

export const reasonSchema = z.object({
  id: z.string(),
  weight: z.number(),
  zh: z.string(),
  en: z.string(),
  evidence: z.string().optional(),
});

export const verdictSchema = z.object({
  isPolicy: z.boolean(),
  genre: z.enum(['speech', 'report', 'other']),
  score: z.number(),
  reasons: z.array(reasonSchema),
});

export const outlineEntrySchema = z.object({
  family: z.string(),
  ordinal: z.number(),
  marker: z.string(),
  title: z.string(),
  depth: z.number().int().min(0),
  parent: z.number().int().min(0).nullable(),
  start: z.number().int().min(0),
  headEnd: z.number().int().min(0),
});

export const pageStateSchema = z.object({
  url: z.string(),
  title: z.string(),
  /** pending: not analysed yet; policy/other: the verdict; error: the pipeline failed (see `error`). */
  status: z.enum(['pending', 'policy', 'other', 'error']),
  verdict: verdictSchema.nullable(),
  speechTitle: z.string().optional(),
  date: z.string().optional(),
  /** Who gave it, as cited (`省长 罗东川`), and the occasion, when the rules read them. */
  speaker: z.string().optional(),
  occasion: z.string().optional(),
  outline: z.array(outlineEntrySchema),
  /** Painted-or-paintable spans per highlight category (section = outline items). */
  counts: z.record(categorySchema, z.number().int().min(0)),
  toggles: togglesSchema,
  /** Whether the toggles in force are this page's own or the global ones. */
  togglesScope: z.enum(['page', 'global']),
  painter: z.enum(['highlight-api', 'marks', 'none']),
  textLength: z.number().int().min(0),
  /** Milliseconds of the last run: extract, analyze, highlight, total. */
  timings: z.object({ extract: z.number(), analyze: z.number(), highlight: z.number(), total: z.number() }).nullable(),
  error: z.string().optional(),
});

export type PageState = z.infer<typeof pageStateSchema>;
export type PageToggles = z.infer<typeof togglesSchema>;
export type OutlineEntry = z.infer<typeof outlineEntrySchema>;

/** Upper bound for an outline index in a message (a 300,000-character page has a few hundred items). */
export const MAX_OUTLINE_INDEX = 100_000;

export const scrollToItemRequestSchema = z.object({ index: z.number().int().min(0).max(MAX_OUTLINE_INDEX) });

/** Longest text the background analyses (a 300,000-character page is large; this leaves room). */
export const MAX_ANALYZE_CHARS = 3_000_000;

const outlineItemSchema = z.object({
  family: z.string(),
  ordinal: z.number(),
  marker: z.string(),
  title: z.string(),
  start: z.number().int().min(0),
  headEnd: z.number().int().min(0),
  end: z.number().int().min(0),
  parent: z.number().int().min(0).nullable(),
  depth: z.number().int().min(0),
});

const mentionSchema = z.object({
  category: z.enum(['program', 'formulation', 'document', 'meeting', 'target', 'result']),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  ruleId: z.string(),
  key: z.string(),
  gloss: z.string().optional(),
});

const speakerSchema = z.object({ name: z.string().optional(), post: z.string().optional() });

/**
 * The side panel's page index (reading.getIndex): every mention the analysis found, in text order (its index in
 * this list is what reading.scrollToMention and clipping.clipParagraph name), and the speaker as read.
 */
export const pageIndexSchema = z.object({ mentions: z.array(mentionSchema), speaker: speakerSchema.optional() });
export type PageIndex = z.infer<typeof pageIndexSchema>;

export const analysisSchema = z.object({
  verdict: verdictSchema,
  outline: z.array(outlineItemSchema),
  mentions: z.array(mentionSchema),
  title: z.string().optional(),
  date: z.string().optional(),
  speaker: speakerSchema.optional(),
  occasion: z.string().optional(),
  textLength: z.number().int().min(0),
});

/** Most parts one text may be sent in (lib/reading/remoteAnalyze.ts sends long texts in parts, at once). */
export const MAX_ANALYZE_PARTS = 16;

/** What the rule set found, in the compact wire form of lib/reading/wire.ts (decoded back into an Analysis). */
export const wireAnalysisSchema = z.object({
  verdict: verdictSchema,
  title: z.string().optional(),
  speaker: speakerSchema.optional(),
  occasion: z.string().optional(),
  date: z.string().optional(),
  textLength: z.number().int().min(0),
  strings: z.array(z.string()),
  outline: z.array(z.number()),
  mentions: z.array(z.number()),
});

export const analyzePartSchema = z
  .object({
    run: z.string().min(1).max(64),
    index: z.number().int().min(0),
    count: z.number().int().min(2).max(MAX_ANALYZE_PARTS),
  })
  .refine((p) => p.index < p.count, { message: 'index must be below count' });

/**
 * `text` is the whole text, or with `part` one of `count` consecutive parts of it. The reply to the part that
 * completes the text is the analysis with the text's id (clips.save and clips.place refer to the text by it);
 * the replies to the other parts are `{ pending: true }`.
 */
export const analyzeRequestSchema = z.object({
  text: z.string().max(MAX_ANALYZE_CHARS),
  part: analyzePartSchema.optional(),
  /** document.title when the text was extracted (the clip's title when the browser reports none). */
  title: z.string().max(2000).optional(),
});

export const analyzeReplySchema = z.union([
  wireAnalysisSchema.extend({ textId: z.string().min(1).max(64) }),
  z.object({ pending: z.literal(true) }),
]);
export type AnalyzeReply = z.infer<typeof analyzeReplySchema>;

export const pageChangedSchema = z.object({
  url: z.string().max(8192),
  status: z.enum(['pending', 'policy', 'other', 'error']),
});
