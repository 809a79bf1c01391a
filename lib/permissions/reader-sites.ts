import { browser } from 'wxt/browser';
import { siteScriptId } from './sites';

/**
 * The sites the reader added with "Always run on this site", as the options page lists them: one per
 * registered site script (whose id carries the site's match pattern). Removing one unregisters the script and
 * gives the host permission back, exactly like "Stop" in the popup.
 */
const PREFIX = siteScriptId('');

export async function listReaderSites(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return scripts
    .map((s) => s.id)
    .filter((id) => id.startsWith(PREFIX))
    .map((id) => id.slice(PREFIX.length))
    .sort();
}

export async function removeReaderSite(pattern: string): Promise<void> {
  const id = siteScriptId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.permissions.remove({ origins: [pattern] });
}
