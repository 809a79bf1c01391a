/**
 * Similar texts end to end (issue 12), in Chromium with the built extension: the reader reads speech A (the seed
 * speech), then opens speech B, which holds an edited copy of one of A's paragraphs (a county swapped in, a
 * sentence inserted). B's paragraph is marked (painted in Tifa's closed root, invisible to B's scripts), its tooltip names A, and the side panel's
 * side-by-side shows the edits; comparing B with A lists added and dropped mentions; with the history off a new
 * page is neither recorded nor marked; erasing empties the history.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  type FixtureServer,
  launchBrowser,
  newTab,
  sendMessage,
  startServer,
  waitForTifa,
} from './harness';
import { A_TITLE, EDITED, INSERTED, speechA, speechB } from './similar-pages';
import { paintedOver, tifaUiCount, waitForTifaUi } from './tifa-ui';

let server: FixtureServer;
let tifa: ExtensionBrowser;
let a: Page;
let b: Page;
let bTab: number;
let ext: Page;

type HistoryList = { enabled: boolean; pages: Array<{ id: number; url: string; title: string }> };
const history = () => sendMessage<HistoryList>(ext, 'history.list', {});

/** The recurring paragraphs painted on a page (boxes in Tifa's closed root), among `texts`. */
const paintedSimilar = (page: Page, texts: string[]) => paintedOver(page, texts, '.tifa-similars');

/** A point inside the last character of the page's paragraph that contains `needle` (no mention ends there). */
async function pointIn(page: Page, needle: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(text))!;
    p.scrollIntoView({ block: 'center' });
    const node = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, node.data.length - 1);
    range.setEnd(node, node.data.length);
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, needle);
}

beforeAll(async () => {
  server = await startServer({
    routes: {
      '/a.html': { body: speechA() },
      '/b.html': { body: speechB('在全县组织工作会议上的讲话') },
      '/c.html': { body: speechB('在全县党建工作推进会上的讲话') },
    },
  });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 900 } });
  ext = await tifa.openExtensionPage('options.html');
  ({ page: a } = await newTab(tifa, server.url('/a.html')));
  expect(await waitForTifa(a)).toBe('policy');
}, 180_000);

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

