/**
 * Clipping screenshots in the session's UI language (the session names the files per language): the selection bar
 * next to a selected passage, the note editor after Clip, and the painted clip (underline and margin mark).
 */
import type { Page } from 'playwright-core';
import { newTab, selectText, waitForTifa, type ExtensionBrowser } from '../../tests/e2e/harness';
import { tifaUiElement, waitForClipButton, waitForTifaUi } from '../../tests/e2e/tifa-ui';
import type { ScreenshotContext, ScreenshotStep } from './session';

const PASSAGE = '村党支部书记是农村党组织核心作用发挥的关键，是农村改革发展的“领头雁”。';
const NOTE = { zh: '头雁：选、育、管三位一体', en: 'Village leaders: select, train, manage' };

/** The part of the page around the selection and Tifa's UI next to it. */
async function around(page: Page, extra = 0) {
  const box = await page.evaluate(() => {
    const r = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { y: r.top };
  });
  const y = Math.max(0, box.y - 140);
  return { x: 0, y, width: 1000, height: 300 + extra };
}

async function clipShots(ctx: ScreenshotContext, tifa: ExtensionBrowser, lang: 'zh' | 'en'): Promise<void> {
  const { page } = await newTab(tifa, ctx.server.url(`/seed.html?shots=${lang}`));
  await page.setViewportSize({ width: 1000, height: 760 });
  await waitForTifa(page);
  await selectText(page, PASSAGE);
  await waitForClipButton(page);
  await page.waitForTimeout(200);
  await ctx.shot(page, 'clipping-bar.png', { clip: await around(page) });
  const { box } = (await tifaUiElement(page, '.tifa-clip-button'))!;
  const clip = await around(page, 120);
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await waitForTifaUi(page, '.tifa-panel', (el) => el.box !== null);
  await page.keyboard.type(NOTE[lang]);
  await page.keyboard.press('Tab');
  await page.keyboard.type(lang === 'zh' ? '党建，头雁' : 'party building, leaders');
  await page.waitForTimeout(200);
  await ctx.shot(page, 'clipping-editor.png', { clip });
  await page.keyboard.press('Enter');
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await page.mouse.move(2, 2);
  await page.waitForTimeout(600);
  await ctx.shot(page, 'clipping-painted.png', { clip });
  await page.close();
}

export const steps: ScreenshotStep[] = [
  {
    name: 'clipping',
    description: 'selection bar, note editor and painted clip',
    async run(ctx) {
      const probe = await ctx.tifa.context.newPage();
      const en = await probe.evaluate(() => navigator.language.startsWith('en'));
      await probe.close();
      await clipShots(ctx, ctx.tifa, en ? 'en' : 'zh');
    },
  },
];
