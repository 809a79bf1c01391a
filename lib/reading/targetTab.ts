import { browser } from 'wxt/browser';

export interface TargetTab {
  id: number;
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
