import { browser } from 'wxt/browser';
import { POLICY_HOST_MATCHES } from '../sites';

/**
 * Where Tifa runs, least privilege first:
 * - the built-in government and state-media hosts (content-script matches in the manifest);
 * - any page, once, when the reader clicks "Analyze this page" in the popup (activeTab + scripting);
 * - a site the reader chose with "Always run on this site": its origin is requested from the optional host
 *   permissions at that moment and the content script is registered for it; "Stop" revokes both.
 */

/** The content script file WXT builds from entrypoints/content.ts. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
const SITE_SCRIPT_PREFIX = 'tifa-site:';

/** The match pattern for a page's site (`https://example.org/*`, any port), or null for non-web pages. */
export function sitePattern(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Whether a match pattern like `*://*.gov.cn/*` covers a URL (scheme and host only: our patterns use `/*`). */
export function patternMatches(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\/\*$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (m[1] === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== m[1]) return false;
  const host = m[2];
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return u.hostname === base || u.hostname.endsWith('.' + base);
  }
  return u.hostname === host;
}

/** True when Tifa runs on this URL by default (a built-in government or state-media host). */
export function isBuiltInSite(url: string | undefined): boolean {
  return !!url && POLICY_HOST_MATCHES.some((p) => patternMatches(p, url));
}

export function siteScriptId(pattern: string): string {
  return SITE_SCRIPT_PREFIX + pattern;
}

export async function hasSitePermission(url: string): Promise<boolean> {
  const pattern = sitePattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/** Whether this site's content script is registered ("Always run on this site" is in effect for it). */
export async function hasSiteScript(url: string): Promise<boolean> {
  const pattern = sitePattern(url);
  if (!pattern) return false;
  const scripts = await browser.scripting.getRegisteredContentScripts({ ids: [siteScriptId(pattern)] });
  return scripts.length > 0;
}

/**
 * Whether Tifa runs on this site because the reader chose it: the host permission AND the registered script.
 * The permission alone is not enough: the browser can grant a host by other routes (its own site-access menu,
 * a host already held by the manifest), and then nothing is registered and the page stays unmarked, so the
 * popup must keep offering "Always run on this site" rather than claim it already runs.
 */
export async function isSiteAlwaysOn(url: string): Promise<boolean> {
  try {
    return (await hasSitePermission(url)) && (await hasSiteScript(url));
  } catch {
    return false;
  }
}

/**
 * Asks the reader for this site. Must be called synchronously from the click handler (browsers only show a
 * permission prompt during a user gesture), before any await.
 */
export function requestSitePermission(url: string): Promise<boolean> {
  const pattern = sitePattern(url);
  if (!pattern) return Promise.reject(new Error(`Not a web page: ${url}`));
  return browser.permissions.request({ origins: [pattern] });
}

/** Registers the content script for a granted site (idempotent). */
export async function registerSiteScript(url: string): Promise<void> {
  const pattern = sitePattern(url);
  if (!pattern) throw new Error(`Not a web page: ${url}`);
  const id = siteScriptId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) return;
  await browser.scripting.registerContentScripts([
    { id, matches: [pattern], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/**
 * "Always run on this site": the permission request comes first, synchronously in the click handler; the
 * content script is registered once granted. Resolves to whether the reader granted it.
 */
export function alwaysRunOnSite(url: string): Promise<boolean> {
  const asked = requestSitePermission(url);
  return asked.then(async (granted) => {
    if (granted) await registerSiteScript(url);
    return granted;
  });
}

/** "Stop running on this site": unregisters the script and gives the permission back. */
export async function revokeSite(url: string): Promise<void> {
  const pattern = sitePattern(url);
  if (!pattern) return;
  const id = siteScriptId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.permissions.remove({ origins: [pattern] });
}

/**
 * Keeps registered site scripts in step with the permissions: a site whose permission the reader removed in
 * the browser's own settings loses its script. Called from the background on start-up and on permission removal.
 */
export async function syncSiteScripts(): Promise<void> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  const stale: string[] = [];
  for (const s of scripts) {
    if (!s.id.startsWith(SITE_SCRIPT_PREFIX)) continue;
    const pattern = s.id.slice(SITE_SCRIPT_PREFIX.length);
    const granted = await browser.permissions.contains({ origins: [pattern] }).catch(() => false);
    if (!granted) stale.push(s.id);
  }
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
}

/** Background wiring: one call in entrypoints/background.ts. */
export function registerSitePermissionSync(): void {
  const sync = () => syncSiteScripts().catch((err: unknown) => console.warn('[tifa] site script sync failed:', err));
  browser.permissions.onRemoved.addListener(sync);
  void sync();
}

/**
 * "Analyze this page" on a page outside the built-in sites: injects the content script once into the active
 * tab. Works through activeTab, which the browser grants when the reader opens the popup on that tab.
 */
export async function analyzeThisPage(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}
