/**
 * The reviewing area's screenshots: this page's clips in the popup, and the side panel Library — the list by
 * speech, a two-character search, the filters, the inline editor, and the dark colour scheme. Runs after the
 * clipping steps in the same profile; on its own it clips a passage of the sample speech first, and it adds a
 * demo library generated from the corpus (importing it again adds nothing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CORPUS_DIR, selectText, sendRawMessage } from '../../tests/e2e/harness';
import { generateLibrary, makeClip } from '../../tests/fixtures/reviewing/clips';
import type { Clip } from '../../lib/clips/types';
import type { ScreenshotContext, ScreenshotStep } from './session';
import { storedClips } from '../../tests/e2e/tifa-ui';

const PASSAGE =
  '村党支部书记是农村党组织核心作用发挥的关键，是农村改革发展的“领头雁”。要坚持选、育、管“三位一体”，实施“千村头雁”培育工程，建强村党组织带头人队伍。';

/** A formulation that recurs word for word in the 19th and 20th Party Congress reports. */
const RECURRING = '文明交流超越文明隔阂';

/** Clips of the paragraph carrying RECURRING in each congress report, so "similar passages" has something to show. */
function recurringClips(): Clip[] {
  return (['19', '20'] as const).map((n, i) => {
    const text = readFileSync(join(CORPUS_DIR, 'pos', `cpccongress__${n}.txt`), 'utf8')
      .split('\n')
      .find((p) => p.includes(RECURRING));
    if (!text) throw new Error(`cpccongress__${n}.txt lacks the recurring passage`);
    const created = Date.UTC(2024, 9, 1 + i);
    return makeClip({
      id: `20000000-0000-4000-8000-00000000000${i}`,
      text: text.trim(),
      url: `https://www.news.cn/politics/cpc${n}/report.htm`,
      site: 'www.news.cn',
      title: `中国共产党第${n === '19' ? '十九' : '二十'}次全国代表大会报告`,
      speechTitle: `在中国共产党第${n === '19' ? '十九' : '二十'}次全国代表大会上的报告`,
      speechDate: n === '19' ? '2017-10-18' : '2022-10-16',
      created,
      updated: created,
      tags: ['外交'],
      color: 'blue',
      outlinePath: [{ marker: n === '19' ? '十二、' : '十四、', title: '推动构建人类命运共同体' }],
    });
  });
}

/** Makes sure the sample page has a clip (clipping it with the floating button) and the library has demo clips. */
async function prepare(ctx: ScreenshotContext): Promise<{ article: Page; tabId: number }> {
  const { page: article, tabId } = await ctx.openSample();
  const panel = await ctx.openView('sidepanel.html', tabId);
  const pageUrl = article.url();
  const onPage = (await storedClips<{ url: string }>(panel)).filter((c) => pageUrl.startsWith(c.url));
  if (onPage.length === 0) {
    await selectText(article, PASSAGE);
    // What the context menu item and Alt+Shift+S do: the background asks the tab to clip its selection.
    const reply = (await ctx.tifa.serviceWorker.evaluate(async (id: number) => {
      const api = (
        globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }
      ).chrome;
      return api.tabs.sendMessage(id, { tifa: 1, kind: 'clipping.clipSelection', payload: {} });
    }, tabId)) as { ok: boolean; error?: string };
    if (!reply.ok) ctx.warnings.push(`reviewing: could not clip the sample passage: ${reply.error}`);
  }
  await sendRawMessage(panel, 'clips.import', { clips: [...generateLibrary(160, 3), ...recurringClips()] });
  await panel.close();
  return { article, tabId };
}

async function openLibrary(ctx: ScreenshotContext, tabId: number): Promise<Page> {
  const panel = await ctx.openView('sidepanel.html', tabId);
  await panel.getByRole('tab', { name: /摘录库|Library/ }).click();
  await panel.waitForSelector('.tifa-lib[data-loaded="complete"]');
  await panel.waitForTimeout(200);
  return panel;
}

export const steps: ScreenshotStep[] = [
  {
    name: 'reviewing-popup',
    description: 'the popup: the clips on this page, in reading order',
    async run(ctx) {
      const { article, tabId } = await prepare(ctx);
      const popup = await ctx.openView('popup.html', tabId);
      await popup
        .locator('.tifa-popup-clip')
        .first()
        .waitFor({ timeout: 5_000 })
        .catch(() => ctx.warnings.push('reviewing: the popup shows no clip'));
      await ctx.shot(popup, 'reviewing-popup.png', { fullPage: true });
      await popup.close();
      await article.close();
    },
  },
  {
    name: 'reviewing-library',
    description: 'the side panel Library: clips grouped by speech, with outline paths, notes and tags',
    async run(ctx) {
      const { article, tabId } = await prepare(ctx);
      const panel = await openLibrary(ctx, tabId);
      await ctx.shot(panel, 'reviewing-library.png');
      await panel.emulateMedia({ colorScheme: 'dark' });
      await ctx.shot(panel, 'reviewing-library-dark.png');
      await panel.close();
      await article.close();
    },
  },
  {
    name: 'reviewing-search',
    description: 'searching the library as you type: a two-character query, matches highlighted',
    async run(ctx) {
      const { article, tabId } = await prepare(ctx);
      const panel = await openLibrary(ctx, tabId);
      await panel.locator('input[type="search"]').fill('头雁');
      await panel.waitForTimeout(200);
      await ctx.shot(panel, 'reviewing-search.png');
      await panel.locator('input[type="search"]').fill('乡村振兴');
      await panel.getByRole('button', { name: /按日期|By date/ }).click();
      await panel.waitForTimeout(200);
      await ctx.shot(panel, 'reviewing-search-by-date.png');
      await panel.close();
      await article.close();
    },
  },
  {
    name: 'reviewing-filters',
    description: 'filters with counts (site, speech, tag, colour, mentions, date) combined with a search',
    async run(ctx) {
      const { article, tabId } = await prepare(ctx);
      const panel = await openLibrary(ctx, tabId);
      await panel.getByRole('button', { name: /^(筛选|Filters)/ }).click();
      await panel.locator('[data-facet="tag"] input').first().check();
      await panel.locator('[data-facet="color"] input').nth(1).check();
      await panel.waitForTimeout(200);
      await ctx.shot(panel, 'reviewing-filters.png');
      await panel.close();
      await article.close();
    },
  },
  {
    name: 'reviewing-edit',
    description:
      'editing a clip inline (note, tags with completion, colour), and passages that recur in other speeches',
    async run(ctx) {
      const { article, tabId } = await prepare(ctx);
      const panel = await openLibrary(ctx, tabId);
      await panel.getByRole('button', { name: /按日期|By date/ }).click();
      await panel.locator('.tifa-lib-clip .tifa-lib-actions button').first().click();
      await panel.locator('.tifa-lib-editor textarea').fill('与“三位一体”的选育管机制对照阅读');
      await panel.waitForTimeout(200);
      await ctx.shot(panel, 'reviewing-edit.png');
      await panel.getByRole('button', { name: /^(完成|Done)$/ }).click();
      await panel.locator('input[type="search"]').fill(RECURRING);
      await panel.getByRole('button', { name: /按讲话|By speech/ }).click();
      await panel.locator('.tifa-lib-clip .tifa-lib-actions button').nth(1).click();
      await panel
        .locator('.tifa-lib-similar-list, .tifa-lib-dialog .tifa-lib-empty-small:not([aria-busy])')
        .first()
        .waitFor({ timeout: 20_000 });
      await ctx.shot(panel, 'reviewing-similar.png');
      await panel.close();
      await article.close();
    },
  },
];