describe('similar texts', () => {
  it('marks the edited copy on page B, and its tooltip names page A', { timeout: 120_000 }, async () => {
    // Reading A recorded it (the background does, once A asked for its marks).
    await expect.poll(async () => (await history()).pages.map((p) => p.title), { timeout: 30_000 }).toHaveLength(1);
    ({ page: b, tabId: bTab } = await newTab(tifa, server.url('/b.html')));
    expect(await waitForTifa(b)).toBe('policy');
    await expect.poll(() => paintedSimilar(b, [EDITED]), { timeout: 30_000 }).toEqual([EDITED]);
    // Only B's copied paragraph (one margin bar): its own paragraphs are not in A.
    expect(await tifaUiCount(b, '.tifa-similars .m')).toBe(1);
    // The mark is reading history: nothing B's own scripts can enumerate shows it — no highlight name, no range
    // over the paragraph, no style rule, no User Timing entry, nothing in the DOM or an open shadow root.
    const seen = await b.evaluate(() => {
      const texts = [...CSS.highlights].flatMap(([name, h]) => [
        name,
        ...[...h].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      ]);
      const sheets = [...document.styleSheets, ...document.adoptedStyleSheets];
      const rules = sheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText));
      const open = [...document.querySelectorAll('*')].map((e) => e.shadowRoot?.innerHTML ?? '');
      const timing = performance.getEntries().map((e) => e.name);
      return { texts, page: [document.documentElement.outerHTML, ...open, ...rules, ...timing].join('\n') };
    });
    expect(seen.texts.filter((t) => /similar/.test(t) || t.includes(INSERTED))).toEqual([]);
    expect(seen.page).not.toMatch(/similar/);
    const at = await pointIn(b, INSERTED);
    await b.mouse.move(at.x - 3, at.y);
    await b.mouse.move(at.x, at.y);
    const tip = await waitForTifaUi(b, '.tip', (el) => !el.hidden && el.text.includes(A_TITLE), 20_000);
    expect(tip.text).toMatch(/shared/);
  });

  it("opens the side-by-side from the tooltip's button, with the edits marked", { timeout: 120_000 }, async () => {
    const at = await pointIn(b, INSERTED);
    await b.mouse.click(at.x, at.y); // pins the tooltip, so its button can be reached
    const button = await waitForTifaUi(b, 'button.sim', (el) => !el.hidden && el.box !== null, 20_000);
    const box = button.box!;
    await b.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // The click reached the background (a trusted click in the closed root); the panel opens on that paragraph.
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId: bTab });
    const focused = panel.locator('.tifa-similar-focus');
    await focused.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => focused.locator('ins').allTextContents())
      .toEqual(
        expect.arrayContaining([expect.stringContaining('青山县'), expect.stringContaining(INSERTED.slice(0, 8))]),
      );
    expect((await focused.locator('del').allTextContents()).join('')).toContain('×');
    expect(await focused.locator('header strong').first().textContent()).toBe(A_TITLE);
    await panel.close();
  });

  it('compares B with A: added and dropped mentions listed, A suggested first', { timeout: 120_000 }, async () => {
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId: bTab, tab: 'similar' });
    await panel.getByRole('button', { name: 'Compare', exact: true }).first().click();
    const select = panel.locator('.tifa-similar-compare select');
    await expect.poll(() => select.locator('option').first().textContent(), { timeout: 30_000 }).toContain(A_TITLE);
    await panel.locator('.tifa-similar-compare > button').click();
    const added = panel.locator('section.tifa-compare-added');
    await added.waitFor({ timeout: 30_000 });
    // B's own program is added; A's (the seed's) programs and formulations are dropped.
    expect(await added.textContent()).toContain('党员联户');
    const dropped = (await panel.locator('section.tifa-compare-dropped').textContent()) ?? '';
    expect(dropped).toContain('走基层');
    expect(dropped).not.toContain('党员联户');
    await panel.close();
  });

  it('records and marks nothing while the history is off; marks again once on', { timeout: 120_000 }, async () => {
    await sendMessage(ext, 'history.setEnabled', { enabled: false });
    const { page: c, tabId: cTab } = await newTab(tifa, server.url('/c.html'));
    expect(await waitForTifa(c)).toBe('policy');
    // C asked for its marks right after its analysis; the background answers in order, so the listing comes after.
    expect((await history()).pages.some((p) => p.url.includes('/c.html'))).toBe(false);
    expect(await tifaUiCount(c, '.tifa-similars .l')).toBe(0);
    expect(await sendMessage<{ paragraphs: unknown[] }>(ext, 'similar.forTab', { tabId: cTab })).toEqual({
      paragraphs: [],
    });
    // Positive control: the same page, history on again, is marked (it repeats B, and A's paragraph).
    await sendMessage(ext, 'history.setEnabled', { enabled: true });
    await c.reload();
    expect(await waitForTifa(c)).toBe('policy');
    await expect.poll(() => paintedSimilar(c, [EDITED]), { timeout: 30_000 }).toEqual([EDITED]);
    await c.close();
  });

  it('erases the whole history from the side panel', { timeout: 120_000 }, async () => {
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId: bTab, tab: 'similar' });
    await panel.getByRole('button', { name: 'History', exact: true }).click();
    await panel.locator('.tifa-similar-history-list li').first().waitFor({ timeout: 30_000 });
    panel.once('dialog', (d) => void d.accept());
    await panel.getByRole('button', { name: 'Erase all history' }).click();
    await panel.getByText('No reading history yet.').waitFor({ timeout: 30_000 });
    expect((await history()).pages).toEqual([]);
    expect(await sendMessage<{ paragraphs: unknown[] }>(ext, 'similar.forTab', { tabId: bTab })).toEqual({
      paragraphs: [],
    });
    await panel.close();
  });
});
