/**
 * "Analyze this page" and "Always run on this site" in a real browser, on a host OUTSIDE the content-script
 * matches (www.example.org).
 *
 * Headless Chromium can neither click the toolbar action (which is what grants activeTab) nor answer a
 * permission prompt, so this file loads a test-only variant (the Chrome build, derived by testGrantExtensionDir)
 * that holds `*://*.example.org/*` in host_permissions. The shipped build stays least-privilege
 * (tests/unit/manifest.test.ts). What that means for coverage:
 * - "Analyze this page" runs the real popup code path (scripting.executeScript of the content script) but on
 *   the strength of the host permission, not of activeTab.
 * - "Always run on this site" runs the real permissions.request (resolves true without a prompt because the
 *   host is already held) and the real scripting.registerContentScripts; a reload is then marked on its own.
 * - "Stop running on this site" unregisters the script for real; giving the permission back cannot be tested
 *   here, because the browser refuses to remove a permission the manifest requires — the test asserts that
 *   refusal is shown and that the site is no longer marked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  highlightTexts,
  launchBrowser,
  newTab,
  OTHER_HOST,
  seedPageHtml,
  speechPageHtml,
  startServer,
  testGrantExtensionDir,
  waitForTifa,
  watchConsole,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

const locale = JSON.parse(readFileSync(join(__dirname, '..', '..', 'locales', 'reading.json'), 'utf8')) as Record<
  string,
  { en: string }
>;
const label = (key: string) => locale[key].en;

const SITE_PATTERN = `http://${OTHER_HOST}/*`;
const SITE_SCRIPT_ID = `tifa-site:${SITE_PATTERN}`;
/** The seed speech's gold outline has 24 items (tests/e2e/reading.test.ts checks them one by one). */
const SEED_SECTIONS = 24;
/** Long enough for the content script to have run at document_idle had it been injected. */
const NOT_RUNNING_WAIT_MS = 1_500;

let server: FixtureServer;
let tifa: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({
    host: OTHER_HOST,
    routes: {
      '/speech.html': { body: seedPageHtml() },
      '/notes.html': {
        body: speechPageHtml({
          title: '周末骑行路线推荐',
          paragraphs: ['从公园北门出发，沿河骑到湖边，全程大约二十公里。', '路上有两家咖啡店，记得带水和防晒。'],
          chrome: false,
        }),
      },
    },
  });
  tifa = await launchBrowser({ extensionDir: testGrantExtensionDir() });
});

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

const tifaMark = (page: Page) => page.evaluate(() => document.documentElement.dataset.tifa ?? null);
const sectionCount = async (page: Page) => (await highlightTexts(page, 'tifa-section')).length;
const registeredSiteScripts = () =>
  tifa.serviceWorker.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } };
      }
    ).chrome;
    return (await api.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith('tifa-site:'));
  });

async function expectNotRunning(page: Page): Promise<void> {
  await page.waitForTimeout(NOT_RUNNING_WAIT_MS);
  expect(await tifaMark(page)).toBeNull();
  expect(await sectionCount(page)).toBe(0);
}

describe('where Tifa runs outside its built-in sites (test-grant build)', () => {
  it('the loaded build holds example.org as a host, and the content-script matches do not cover it', async () => {
    const manifest = JSON.parse(readFileSync(join(testGrantExtensionDir(), 'manifest.json'), 'utf8')) as {
      host_permissions?: string[];
      content_scripts?: { matches: string[] }[];
    };
    expect(manifest.host_permissions).toEqual(['*://*.example.org/*']);
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.some((m) => m.includes('example.org') || m === '<all_urls>' || m.startsWith('*://*/'))).toBe(false);
  });

  it('analyzes on request, runs always once allowed, and stops again', async () => {
    const { page, tabId } = await newTab(tifa, server.url('/speech.html'));
    const console = watchConsole(page);
    // Not a built-in site: nothing runs by itself.
    await expectNotRunning(page);

    const popup = await tifa.openExtensionPage('popup.html', { tabId });
    const analyzeButton = popup.getByRole('button', { name: label('reading_analyzeThisPage') });
    const alwaysButton = popup.getByRole('button', { name: label('reading_alwaysRun') });
    const stopButton = popup.getByRole('button', { name: label('reading_stopRunning') });
    await expect.poll(() => popup.getByText(label('reading_notRunning')).count()).toBe(1);
    // The host is held, but nothing is registered for it: the popup must offer "Always run", not "Stop".
    await alwaysButton.waitFor();
    expect(await stopButton.count()).toBe(0);

    // "Analyze this page": the content script is injected once and marks the speech.
    await analyzeButton.click();
    expect(await waitForTifa(page)).toBe('policy');
    await expect.poll(() => sectionCount(page)).toBe(SEED_SECTIONS);
    await popup.getByRole('button', { name: label('reading_reanalyze') }).waitFor();
    expect(await registeredSiteScripts()).toEqual([]);

    // "Always run on this site": permission granted (no prompt: already held), script registered for the origin.
    await alwaysButton.click();
    await stopButton.waitFor();
    await popup.getByText(label('reading_grantedSite')).waitFor();
    const scripts = await registeredSiteScripts();
    expect(scripts.map((s) => s.id)).toEqual([SITE_SCRIPT_ID]);
    expect(scripts[0].matches).toEqual([SITE_PATTERN]);

    // A reload is marked without any click; so is another speech-less page of the site, as "other", untouched.
    await page.reload();
    expect(await waitForTifa(page)).toBe('policy');
    await expect.poll(() => sectionCount(page)).toBe(SEED_SECTIONS);
    const notes = await tifa.context.newPage();
    await notes.goto(server.url('/notes.html'));
    expect(await waitForTifa(notes)).toBe('other');
    expect(await sectionCount(notes)).toBe(0);
    await notes.close();

    // "Stop running on this site": the script is unregistered. The browser refuses to give back a permission
    // the (test) manifest requires; the popup says so and offers "Always run" again.
    await stopButton.click();
    await alwaysButton.waitFor();
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/required/i);
    expect(await registeredSiteScripts()).toEqual([]);
    await page.reload();
    await expectNotRunning(page);

    expect(console.errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
