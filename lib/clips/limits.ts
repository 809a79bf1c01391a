/**
 * Size limits for clip fields that lib/clips/types.ts does not name. Kept free of zod so the content script
 * (which has a small size budget) can use them too; lib/clips/schema.ts enforces them.
 */
export const MAX_URL_CHARS = 4_096;
export const MAX_TITLE_CHARS = 1_000;
export const MAX_CONTEXT_CHARS = 256;
export const MAX_OUTLINE_DEPTH = 12;
export const MAX_MENTIONS = 2_000;
export const MAX_MENTION_CHARS = 200;
