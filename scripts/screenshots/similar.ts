/**
 * Similar-texts screenshots (issue 12), in Chinese and English: the side panel's side-by-side of a paragraph that
 * page B copied from page A with edits, and the comparison of B with A (added and dropped mentions on top).
 * Each language gets its own browser (the UI language is fixed at launch) and the e2e test's two pages.
 */
import { launchBrowser, newTab, startServer, waitForTifa } from '../../tests/e2e/harness';
import { speechA, speechB } from '../../tests/e2e/similar-pages';
import { type ScreenshotContext, type ScreenshotStep, VIEW_SIZES } from './session';

async function similarShots(ctx: ScreenshotContext, locale: 'zh-CN' | 'en-US', suffix: string): Promise<void> {
  const server = await startServer({ routes: { '/a.html': { body: speechA() }, '/b.html': { body: speechB() } } });
  const tifa = await launchBrowser({ locale, viewport: { width: 1000, height: 900 } });
  try {
    const { page: a } = await newTab(tifa, server.url('/a.html'));
    await waitForTifa(a);
    const { page: b, tabId } = await newTab(tifa, server.url('/b.html'));
    await waitForTifa(b);
    await b.waitForFunction(() => (CSS.highlights.get('tifa-similar')?.size ?? 0) > 0, undefined, { timeout: 30_000 });
    const panel = await tifa.context.newPage();
    await panel.setViewportSize(VIEW_SIZES['sidepanel.html']);
    await panel.goto(`chrome-extension://${tifa.extensionId}/sidepanel.html?tabId=${tabId}&tab=similar`);
    await panel.locator('.tifa-similar-pair del').first().waitFor({ timeout: 30_000 });
    await ctx.shot(panel, `similar-side-by-side.${suffix}.png`);
    await panel.locator('.tifa-similar-views button').nth(1).click();
    await panel.locator('.tifa-similar-compare option').first().waitFor({ state: 'attached', timeout: 30_000 });
    await panel.locator('.tifa-similar-compare > button').click();
    await panel.locator('section.tifa-compare-added').waitFor({ timeout: 30_000 });
    await ctx.shot(panel, `similar-compare.${suffix}.png`);
  } finally {
    await tifa.close();
    await server.close();
  }
}

export const steps: ScreenshotStep[] = [
  {
    name: 'similar-zh',
    description: 'side panel, Similar tab (Chinese): side-by-side of an edited copy, then the comparison of B with A',
    run: (ctx) => similarShots(ctx, 'zh-CN', 'zh_CN'),
  },
  {
    name: 'similar-en',
    description: 'side panel, Similar tab (English): side-by-side of an edited copy, then the comparison of B with A',
    run: (ctx) => similarShots(ctx, 'en-US', 'en'),
  },
];
