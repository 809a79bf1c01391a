/**
 * Screenshots of issue 13's page-side actions, in the session's UI language (the session runs once per language
 * and names the files): a mention's tooltip with "not a 提法 / hide this term" and "wrong category" (its category
 * list open), and a clip's hover card with its note and tags.
 */
import type { Page } from 'playwright-core';
import { newTab, selectText, waitForTifa } from '../../tests/e2e/harness';
import {
  clickClipButton,
  clickTifaUi,
  highlightPoint,
  tifaUiCount,
  textPoint,
  waitForTifaUi,
} from '../../tests/e2e/tifa-ui';
import type { ScreenshotContext, ScreenshotStep } from './session';

/** The tooltip's box with a margin of page around it (and the highlight it belongs to). */
async function around(
  page: Page,
  from: { x: number; y: number },
): Promise<{ x: number; y: number; width: number; height: number }> {
  const tip = await waitForTifaUi(page, '.tip', (el) => !el.hidden && el.box !== null);
  const box = tip.box!;
  const viewport = page.viewportSize() ?? { width: 1100, height: 800 };
  const x = Math.max(0, Math.min(from.x, box.x) - 60);
  const y = Math.max(0, Math.min(from.y, box.y) - 50);
  const right = Math.min(viewport.width, Math.max(from.x, box.x + box.width) + 60);
  const bottom = Math.min(viewport.height, box.y + box.height + 40);
  return { x, y, width: right - x, height: bottom - y };
}

/** Hovers the clip on `passage` where no mention lies over it (a mention there would win) until its card shows. */
async function hoverClip(page: Page, passage: string): Promise<{ x: number; y: number }> {
  for (const at of [0.05, 0.3, 0.6, 0.9]) {
    const point = (await textPoint(page, passage, at))!;
    await page.mouse.move(point.x, point.y);
    try {
      await waitForTifaUi(page, '.tip [data-action="edit"]', (el) => el.box !== null, 2_000);
      return point;
    } catch {
      await page.mouse.move(2, 2);
    }
  }
  throw new Error('the clip card did not show');
}

/** Opens the sample page in the session's browser; `en`: the UI language is English. */
async function onSample(ctx: ScreenshotContext, run: (page: Page, en: boolean) => Promise<void>) {
  const { page } = await newTab(ctx.tifa, ctx.server.url('/seed.html?actions'));
  try {
    await page.setViewportSize({ width: 1100, height: 800 });
    await waitForTifa(page);
    await run(page, await page.evaluate(() => navigator.language.startsWith('en')));
  } finally {
    await page.close();
  }
}

export const steps: ScreenshotStep[] = [
  {
    name: 'tooltip-actions',
    description: 'a mention\'s tooltip: "not a 提法 / hide this term" and "wrong category" with its categories',
    async run(ctx) {
      await onSample(ctx, async (page) => {
        const point = await highlightPoint(page, 'tifa-formulation', '两张皮');
        if (!point) throw new Error('no formulation 两张皮 on the sample page');
        await page.mouse.move(point.x, point.y);
        await waitForTifaUi(page, '.tip [data-action="wrong"]', (el) => el.box !== null);
        await clickTifaUi(page, '.tip [data-action="wrong"]');
        await waitForTifaUi(page, '.tip [data-category]', (el) => el.box !== null);
        await ctx.shot(page, 'tooltip-actions.png', { clip: await around(page, point) });
      });
    },
  },
  {
    name: 'clip-card',
    description: "a clip's hover card: its note and tags, with edit and delete",
    async run(ctx) {
      await onSample(ctx, async (page, en) => {
        const passage = '要把服务中心作为加强机关党建的核心';
        await selectText(page, passage);
        await clickClipButton(page);
        await page.keyboard.press('Escape'); // the note editor opened by Clip: this clip gets its note below
        while ((await tifaUiCount(page, '.tifa-clips .m')) === 0) await page.waitForTimeout(100);
        await page.evaluate(() => document.getSelection()?.removeAllRanges());
        const point = await hoverClip(page, passage);
        await page.keyboard.press('Tab'); // into the card: Edit
        await page.keyboard.press('Enter');
        await page.keyboard.type(en ? 'Quote in the May briefing' : '五月简报引用');
        await page.keyboard.press('Tab');
        await page.keyboard.type(en ? 'party building, briefing' : '党建，简报');
        await page.keyboard.press('Tab'); // Save
        await page.keyboard.press('Enter');
        await waitForTifaUi(page, '.tip [data-action="edit"]', (el) => el.box !== null);
        await page.mouse.move(point.x, point.y);
        await ctx.shot(page, 'clip-card.png', { clip: await around(page, point) });
      });
    },
  },
];
