/**
 * Reading screenshots: the marked-up speech (light and dark page), the tooltip on a formulation, the side panel's
 * outline, and the popup's verdict, counts and toggles.
 */
import type { Page } from 'playwright-core';
import type { ScreenshotStep } from './session';
import { waitForTifaUi } from '../../tests/e2e/tifa-ui';

/** Scrolls the first painted range of a highlight whose text contains `needle` to mid-screen; returns its box. */
async function revealHighlight(
  page: Page,
  name: string,
  needle: string,
): Promise<{ x: number; y: number; width: number; height: number } | null> {
  return page.evaluate(
    ([n, text]) => {
      const h = CSS.highlights.get(n);
      if (!h) return null;
      // (No named helper functions in here: the TypeScript loader would wrap them in a helper the page lacks.)
      const ranges = [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range;
      });
      const range = ranges.find((r) => r.toString().includes(text)) ?? ranges[0];
      if (!range) return null;
      const top = range.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - innerHeight / 2));
      const rect = range.getClientRects()[0];
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    },
    [name, needle] as const,
  );
}

export const steps: ScreenshotStep[] = [
  {
    name: 'reading-page',
    description: 'the outline and named things highlighted in the sample speech (section 二、 with 第一， / 一要)',
    async run(ctx) {
      const { page, verdict } = await ctx.openSample();
      if (verdict !== 'policy') ctx.warnings.push(`reading-page: sample page is ${verdict}`);
      await revealHighlight(page, 'tifa-section', '二、坚持分类施策');
      await page.waitForTimeout(200);
      await ctx.shot(page, 'reading-page.png');
      await page.close();
    },
  },
  {
    name: 'reading-dark',
    description: 'the same highlights on a dark page (translucent tints keep the text legible)',
    async run(ctx) {
      const { page } = await ctx.openSample();
      await page.addStyleTag({
        content:
          'html, body { background: #15171a !important; color: #e4e6ea !important; } .nav, .footer { background: #23262b !important; }',
      });
      await revealHighlight(page, 'tifa-section', '二、坚持分类施策');
      await page.waitForTimeout(200);
      await ctx.shot(page, 'reading-dark.png');
      await page.close();
    },
  },
  {
    name: 'reading-tooltip',
    description: 'the tooltip on a formulation: category, rule and glossary expansion',
    async run(ctx) {
      const { page } = await ctx.openSample();
      const box = await revealHighlight(page, 'tifa-formulation', '四个全面');
      if (!box) throw new Error('no formulation highlighted on the sample page');
      await page.mouse.move(box.x + Math.min(10, box.width / 2), box.y + box.height / 2);
      await waitForTifaUi(page, '.tip', (el) => !el.hidden);
      const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
      const clip = {
        x: Math.max(0, box.x - 240),
        y: Math.max(0, box.y - 120),
        width: Math.min(720, viewport.width - Math.max(0, box.x - 240)),
        height: Math.min(320, viewport.height - Math.max(0, box.y - 120)),
      };
      await ctx.shot(page, 'reading-tooltip.png', { clip });
      await page.close();
    },
  },
  {
    name: 'reading-sidepanel',
    description: 'the side panel\'s "This page": verdict with reasons and the outline tree',
    async run(ctx) {
      const { page: article, tabId } = await ctx.openSample();
      const panel = await ctx.openView('sidepanel.html', tabId);
      await panel.locator('.tifa-page-item').first().waitFor({ timeout: 5000 });
      await ctx.shot(panel, 'reading-sidepanel.png');
      await panel.close();
      await article.close();
    },
  },
  {
    name: 'reading-popup',
    description: 'the popup: verdict, counts by category (the colour legend), toggles and actions',
    async run(ctx) {
      const { page: article, tabId } = await ctx.openSample();
      const popup = await ctx.openView('popup.html', tabId);
      await popup.locator('.tifa-page-legend').waitFor({ timeout: 5000 });
      await ctx.shot(popup, 'reading-popup.png', { fullPage: true });
      await popup.close();
      await article.close();
    },
  },
];
