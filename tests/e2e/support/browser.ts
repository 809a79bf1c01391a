/** Chromium with the built extension loaded, its extension pages and tabs (see tests/e2e/harness.ts). */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { buildOnce, CHROMIUM_PATH, DEFAULT_MAPPED_HOSTS, extensionDir } from './paths';

/** Resolves after `ms`: only for a deadline raced against a condition, or a poll's interval. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LaunchOptions {
  /** Host patterns mapped to 127.0.0.1 (Chromium host-resolver-rules syntax); default DEFAULT_MAPPED_HOSTS. */
  hosts?: string[];
  /** Default true. `npm start` passes false when there is a display. */
  headless?: boolean;
  /** Built extension to load; default extensionDir(). */
  extensionDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
  viewport?: { width: number; height: number } | null;
  /** Profile directory to reuse across launches (e.g. to test persistence); default: a fresh temporary one. */
  userDataDir?: string;
  /** Browser UI language, e.g. 'zh-CN' (selects the extension's messages); default 'en-US'. */
  locale?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker (evaluate chrome.* calls in it). */
  serviceWorker: Worker;
  /** chrome-extension://<id>/<page>?<query> opened as a tab. */
  openExtensionPage(page: ExtensionPageName, query?: Record<string, string | number>): Promise<Page>;
  /**
   * Stops the background service worker (as the browser does when it idles); its in-memory state is lost. The
   * next message or event starts it again. Do not evaluate in `serviceWorker` while it is stopped (that waits
   * until something wakes it): send a message first (e.g. from an extension page or a content script).
   */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export type ExtensionPageName = 'sidepanel.html' | 'popup.html' | (string & {});

/** Chromium flags shared by every launch: no sandbox (root), no background traffic, test hosts on 127.0.0.1. */
export function chromiumArgs(dir: string, hosts: string[] = DEFAULT_MAPPED_HOSTS): string[] {
  const rules = [...hosts.map((h) => `MAP ${h} 127.0.0.1`), 'EXCLUDE localhost'].join(', ');
  return [
    '--no-sandbox',
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--host-resolver-rules=${rules}`,
  ];
}

/** Launches Chromium with a fresh profile and the extension loaded; waits for its service worker. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dir = buildOnce(options.extensionDir ?? extensionDir());
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    // --lang picks the extension's _locales (getMessage); the locale option sets navigator.language.
    // Note: headless Chromium still reports i18n.getUILanguage() as en-US.
    args: [...chromiumArgs(dir, options.hosts), `--lang=${options.locale ?? 'en-US'}`, ...(options.args ?? [])],
    // Playwright disables all extensions by default; ours is allowed by --disable-extensions-except.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    locale: options.locale ?? 'en-US',
  });
  try {
    let current = await extensionServiceWorker(context, dir);
    const extensionId = new URL(current.url()).host;
    // A stopped worker is started again by the next event; follow it so `serviceWorker` stays usable.
    context.on('serviceworker', (w) => {
      if (w.url().startsWith(`chrome-extension://${extensionId}/`)) current = w;
    });
    const browser: ExtensionBrowser = {
      context,
      extensionId,
      get serviceWorker() {
        return current;
      },
      openExtensionPage: (page, query) => openExtensionPage(context, extensionId, page, query),
      stopServiceWorker: async () => {
        // The ServiceWorker CDP domain is scoped to the page's origin, so drive it from an extension page.
        const page = await context.newPage();
        try {
          await page.goto(`chrome-extension://${extensionId}/manifest.json`);
          const cdp = await context.newCDPSession(page);
          const stopped = new Promise<void>((done) => {
            cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
              if (e.versions.length > 0 && e.versions.every((v) => v.runningStatus === 'stopped')) done();
            });
          });
          await cdp.send('ServiceWorker.enable');
          await cdp.send('ServiceWorker.stopAllWorkers');
          await Promise.race([
            stopped,
            sleep(5_000).then(() => Promise.reject(new Error('service worker did not stop within 5 s'))),
          ]);
          await cdp.detach();
        } finally {
          await page.close();
        }
      },
      close: () => context.close(),
    };
    return browser;
  } catch (err) {
    await context.close();
    throw err;
  }
}

async function extensionServiceWorker(context: BrowserContext, dir: string): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
  } catch {
    throw new Error(
      `The extension's service worker did not start within 15 s (loaded from ${dir}). ` +
        'Is the build complete and is background.js valid?',
    );
  }
}

/** Opens an extension page (popup.html, sidepanel.html …) in a new tab and waits for it to load. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  page: ExtensionPageName,
  query: Record<string, string | number> = {},
): Promise<Page> {
  const url = new URL(`chrome-extension://${extensionId}/${page}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  const tab = await context.newPage();
  await tab.goto(url.href, { waitUntil: 'load' });
  return tab;
}

type ChromeTab = { id?: number; url?: string; pendingUrl?: string };

async function allTabIds(browser: Pick<ExtensionBrowser, 'serviceWorker'>): Promise<number[]> {
  return browser.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<ChromeTab[]> } } }).chrome;
    return (await api.tabs.query({})).map((t) => t.id).filter((id): id is number => typeof id === 'number');
  });
}

const knownTabIds = new WeakMap<Page, number>();

/**
 * Opens a new tab, remembers its browser tab id (see tabIdOf) and, when `url` is given, navigates to it.
 * Use this instead of context.newPage() when a test needs the tab id (`?tabId=` for popup/side panel pages).
 */
export async function newTab(
  browser: Pick<ExtensionBrowser, 'serviceWorker' | 'context'>,
  url?: string,
): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await allTabIds(browser));
  const page = await browser.context.newPage();
  let tabId: number | undefined;
  for (let i = 0; i < 100 && tabId === undefined; i++) {
    tabId = (await allTabIds(browser)).find((id) => !before.has(id));
    if (tabId === undefined) await sleep(20);
  }
  if (tabId === undefined) throw new Error('newTab(): the new tab did not show up in chrome.tabs');
  knownTabIds.set(page, tabId);
  if (url) await page.goto(url);
  return { page, tabId };
}

/**
 * The browser's tab id for a page (for `?tabId=` on extension pages, or chrome.tabs calls in the service
 * worker). Known for pages opened with newTab(); otherwise found by URL, which the extension can only see on
 * origins it holds a host permission for (content-script matches do NOT grant that).
 */
export async function tabIdOf(browser: Pick<ExtensionBrowser, 'serviceWorker'>, page: Page): Promise<number> {
  const known = knownTabIds.get(page);
  if (known !== undefined) return known;
  const url = page.url();
  const id = await browser.serviceWorker.evaluate(async (u: string) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<ChromeTab[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u || t.pendingUrl === u)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`No tab id known for ${url}: open the page with newTab() to track its id`);
  return id;
}
