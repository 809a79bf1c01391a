/**
 * Shared end-to-end harness: serves fixture pages from 127.0.0.1 under gov.cn-style host names and drives the
 * built Chrome extension in Debian's Chromium (playwright-core). Every e2e test, `npm start`, `npm run
 * screenshots` and the browser benches use it, so keep the exported API stable.
 *
 *   const server = await startServer({ dir: PAGES_DIR });          // or startServer(PAGES_DIR) / ({ routes })
 *   const tifa = await launchBrowser();                             // extension loaded, hosts mapped
 *   const page = await tifa.context.newPage();
 *   await page.goto(server.url('/seed.html'));                      // http://www.gov.cn:<port>/seed.html
 *   expect(await waitForTifa(page)).toBe('policy');
 *   const { page: article, tabId } = await newTab(tifa, server.url('/seed.html'));   // when the tab id is needed
 *   const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });         // convention: ?tabId=
 *   await tifa.close(); await server.close();
 *
 * No outside network: `--host-resolver-rules` maps the test hosts to 127.0.0.1 and everything else fails to
 * resolve. The extension is loaded from `.output/chrome-mv3` (built by `npm test` before vitest runs); set
 * TIFA_EXTENSION_DIR to load a private copy instead (useful while others rebuild `.output`).
 */
// The harness is split by job under tests/e2e/support/; this module keeps every name it ever exported.
export * from './support/paths';
export * from './support/server';
export * from './support/browser';
export * from './support/page-helpers';
export * from './support/pages';
