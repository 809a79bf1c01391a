/**
 * Firefox end-to-end harness: Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core, with the
 * Firefox build (.output/firefox-mv3, `npm run build:firefox`) installed as a temporary add-on.
 *
 *   const server = await startServer({ dir: PAGES_DIR });         // the Chromium harness's fixture server
 *   const fx = await launchFirefox(server);                        // Firefox proxies every http request to it
 *   const { page, tabId } = await fx.newTab(server.url('/seed.html'));   // http://www.gov.cn:<port>/seed.html
 *   const panel = await fx.openExtensionPage('sidepanel.html', { tabId });
 *   await fx.close(); await server.close();
 *
 * Host names: the fixture server doubles as Firefox's HTTP proxy (`network.proxy.*` prefs), so pages load under
 * the government host names the content script matches while everything stays on 127.0.0.1. The add-on's
 * moz-extension:// UUID is fixed by the `extensions.webextensions.uuids` pref, so popup and side panel pages
 * open as tabs (`--remote-allow-system-access` lets BiDi drive those pages).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT, type FixtureServer } from '../e2e/harness';

export * from './tifa-ui';

export const FIREFOX_PATH = process.env.TIFA_FIREFOX ?? '/usr/bin/firefox-esr';
/** Any fixed UUID: it makes moz-extension://<uuid>/popup.html a known address. */
export const EXTENSION_UUID = '5e0f7a1c-3b2d-4c8e-9a61-7d4b2f0c9e13';

/** Directory of the Firefox build the harness installs; TIFA_FIREFOX_EXTENSION_DIR loads a private copy. */
export function firefoxExtensionDir(): string {
  return resolve(process.env.TIFA_FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output', 'firefox-mv3'));
}

/** The add-on id of the build (browser_specific_settings.gecko.id, set in wxt.config.ts). */
export function addonId(dir = firefoxExtensionDir()): string {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`No Firefox build at ${dir}. Run \`npm run build:firefox\` first (\`npm test\` does this).`);
  }
  const id = JSON.parse(readFileSync(file, 'utf8'))?.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${file} has no browser_specific_settings.gecko.id`);
  return id;
}

/** Prefs for a quiet, offline test profile that sends every http request to the fixture server. */
export function firefoxPrefs(proxyPort: number, id: string): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
    // The fixture server is the proxy: any host name reaches it, localhost included.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.share_proxy_settings': false,
    // No outside network on the test machine: keep Firefox from trying (and from waiting on it).
    'app.update.enabled': false,
    'app.update.auto': false,
    'app.normandy.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'services.settings.server': 'http://127.0.0.1:9/remote-settings-disabled',
    'extensions.getAddons.cache.enabled': false,
    'extensions.update.enabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.enabled': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'intl.locale.requested': 'en-US',
  };
}

export interface FirefoxTab {
  page: Page;
  tabId: number;
}

export interface FirefoxWithTifa {
  browser: Browser;
  uuid: string;
  /** Opens an extension page (popup.html, sidepanel.html …) in a new tab and waits until it has loaded. */
  openExtensionPage(name: string, query?: Record<string, string | number>): Promise<Page>;
  /** Opens `url` in a new tab and returns it with its browser tab id (for `?tabId=` on extension pages). */
  newTab(url: string): Promise<FirefoxTab>;
  /**
   * Presses one of the extension's keyboard shortcuts (manifest `commands`) in the browser window, as the reader
   * does: the same <key> element Firefox registers for it fires, so the command also grants activeTab. Synthetic
   * key events sent to a page never reach the browser's own shortcuts, hence the window-level command.
   */
  pressShortcut(command: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches Firefox ESR headless with the Firefox build installed and `server` as its proxy. */
export async function launchFirefox(server: FixtureServer, dir = firefoxExtensionDir()): Promise<FirefoxWithTifa> {
  const id = addonId(dir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: firefoxPrefs(server.port, id),
    protocolTimeout: 120_000,
  });
  try {
    const installed = await browser.installExtension(dir);
    if (installed !== id) throw new Error(`installed add-on ${installed}, expected ${id}`);
    // One extension page kept open to ask the tabs API for ids (every tab's id is visible without permissions).
    const control = await openPage(browser, `moz-extension://${EXTENSION_UUID}/popup.html`);
    const tabIds = () =>
      control.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number }[]> } } })
          .browser;
        return (await api.tabs.query({})).map((t) => t.id ?? -1);
      });
    return {
      browser,
      uuid: EXTENSION_UUID,
      openExtensionPage: (name, query = {}) => {
        const url = new URL(`moz-extension://${EXTENSION_UUID}/${name}`);
        for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
        return openPage(browser, url.href);
      },
      newTab: async (url) => {
        const before = new Set(await tabIds());
        const page = await browser.newPage();
        let tabId: number | undefined;
        for (let tries = 0; tries < 100 && tabId === undefined; tries++) {
          tabId = (await tabIds()).find((t) => !before.has(t));
          if (tabId === undefined) await sleep(50);
        }
        if (tabId === undefined) throw new Error('newTab(): the new tab did not show up in browser.tabs');
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        return { page, tabId };
      },
      pressShortcut: (command) => pressShortcut(browser, dir, command),
      close: () => browser.close(),
    };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** The part of puppeteer's BiDi connection used to reach the browser window (chrome scope). */
