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
];
