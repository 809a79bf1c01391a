/**
 * Issue 12's trail and library counts in Chromium with the built extension: after reading speech A and speech B
 * (B reuses one of A's paragraphs), the 提法 trail of a program opens in the side panel from a mention's tooltip
 * (a real click on its "across speeches" action) and from the side panel's page index; a clip of B's reused
 * paragraph shows in the library how many history passages resemble it, and that badge opens the variants.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  type FixtureServer,
  launchBrowser,
  newTab,
  selectText,
  sendMessage,
  startServer,
  waitForTifa,
} from './harness';
import { A_TITLE, EDITED, speechA, speechB } from './similar-pages';
import { clickTifaUi, highlightPoint, paintedOver, waitForTifaUi } from './tifa-ui';

const B_TITLE = '在全县组织工作会议上的讲话';
let server: FixtureServer;
let tifa: ExtensionBrowser;
let ext: Page;
let b: Page;
let bTab: number;

beforeAll(async () => {
  server = await startServer({ routes: { '/a.html': { body: speechA() }, '/b.html': { body: speechB(B_TITLE) } } });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 900 } });
  ext = await tifa.openExtensionPage('options.html');
  const { page: a } = await newTab(tifa, server.url('/a.html'));
  expect(await waitForTifa(a)).toBe('policy');
}, 180_000);

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

/** The trail shown in a side panel: the searched term and the speeches listed. */
async function shownTrail(panel: Page): Promise<{ query: string; speeches: string[] }> {
  const list = panel.locator('.tifa-similar-trail-list li strong');
  await list.first().waitFor({ timeout: 30_000 });
  return {
    query: await panel.locator('.tifa-similar-trail input').inputValue(),
    speeches: await list.allTextContents(),
  };
}

const pages = async () => (await sendMessage<{ pages: unknown[] }>(ext, 'history.list', {})).pages.length;

describe('the 提法 trail', () => {
  it('reads A, then B, which is marked against A; both are recorded', { timeout: 120_000 }, async () => {
    await expect.poll(pages, { timeout: 30_000 }).toBe(1);
    ({ page: b, tabId: bTab } = await newTab(tifa, server.url('/b.html')));
    expect(await waitForTifa(b)).toBe('policy');
    // Recurring paragraphs are painted as boxes in Tifa's closed root (reading history stays out of CSS.highlights).
    await expect.poll(() => paintedOver(b, [EDITED], '.tifa-similars'), { timeout: 30_000 }).toEqual([EDITED]);
    await expect.poll(pages, { timeout: 30_000 }).toBe(2);
  });

  it("opens from a mention's tooltip: its action opens the side panel on the program's trail", {
    timeout: 120_000,
  }, async () => {
    // The side panel is open beside the page, as a reader has it: the click's request reaches it as a broadcast.
    // (A panel opened after the click takes the request from the background once; Chrome's own side panel,
    // which the click also opens, may take it first, so a second page opened here would find nothing.)
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId: bTab });
    await panel.locator('#tifa-tab-similar').waitFor();
    await b.bringToFront();
    const point = await highlightPoint(b, 'tifa-program', '千村头雁');
    expect(point, 'the program is painted on B').not.toBeNull();
    await b.mouse.move(point!.x - 40, point!.y - 30);
    await b.mouse.move(point!.x, point!.y, { steps: 3 });
    await waitForTifaUi(b, '.tip', (el) => !el.hidden && el.text.includes('千村头雁'));
    await clickTifaUi(b, '.tip [data-action="trail"]');
    await waitForTifaUi(b, '.tip', (el) => el.hidden);
    const trail = await shownTrail(panel);
    expect(trail.query).toContain('千村头雁');
    expect(trail.speeches).toEqual(expect.arrayContaining([A_TITLE, B_TITLE]));
    expect(await panel.locator('#tifa-tab-similar').getAttribute('aria-selected')).toBe('true');
    await panel.close();
  });

  it("opens from an entry of the side panel's page index", { timeout: 120_000 }, async () => {
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId: bTab });
    const entry = panel.locator('.tifa-index-list li', { hasText: '党员联户' });
    await entry.waitFor({ timeout: 30_000 });
    await entry.hover();
    await entry.locator('.tifa-index-trail').click();
    const trail = await shownTrail(panel);
    expect(trail.query).toContain('党员联户');
    // B's own program: only B has it.
    expect(trail.speeches).toEqual([B_TITLE]);
    await panel.close();
  });
});

describe('library counts', () => {
  it("shows a clip's count of similar history passages and opens its variants from it", {
    timeout: 120_000,
  }, async () => {
    await b.bringToFront();
    await selectText(b, EDITED.slice(0, 150));
    const saved = (await tifa.serviceWorker.evaluate(async (id: number) => {
      const api = (
        globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }
      ).chrome;
      return api.tabs.sendMessage(id, { tifa: 1, kind: 'clipping.clipSelection', payload: {} });
    }, bTab)) as { ok: boolean; value: { status: string; clip: { id: string } } };
    expect(saved.value.status).toBe('saved');
    await b.keyboard.press('Escape');
    const panel = await tifa.openExtensionPage('sidepanel.html', { tab: 'library' });
    // B's own paragraph does not count (the clip's page); A's original does.
    const badge = panel.locator(`[data-clip-id="${saved.value.clip.id}"] .tifa-lib-similar-badge`);
    await badge.waitFor({ timeout: 30_000 });
    expect(await badge.getAttribute('data-similar-count')).toBe('1');
    expect(await badge.textContent()).toBe('1 similar');
    await badge.click();
    const variant = panel.locator('.tifa-variants-list li');
    await variant.first().waitFor({ timeout: 30_000 });
    expect(await variant.locator('header a').allTextContents()).toEqual([A_TITLE]);
    // What the template user changed, marked in A's passage: A has “×”, the clip has 青山县.
    expect((await variant.locator('ins').allTextContents()).join('')).toContain('×');
    await panel.close();
  });
});
