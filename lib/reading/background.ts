import { readingAnalyzeText } from '../messages/page';
import type { Router } from '../messages/protocol';
import { analyze } from '../rules';

/**
 * A few lines that make most rules run once: V8 compiles a regular expression on its first use, which made the
 * first page's analysis several times slower than the next ones (cold: ~40 ms more on a 300,000-character page).
 */
const WARM_UP_TEXT = [
  '在全省党建工作会议上的讲话',
  '（2024年3月1日）',
  '一、坚持和加强党的全面领导',
  '（一）深入实施“千村头雁”培育工程。第一，协调推进“四个全面”战略布局，认真学习《中国共产党章程》，贯彻党的二十大精神。',
  '一是抓好三大行动，二要落实三会一课。首先，今年地区生产总值增长5.5%左右，新增就业120万人。其次，最后。',
  '1. 加强基层治理。（1）完善制度。',
].join('\n');

/**
 * Background side of reading: analyses the text a content script extracted. The router has already checked the
 * sender (this extension) and the request's shape and size. One call in entrypoints/background.ts.
 */
export function registerReadingHandlers(router: Router): void {
  router.on(readingAnalyzeText, ({ text }) => analyze(text));
  // Warm the rule set as soon as the worker starts, in its own task, so the first page does not pay for it.
  setTimeout(() => {
    try {
      analyze(WARM_UP_TEXT);
    } catch {
      // A warm-up only: a real analysis reports its own errors.
    }
  }, 0);
}
