import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  newTab,
  seedPageHtml,
  selectText,
  startServer,
  waitForTifa,
  watchConsole,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import {
  clickClipButton,
  paintedOver,
  storedClips,
  tifaUiCount,
  waitForClipButton,
  waitForClipStatus,
  waitForTifaUi,
} from './tifa-ui';

/** The passage clipped: two sentences under 二、 › 第一， › 一要扎扎实实实施“千村头雁”培育工程. */
const PASSAGE =
  '村党支部书记是农村党组织核心作用发挥的关键，是农村改革发展的“领头雁”。要坚持选、育、管“三位一体”，实施“千村头雁”培育工程，建强村党组织带头人队伍。';
/** The same passage after a small edit on the site (one word changed inside it). */
const EDITED_PASSAGE = PASSAGE.replace('建强', '建好');

const original = seedPageHtml();
if (!original.includes(PASSAGE)) throw new Error('seed page lacks the passage used by this test');
const variants: Record<string, string> = {
  original,
  // Slightly edited: a note inserted before the speech and a word changed inside the passage.
  edited: original
    .replace('<p>同志们：</p>', '<p>（根据录音整理，有删节）</p>\n      <p>同志们：</p>')
    .replace(PASSAGE, EDITED_PASSAGE),
  // The passage is gone.
  removed: original.replace(PASSAGE, ''),
};
if (variants.edited === original || !variants.edited.includes(EDITED_PASSAGE))
  throw new Error('edited variant not made');

let current: keyof typeof variants = 'original';
let server: FixtureServer;
let tifa: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({ routes: { '/speech.html': { body: () => variants[current] } } });
  tifa = await launchBrowser();
});

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

/** Which of the passages Tifa paints a clip exactly over (boxes in its closed root, not CSS highlights). */
const clipHighlights = (page: Page) => paintedOver(page, [PASSAGE, EDITED_PASSAGE]);

async function waitForClipHighlights(page: Page, count: number): Promise<string[]> {
  await expect.poll(() => tifaUiCount(page, '.tifa-clips .m'), { timeout: 10_000 }).toBe(count);
  return clipHighlights(page);
}

describe('clipping in Chromium', () => {
  it('clips with the floating button, lists it, and finds it again after reloads and edits', async () => {
    const { page, tabId } = await newTab(tifa, server.url('/speech.html?utm_source=test#top'));
    const consoleErrors = watchConsole(page);
    expect(await waitForTifa(page)).toBe('policy');

    // Select → floating button (a real button in Tifa's closed shadow root, named 摘录/Clip) → a real click.
    await selectText(page, PASSAGE);
    const shown = await waitForClipButton(page);
    expect(shown.text).toMatch(/摘录|Clip/);
    await clickClipButton(page);
    await waitForClipStatus(page, /Clipped|已摘录/);
    await waitForTifaUi(page, '.tifa-clip-button', (b) => !b.shown);
    // The page holds one Tifa element (the shared shadow-root host, closed to page scripts).
    expect(
      await page.evaluate(
        () =>
          [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body).length,
      ),
    ).toBe(1);
    expect(await page.evaluate(() => (document.documentElement.lastElementChild as HTMLElement).shadowRoot)).toBeNull();
    expect(await waitForClipHighlights(page, 1)).toEqual([PASSAGE]);
    // Nothing about the clip in the page's CSS.highlights registry.
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.includes('clip')))).toEqual([]);

    // The side panel (as a tab) lists it with its outline path.
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    const row = panel.locator('.tifa-clip-row', { hasText: PASSAGE.slice(0, 20) });
    await row.waitFor({ timeout: 10_000 });
    const path = await row.locator('.tifa-clip-path').innerText();
    expect(path).toMatch(/(^|› )第一，要围绕.* › 一要扎扎实实实施“千村头雁”培育工程$/);

    // Stored once, under the normalised URL (tracking parameter and fragment dropped).
    const stored = await storedClips<{ url: string; text: string; mentionKeys: string[] }>(panel);
    expect(stored).toHaveLength(1);
    expect(stored[0].url).toBe(server.url('/speech.html'));
    expect(stored[0].text).toBe(PASSAGE);
    expect(stored[0].mentionKeys).toContain('program:千村头雁培育工程');

    // Reload → highlighted again.
    await page.reload();
    await waitForTifa(page);
    expect(await waitForClipHighlights(page, 1)).toEqual([PASSAGE]);

    // A slightly edited page → still found (fuzzy), on the edited words.
    current = 'edited';
    await page.reload();
    await waitForTifa(page);
    expect(await waitForClipHighlights(page, 1)).toEqual([EDITED_PASSAGE]);

    // The passage removed → not highlighted, and listed as an orphan in the side panel.
    current = 'removed';
    await page.reload();
    await waitForTifa(page);
    // The reloaded page's clipper has placed (or failed to place) its clips: one anchoring run measured.
    await page.waitForFunction(() => performance.getEntriesByName('tifa:clip-anchor').length > 0);
    expect(await clipHighlights(page)).toEqual([]);
    await panel.reload();
    const orphan = panel.locator('.tifa-clip-row[data-orphan="true"]', { hasText: PASSAGE.slice(0, 20) });
    await orphan.waitFor({ timeout: 10_000 });
    expect(await panel.locator('#tifa-page-orphans-heading').innerText()).toMatch(
      /Not found on this page|在本页未找到/,
    );

    expect(consoleErrors.errors).toEqual([]);
  });

  it('clips the selection from the keyboard command path and does not duplicate it', async () => {
    current = 'original';
    const { page, tabId } = await newTab(tifa, server.url('/speech.html'));
    await waitForTifa(page);
    const other = '加强农村基层党建关乎夯实党在农村的执政根基、关乎农村改革发展、关乎民生福祉。';
    await selectText(page, other);
    // What the context menu and Alt+Shift+S do: the background asks the tab to clip its selection.
    const ask = () =>
      tifa.serviceWorker.evaluate(async (id: number) => {
        const api = (
          globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }
        ).chrome;
        return api.tabs.sendMessage(id, { tifa: 1, kind: 'clipping.clipSelection', payload: {} });
      }, tabId);
    const first = (await ask()) as {
      ok: boolean;
      value: { status: string; clip: { outlinePath: { marker: string }[] } };
    };
    expect(first.ok).toBe(true);
    expect(first.value.status).toBe('saved');
    expect(first.value.clip.outlinePath.map((s) => s.marker).at(-1)).toBe('第一，');
    // The note editor opened with focus (the page's selection went with it): Escape, select again, clip again.
    await page.keyboard.press('Escape');
    await selectText(page, other);
    const second = (await ask()) as { ok: boolean; value: { status: string } };
    expect(second.value.status).toBe('duplicate');
    await page.close();
  });

  it('does not lose a clip when the service worker was stopped between messages', async () => {
    current = 'original';
    const { page, tabId } = await newTab(tifa, server.url('/speech.html'));
    await waitForTifa(page);
    await tifa.stopServiceWorker();
    const passage = '“村霸”“蝇贪”官小影响大、位低危害深';
    await selectText(page, passage);
    await clickClipButton(page);
    await waitForClipStatus(page, /Clipped|已摘录/);
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    await panel.locator('.tifa-clip-row', { hasText: passage }).waitFor({ timeout: 10_000 });
    await panel.close();
    await page.close();
  });
});
