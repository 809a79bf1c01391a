import { browser } from 'wxt/browser';
import { sendToTab } from '../../lib/messages/transport';

export interface ClipsTab {
  tabId: number;
  /** The page's URL, when the extension may see it. */
  url?: string;
}

/**
 * The tab a popup or side panel is about: `?tabId=` when the page was opened for a particular tab (tests,
 * screenshots, the side panel's convention), else the active tab of the current window. The URL comes from the
 * tab when the extension may read it (host permission or activeTab), else from the page's content script.
 */
export async function resolveClipsTab(): Promise<ClipsTab | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  let tab: { id?: number; url?: string } | undefined;
  if (param && /^\d+$/.test(param)) tab = await browser.tabs.get(Number(param)).catch(() => undefined);
  else [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  if (tab.url && /^https?:|^file:/.test(tab.url)) return { tabId: tab.id, url: tab.url };
  try {
    const { url } = await sendToTab(tab.id, 'clipping.getAnchors', {});
    return { tabId: tab.id, url: url || undefined };
  } catch {
    return { tabId: tab.id };
  }
}
