/**
 * The extension shell in a real Chromium: the built extension loads, the content script runs the shared rule
 * set on pages of its sites (and only there), and the popup and side panel pages start without errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CORPUS_DIR,
  OTHER_HOST,
  PAGES_DIR,
  launchBrowser,
  newTab,
  seedPageHtml,
  startServer,
  waitForTifa,
  watchConsole,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

let server: FixtureServer;
let tifa: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({
    dir: PAGES_DIR,
    routes: {
      // A corpus negative: a resolution (决议) page from the central government portal, bytes as saved.
      '/gne__other_1.html': { body: readFileSync(join(CORPUS_DIR, 'html', 'gne__other_1.html')) },
    },
  });
  tifa = await launchBrowser();
});

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

describe('fixture pages', () => {
  it('seed.html is generated from the corpus seed (run tests/fixtures/pages/generate.ts if this fails)', () => {
    expect(readFileSync(join(PAGES_DIR, 'seed.html'), 'utf8')).toBe(seedPageHtml());
  });
});

describe('extension shell in Chromium', () => {
  it('loads the extension with its background service worker', async () => {
    expect(tifa.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await tifa.serviceWorker.evaluate(() => {
      const api = (
        globalThis as unknown as { chrome: { runtime: { getManifest(): { manifest_version: number; name: string } } } }
      ).chrome;
      return api.runtime.getManifest();
    });
    expect(manifest.manifest_version).toBe(3);
  });

  it('marks the seed speech served from www.gov.cn as policy', async () => {
    const page = await tifa.context.newPage();
    const log = watchConsole(page);
    await page.goto(server.url('/seed.html'));
    expect(await waitForTifa(page)).toBe('policy');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('marks a corpus negative (a gov.cn resolution page) as other', async () => {
    const page = await tifa.context.newPage();
    await page.goto(server.url('/gne__other_1.html'));
    expect(await page.title()).toContain('决议');
    expect(await waitForTifa(page)).toBe('other');
    await page.close();
  });

  it('does not run on sites outside its content-script matches', async () => {
    const outside = await tifa.context.newPage();
    await outside.goto(server.url('/seed.html', OTHER_HOST));
    // Load a matched page after it and wait for that one: by then a content script on the first page would
    // have run too (both run at document_idle).
    const inside = await tifa.context.newPage();
    await inside.goto(server.url('/seed.html'));
    await waitForTifa(inside);
    expect(await outside.evaluate(() => document.documentElement.dataset.tifa ?? null)).toBeNull();
    await outside.close();
    await inside.close();
  });

  for (const name of ['popup.html', 'sidepanel.html']) {
    it(`opens ${name} without console errors`, async () => {
      // The page the popup / side panel describe (convention: extension pages opened as tabs take ?tabId=).
      const { page: article, tabId } = await newTab(tifa, server.url('/seed.html'));
      const page = await tifa.context.newPage();
      const log = watchConsole(page);
      await page.goto(`chrome-extension://${tifa.extensionId}/${name}?tabId=${tabId}`);
      await page.waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0);
      // Give asynchronous start-up work (messages to the tab, storage, IndexedDB) a moment to fail loudly.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      expect(log.errors).toEqual([]);
      await page.close();
      await article.close();
    });
  }
});
