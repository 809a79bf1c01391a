import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  SEED_TEXT_FILE,
  launchBrowser,
  newTab,
  seedPageHtml,
  startServer,
  waitForTifa,
  watchConsole,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { storedClips as readStoredClips, tifaUiCount } from './tifa-ui';

/** The outline item clipped from the side panel: the last 一要/二要/三要 under 二、 › 第一，. */
const ITEM = '三要持续实施“村霸蝇贪”整治工程';
/** Its section runs to the end of its paragraph (the next item at its level or above, 第二，, starts the next one). */
const SECTION = (() => {
  const line = readFileSync(SEED_TEXT_FILE, 'utf8')
    .split('\n')
    .find((l) => l.includes(ITEM));
  if (!line) throw new Error(`seed text lacks ${ITEM}`);
  return line.slice(line.indexOf(ITEM)).trim();
})();

let server: FixtureServer;
let tifa: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({ routes: { '/speech.html': { body: seedPageHtml() } } });
  tifa = await launchBrowser();
});

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

type StoredClip = { text: string; url: string; outlinePath: { marker: string; title: string }[] };

/** The library as stored (newest first, as clips.list answered before reading moved to IndexedDB directly). */
async function storedClips(panel: Page): Promise<StoredClip[]> {
  return (await readStoredClips<StoredClip & { created: number }>(panel)).sort((a, b) => b.created - a.created);
}

describe('clip this section (side panel outline)', () => {
  it('saves the whole section with its outline path, by mouse and then by keyboard (duplicate)', async () => {
    const { page, tabId } = await newTab(tifa, server.url('/speech.html'));
    const pageErrors = watchConsole(page);
    expect(await waitForTifa(page)).toBe('policy');
    const panel = await tifa.openExtensionPage('sidepanel.html', { tabId });
    const panelErrors = watchConsole(panel);

    const row = panel.locator('.tifa-page-row', { hasText: ITEM });
    await row.waitFor({ timeout: 10_000 });
    await row.hover();
    const clipButton = row.getByRole('button', { name: /^(Clip this section|摘录本节)$/ });
    await clipButton.click();
    const item = panel.locator('li[role="treeitem"]', { has: row });
    await item.locator('> [role="status"]', { hasText: /Clipped|已摘录/ }).waitFor({ timeout: 10_000 });

    const clips = await storedClips(panel);
    expect(clips).toHaveLength(1);
    expect(clips[0].text).toBe(SECTION);
    expect(clips[0].url).toBe(server.url('/speech.html'));
    const path = clips[0].outlinePath;
    expect(path.map((s) => s.marker)).toEqual(['二、', '第一，', '三要']);
    expect(path.at(-1)!.marker + path.at(-1)!.title).toBe(ITEM);

    // The page highlights the new clip, and the panel lists it under "Clips on this page".
    await expect.poll(() => tifaUiCount(page, '.tifa-clips .m'), { timeout: 10_000 }).toBe(1);
    await panel.locator('.tifa-clip-row', { hasText: SECTION.slice(0, 30) }).waitFor({ timeout: 10_000 });

    // Keyboard: Tab from the item's own button reaches its clip button; clipping again is not a duplicate clip.
    await row.locator('.tifa-page-item').focus();
    await panel.keyboard.press('Tab');
    expect(await clipButton.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await clipButton.evaluate((b) => getComputedStyle(b).opacity)).not.toBe('0');
    await panel.keyboard.press('Enter');
    await item.locator('> [role="status"]', { hasText: /Already clipped|此段已摘录过/ }).waitFor({ timeout: 10_000 });
    expect(await storedClips(panel)).toHaveLength(1);

    expect(pageErrors.errors).toEqual([]);
    expect(panelErrors.errors).toEqual([]);
  });
});
