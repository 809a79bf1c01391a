import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { sendToTab } from '../messages/transport';
import type { ClipOutcome } from '../messages/clips';

export const CLIP_MENU_ID = 'tifa-clip-selection';
export const CLIP_COMMAND = 'clip-selection';
/** Opens the library as a page of its own (Alt+Shift+L by default). */
export const OPEN_LIBRARY_COMMAND = 'open-library';
/** The side panel's page with the Library tab first, full width in a tab of its own. */
export const LIBRARY_PAGE = '/sidepanel.html?tab=library';
/** Where WXT puts the content script in the built extension (used to inject it on pages outside the site list). */
const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/**
 * Background wiring for clipping without the floating button: the "Clip to Tifa" context-menu item on a
 * selection and the `clip-selection` keyboard command (declared in wxt.config.ts, Alt+Shift+S by default,
 * rebindable in the browser's shortcut settings). Both ask the tab's content script to clip its selection.
 * Call synchronously at background start-up so the listeners exist when the service worker is woken.
 */
export function registerClipCommands(): void {
  const createMenu = () =>
    browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: CLIP_MENU_ID, title: t('clippingMenu'), contexts: ['selection'] }))
      .catch((err: unknown) => console.warn('[tifa] context menu not created:', err));
  browser.runtime.onInstalled.addListener(() => void createMenu());
  browser.runtime.onStartup?.addListener(() => void createMenu());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CLIP_MENU_ID && tab?.id !== undefined) void clipInTab(tab.id);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === OPEN_LIBRARY_COMMAND) void openLibrary();
    if (command !== CLIP_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId !== undefined) await clipInTab(tabId);
    })();
  });
}

/**
 * Asks a tab to clip its selection. On a page outside the content script's site list the gesture itself
 * (menu click, shortcut) granted activeTab, so the content script is injected and asked again.
 */
export async function clipInTab(tabId: number): Promise<ClipOutcome> {
  try {
    return await sendToTab(tabId, 'clipping.clipSelection', {});
  } catch (err) {
    if (!/Receiving end does not exist|Could not establish connection|no receiver answered/i.test(String(err))) {
      return { status: 'error', error: String(err) };
    }
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    return await sendToTab(tabId, 'clipping.clipSelection', {});
  } catch (err) {
    return { status: 'error', error: err instanceof Error ? err.message : String(err) };
  }
}

/** Shows the library page: the tab already showing it, else a new one next to the current tab. */
export async function openLibrary(): Promise<void> {
  const url = browser.runtime.getURL(LIBRARY_PAGE as '/sidepanel.html');
  // Reading other tabs' addresses needs the tabs permission, which Tifa does not hold: its own pages match.
  const [open] = await browser.tabs.query({ url }).catch(() => []);
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows?.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