interface BidiSend {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

async function pressShortcut(browser: Browser, dir: string, command: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const shortcut: string | undefined = manifest.commands?.[command]?.suggested_key?.default;
  if (!shortcut) throw new Error(`the manifest has no suggested key for command ${command}`);
  const key = shortcut.split('+').pop()!;
  // Firefox names the add-on's keyset after its id (ExtensionShortcuts: makeWidgetId).
  const keyset = `ext-keyset-id-${addonId(dir)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '_')}`;
  const connection = (browser as unknown as { connection: BidiSend }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string }[];
  };
  const windowContext = tree.contexts[0]?.context;
  if (!windowContext) throw new Error('no browser window found (is --remote-allow-system-access set?)');
  const expression = `(() => {
    const keys = [...(document.getElementById(${JSON.stringify(keyset)})?.querySelectorAll('key') ?? [])]
      .filter((k) => (k.getAttribute('key') ?? '').toUpperCase() === ${JSON.stringify(key.toUpperCase())});
    if (keys.length !== 1) return 'found ' + keys.length + ' keys';
    keys[0].dispatchEvent(new Event('command'));
    return 'ok';
  })()`;
  const reply = (
    await connection.send('script.evaluate', { expression, target: { context: windowContext }, awaitPromise: false })
  ).result as {
    result?: { value?: unknown };
  };
  if (reply.result?.value !== 'ok')
    throw new Error(`shortcut ${shortcut} (${command}) not pressed: ${JSON.stringify(reply)}`);
}

/**
 * Opens a URL in a new tab. puppeteer's goto() never sees a moz-extension:// navigation finish over BiDi (the
 * page loads; the navigation event is not reported), so start it and wait for the document itself.
 */
async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await page.evaluate(() => [location.href, document.readyState] as const).catch(() => null);
    if (state && state[0] === url && state[1] === 'complete') return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load within 60 s (at ${state?.[0] ?? 'unknown'})`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the content script has analysed the page and returns `<html data-tifa>` ('policy' | 'other'). */
export async function waitForTifa(page: Page, timeout = 30_000): Promise<string> {
  const handle = await page.waitForFunction(() => document.documentElement.dataset.tifa || null, {
    timeout,
    polling: 50,
  });
  return (await handle.jsonValue()) as string;
}

/**
 * Selects `text` in the page as a reader's drag would (it must lie inside one text node), after scrolling it
 * into view. Throws when the page does not contain it.
 */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(needle);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`text not found on the page: ${needle.slice(0, 20)}`);
  }, text);
}

/** Waits until an extension page's body text matches `text`; returns that text. */
export async function waitForText(page: Page, text: RegExp, timeout = 30_000): Promise<string> {
  const handle = await page.waitForFunction(
    (source: string, flags: string) =>
      new RegExp(source, flags).test(document.body?.innerText ?? '') ? document.body.innerText : null,
    { timeout, polling: 100 },
    text.source,
    text.flags,
  );
  return (await handle.jsonValue()) as string;
}
