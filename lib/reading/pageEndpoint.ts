import type { PageState } from '../messages/page';
import { answerRequest, isIndex, parseRequest, type PageRequest, type PayloadCheck, type Reply } from '../messages/content-endpoint';

/**
 * The content script's side of the reading messages (declared with zod in lib/messages/page.ts), checked by hand
 * (lib/messages/content-endpoint.ts); tests/unit/reading-messages.test.ts runs both validators over the same inputs.
 */
export interface PageHandlers {
  getPageState(): PageState;
  scrollToItem(index: number): { found: boolean };
  analyzeNow(force: boolean): PageState | Promise<PageState>;
}

export type { Reply };

const MAX_OUTLINE_INDEX = 100_000;

export const READING_PAGE_CHECKS: Record<string, PayloadCheck> = {
  readingGetPageState: () => null,
  readingScrollToItem: (p) => (isIndex(p.index, MAX_OUTLINE_INDEX) ? null : `index must be an integer in 0..${MAX_OUTLINE_INDEX}`),
  readingAnalyzeNow: (p) => (p.force === undefined || typeof p.force === 'boolean' ? null : 'force must be a boolean'),
};

/** A reading request, an error string for a malformed one, or null for a message that is not a reading request. */
export function parsePageRequest(raw: unknown): PageRequest | string | null {
  return parseRequest(raw, READING_PAGE_CHECKS);
}

/** The handlers by message kind, for the shared endpoint. */
export function readingRoutes(handlers: PageHandlers) {
  return {
    readingGetPageState: () => handlers.getPageState(),
    readingScrollToItem: (p: { index?: unknown }) => handlers.scrollToItem(p.index as number),
    readingAnalyzeNow: (p: { force?: unknown }) => handlers.analyzeNow(p.force === true),
  };
}

/** Answers a raw runtime message, or returns undefined when it is not ours (so other listeners may answer). */
export function handlePageMessage(raw: unknown, sender: { id?: string }, extensionId: string, handlers: PageHandlers): Promise<Reply> | undefined {
  return answerRequest(raw, sender, extensionId, READING_PAGE_CHECKS, readingRoutes(handlers));
}
