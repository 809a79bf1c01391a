import type { Router } from '../messages/router';
import { type TextRegistry, UNKNOWN_TEXT_ID } from '../reading/text-registry';
import { termKey } from '../rules/custom-rules';
import { correctCategory, hideTerm } from './live';

/**
 * The rule edits a page's mention tooltip offers (lib/reading/tooltip-actions.ts): "not a 提法 / hide this term"
 * and "wrong category". The router has checked the sender is a content script and the request's shape; here the
 * term must be one the background marked in the text it analysed for that very tab, so a content script can only
 * correct what its own page shows. The edit is stored; the live rule set (live.ts) recompiles on the storage
 * change and re-analyses every open tab, and the options page lists it for undo.
 */
export function registerRuleEditHandlers(router: Router, texts: TextRegistry): void {
  const onPage = (textId: string, tabId: number, term: string): void => {
    const known = texts.get(textId, tabId);
    if (!known) throw new Error(UNKNOWN_TEXT_ID);
    const key = termKey(term);
    if (!known.analysis.mentions.some((m) => termKey(m.key) === key || termKey(m.text) === key))
      throw new Error(`"${term}" is not marked on this page`);
  };
  router
    .on('rules.hideTerm', async ({ textId, term }, { tab }) => {
      onPage(textId, tab!.id, term);
      await hideTerm(term);
      return {};
    })
    .on('rules.correctCategory', async ({ textId, term, category }, { tab }) => {
      onPage(textId, tab!.id, term);
      await correctCategory(term, category);
      return {};
    });
}
