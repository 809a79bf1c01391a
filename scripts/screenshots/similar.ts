/**
 * Similar-texts screenshots (issue 12), in Chinese and English: the side panel's side-by-side of a paragraph that
 * page B copied from page A with edits, and the comparison of B with A (added and dropped mentions on top).
 * Runs in the session's browser (once per UI language) on the e2e test's two pages.
 */
import { newTab, selectText, startServer, waitForTifa } from '../../tests/e2e/harness';
import { EDITED, speechA, speechB } from '../../tests/e2e/similar-pages';
import { tifaUiCount } from '../../tests/e2e/tifa-ui';
import { type ScreenshotContext, type ScreenshotStep, VIEW_SIZES } from './session';

async function similarShots(ctx: ScreenshotContext): Promise<void> {
  const server = await startServer({ routes: { '/a.html': { body: speechA() }, '/b.html': { body: speechB() } } });
  const tifa = ctx.tifa;
  try {
    const { page: a } = await newTab(tifa, server.url('/a.html'));
    await waitForTifa(a);
    const { page: b, tabId } = await newTab(tifa, server.url('/b.html'));
    await waitForTifa(b);
    // The recurring paragraph is painted in Tifa's closed root (not a CSS highlight): read it there.
    for (let i = 0; i < 300 && !(await tifaUiCount(b, '.tifa-similars .l')); i++) await b.waitForTimeout(100);
    const panel = await tifa.context.newPage();
    await panel.setViewportSize(VIEW_SIZES['sidepanel.html']);
    await panel.goto(`chrome-extension://${tifa.extensionId}/sidepanel.html?tabId=${tabId}&tab=similar`);
    await panel.locator('.tifa-similar-pair del').first().waitFor({ timeout: 30_000 });
    await ctx.shot(panel, 'similar-side-by-side.png');
    await panel.locator('.tifa-similar-views button').nth(1).click();
    await panel.locator('.tifa-similar-compare option').first().waitFor({ state: 'attached', timeout: 30_000 });
    await panel.locator('.tifa-similar-compare > button').click();
    await panel.locator('section.tifa-compare-added').waitFor({ timeout: 30_000 });
    await ctx.shot(panel, 'similar-compare.png');
    // The 提法 trail, reached from the page index (This page tab) of B.
    await panel.goto(`chrome-extension://${tifa.extensionId}/sidepanel.html?tabId=${tabId}`);
    const entry = panel.locator('.tifa-index-list li', { hasText: '千村头雁' });
    await entry.waitFor({ timeout: 30_000 });
    await entry.hover();
    await entry.locator('.tifa-index-trail').click();
    await panel.locator('.tifa-similar-trail-list li').first().waitFor({ timeout: 30_000 });
    await ctx.shot(panel, 'similar-trail.png');
    // A clip of B's reused paragraph: its library row counts the history passages like it; the badge opens them.
    await b.bringToFront();
    await selectText(b, EDITED.slice(0, 150));
    await tifa.serviceWorker.evaluate(async (id: number) => {
      const api = (
        globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }
      ).chrome;
      return api.tabs.sendMessage(id, { tifa: 1, kind: 'clipping.clipSelection', payload: {} });
    }, tabId);
    await b.keyboard.press('Escape');
    await panel.goto(`chrome-extension://${tifa.extensionId}/sidepanel.html?tabId=${tabId}&tab=library`);
    const badge = panel.locator('.tifa-lib-similar-badge').first();
    await badge.waitFor({ timeout: 30_000 });
    await ctx.shot(panel, 'similar-library-badge.png');
    await badge.click();
    await panel.locator('.tifa-variants-list li').first().waitFor({ timeout: 30_000 });
    await ctx.shot(panel, 'similar-variants.png');
    await panel.close();
    await Promise.all([a.close(), b.close()]);
  } finally {
    await server.close();
  }
}

export const steps: ScreenshotStep[] = [
  {
    name: 'similar',
    description:
      'side panel, Similar tab: side-by-side of an edited copy, the comparison of B with A, a 提法 trail from the page index; library: similar-passage badge and variants',
    run: similarShots,
  },
];
