/**
 * Rule packs: the reader's custom rules as versioned JSON, validated with zod (the same library as the clip
 * backup import). Format, documented in the README:
 *
 *   { "tifaRules": 1, "name": "…",
 *     "terms":    [{ "text": "…", "category": "program", "gloss": "…", "aliases": ["…"] }],
 *     "patterns": [{ "id": "…", "pattern": "…", "flags": "u", "category": "formulation", "description": "…" }],
 *     "hidden":   ["…"] }
 *
 * The same entry schemas validate what the options page stores (lib/rulepacks/settings.ts).
 */
import { z } from 'zod';
import { MENTION_CATEGORIES, type MentionCategory } from '../rules/types';

export const RULE_PACK_VERSION = 1;
export const MAX_TERM_CHARS = 60;
export const MAX_GLOSS_CHARS = 300;
export const MAX_ENTRIES = 5000;

export const categorySchema = z.enum(MENTION_CATEGORIES as unknown as [MentionCategory, ...MentionCategory[]]);

const termText = z
  .string()
  .trim()
  .min(1, 'the text is empty')
  .max(MAX_TERM_CHARS, `the text is longer than ${MAX_TERM_CHARS} characters`);

export const packTermSchema = z.strictObject({
  text: termText,
  category: categorySchema,
  gloss: z.string().max(MAX_GLOSS_CHARS, `the gloss is longer than ${MAX_GLOSS_CHARS} characters`).optional(),
  aliases: z.array(termText).max(20, 'more than 20 aliases').optional(),
});

export const packPatternSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'the id must be 1 to 40 letters, digits, "_", "." or "-"'),
  pattern: z.string().min(1, 'the pattern is empty'),
  flags: z.string().optional(),
  category: categorySchema,
  description: z.string().max(MAX_GLOSS_CHARS).optional(),
});

export const hiddenTermSchema = termText;

export const correctionSchema = z.strictObject({ text: termText, category: categorySchema });

/** The envelope; entries are validated one by one afterwards so an error can name the entry. */
export const packEnvelopeSchema = z.object({
  tifaRules: z.literal(RULE_PACK_VERSION),
  name: z.string().max(200).optional(),
  terms: z.array(z.unknown()).max(MAX_ENTRIES).optional(),
  patterns: z.array(z.unknown()).max(MAX_ENTRIES).optional(),
  hidden: z.array(z.unknown()).max(MAX_ENTRIES).optional(),
});

export type PackTerm = z.infer<typeof packTermSchema>;
export type PackPattern = z.infer<typeof packPatternSchema>;
export type Correction = z.infer<typeof correctionSchema>;

export interface RulePack {
  tifaRules: typeof RULE_PACK_VERSION;
  name: string;
  terms: PackTerm[];
  patterns: PackPattern[];
  hidden: string[];
}

/** What the reader added and corrected (stored in storage.local; see settings.ts). */
export interface CustomRules {
  terms: PackTerm[];
  patterns: PackPattern[];
  hidden: string[];
  corrections: Correction[];
}

export function emptyCustomRules(): CustomRules {
  return { terms: [], patterns: [], hidden: [], corrections: [] };
}
