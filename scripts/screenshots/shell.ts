/**
 * The extension shell's screenshots: the sample speech as the reader sees it, the popup and the side panel.
 * `npm start` (without a display) runs exactly these steps.
 */
import type { ScreenshotStep } from './session';

export const steps: ScreenshotStep[] = [
  {
    name: 'page',
    description: 'the sample speech on www.gov.cn, marked up by Tifa',
    async run(ctx) {
      const { page } = await ctx.openSample();
      await ctx.shot(page, 'page.png');
      await page.close();
    },
  },
  {
    name: 'popup',
    description: 'the popup for the sample speech',
    async run(ctx) {
      const { page: article, tabId } = await ctx.openSample();
      const popup = await ctx.openView('popup.html', tabId);
      await ctx.shot(popup, 'popup.png', { fullPage: true });
      await popup.close();
      await article.close();
    },
  },
  {
    name: 'sidepanel',
    description: 'the side panel ("This page") for the sample speech',
    async run(ctx) {
      const { page: article, tabId } = await ctx.openSample();
      const panel = await ctx.openView('sidepanel.html', tabId);
      await ctx.shot(panel, 'sidepanel.png');
      await panel.close();
      await article.close();
    },
  },
  {
    name: 'sidepanel-index',
    description:
      "the side panel's page index: programs, formulations, documents, meetings and targets, grouped and counted",
    async run(ctx) {
      const { page: article, tabId } = await ctx.openSample();
      const panel = await ctx.openView('sidepanel.html', tabId);
      const index = panel.locator('.tifa-page-index');
      await index.waitFor({ timeout: 5000 });
      // Below the sticky tabs, with the pointer on an entry (its "Clip passages" shows on hover).
      await index.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 44));
      await index.locator('.tifa-index-item').nth(2).hover();
      await ctx.shot(panel, 'sidepanel-index.png');
      await panel.close();
      await article.close();
    },
  },
  {
    name: 'sidepanel-identity',
    description: "the side panel's speech identity being edited (title, speaker, post, occasion, place, date)",
    async run(ctx) {
      const { page: article, tabId } = await ctx.openSample();
      const panel = await ctx.openView('sidepanel.html', tabId);
      await panel.locator('.tifa-identity .tifa-page-link').click();
      await panel.locator('.tifa-identity-form').waitFor({ timeout: 5000 });
      await ctx.shot(panel, 'sidepanel-identity.png', {
        clip: { x: 0, y: 0, width: 420, height: 420 },
      });
      await panel.close();
      await article.close();
    },
  },
  {
    name: 'options',
    description: 'the options page: the reader’s own rules, sites and corrections',
    async run(ctx) {
      const page = await ctx.tifa.context.newPage();
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(`chrome-extension://${ctx.tifa.extensionId}/options.html`, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      await ctx.shot(page, 'options.png');
      await page.close();
    },
  },
];
