import { z } from 'zod';
import { noteSchema, tagsSchema } from '../clips/schema';
import { categorySchema, hiddenTermSchema } from '../rulepacks/schema';

/**
 * Schemas of what a page's tooltip may ask (issue 13): edits of the reader's rules from a mention, and the hover
 * card of the page's own clips. Kinds and senders are declared in the protocol map (lib/messages/protocol.ts).
 * Every request names the text the background analysed for the sender's tab (`textId`), so the background can
 * check the term is really one the page shows.
 */
const textId = z.string().min(1).max(64);

export const ruleHideSchema = z.object({ textId, term: hiddenTermSchema });
export const ruleCorrectSchema = z.object({ textId, term: hiddenTermSchema, category: categorySchema });

const id = z.string().min(1).max(64);
export const pageClipSchema = z.object({ id, note: z.string(), tags: z.array(z.string()) });
export const pageClipEditSchema = z.object({ id, note: noteSchema, tags: tagsSchema });
export type PageClip = z.infer<typeof pageClipSchema>;
