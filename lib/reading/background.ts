import { readingAnalyzeText } from '../messages/page';
import type { Router } from '../messages/protocol';
import { analyze } from '../rules';

/**
 * Background side of reading: analyses the text a content script extracted. The router has already checked the
 * sender (this extension) and the request's shape and size. One call in entrypoints/background.ts.
 */
export function registerReadingHandlers(router: Router): void {
  router.on(readingAnalyzeText, ({ text }) => analyze(text));
}
