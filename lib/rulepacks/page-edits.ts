import type { Router } from '../messages/router';
import { addTerm } from './live';

/**
 * The rule edits a page offers (a trusted gesture in Tifa's closed UI on the page): "add as a term" on a
 * selection. They write the stored rules through the same functions the options page's edits end in; the live
 * rule set (live.ts) sees the storage change, and the background re-analyses the open tabs.
 */
export function registerRuleEditHandlers(router: Router): void {
  router.on('rules.addTerm', async ({ text, category, gloss }) => {
    await addTerm({ text, category, ...(gloss?.trim() ? { gloss: gloss.trim() } : {}) });
    return {};
  });
}
