import { browser } from 'wxt/browser';
import { sendToTab } from '../messages/transport';

/** The one resolver of "which tab is this popup / side panel about" (reading, clips and the page's state). */
export interface TargetTab {
  id: number;
  /** The page's URL, when the extension may see it (see withPageUrl). */
  url?: string;
  windowId?: number;
}

/**
 * The tab the popup or side panel is about: `?tabId=` when given (tests open these pages as tabs, and a side
 * panel may be pinned to a tab), otherwise the active tab of the current window.
 */
export async function resolveTargetTab(search: string = globalThis.location?.search ?? ''): Promise<TargetTab | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) {
    try {
      const tab = await browser.tabs.get(Number(param));
      if (tab.id !== undefined) return { id: tab.id, url: tab.url, windowId: tab.windowId };
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url, windowId: tab.windowId } : null;
}

/** Whether the page's tab was pinned by `?tabId=` (then the view does not follow tab switches). */
export function isPinnedToTab(search: string = globalThis.location?.search ?? ''): boolean {
  return /^\d+$/.test(new URLSearchParams(search).get('tabId') ?? '');
}

/**
 * The tab with its page URL: the tab's own when the extension may read it (host permission or activeTab), else
 * the one the page's content script reports (it runs on listed hosts without either).
 */
export async function withPageUrl(tab: TargetTab): Promise<TargetTab> {
  if (tab.url && /^https?:|^file:/.test(tab.url)) return tab;
  try {
    const { url } = await sendToTab(tab.id, 'clipping.getAnchors', {});
    return { ...tab, url: url || undefined };
  } catch {
    return { ...tab, url: undefined };
  }
}
