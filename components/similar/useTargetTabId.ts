import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SimilarFocus } from '../../lib/messages/history';
import { createRouter } from '../../lib/messages/router';
import { listen, sendToBackground } from '../../lib/messages/transport';
import { resolveTargetTab } from '../../lib/reading/targetTab';

/** The tab the side panel is about (`?tabId=` or the active tab), resolved once; null while unknown or absent. */
export function useTargetTabId(): number | null | undefined {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    void resolveTargetTab()
      .then((tab) => setTabId(tab?.id ?? null))
      .catch(() => setTabId(null));
  }, []);
  return tabId;
}

/**
 * Calls `onFocus(tabId, asked)` when a page's tooltip asked for the side-by-side of a paragraph or the 提法 trail
 * of a mention (the background relays the reader's click as `similar.focus`).
 */
export function useSimilarFocus(onFocus: (tabId: number, asked: SimilarFocus) => void): void {
  useEffect(() => {
    // The panel may have been opened by that very click: the request waits in the background.
    void resolveTargetTab()
      .then(async (tab) => {
        if (!tab) return;
        const asked = await sendToBackground('similar.takeFocus', { tabId: tab.id });
        if (asked.start !== undefined || asked.trail) onFocus(tab.id, asked);
      })
      .catch(() => undefined);
    const router = createRouter(browser.runtime.id, browser.runtime.getURL('/')).on(
      'similar.focus',
      ({ tabId, ...asked }) => {
        onFocus(tabId, asked);
        return {};
      },
    );
    return listen(router);
  }, [onFocus]);
}
