/**
 * The page-side actions of issue 13, in Chromium with the built extension: a mention's tooltip offers "not a 提法 /
 * hide this term" and "wrong category"; the edit applies at once on every open tab, is listed on the options page
 * and can be undone there. A clip's hover card edits its note and tags (the library has them) and deletes it (the
 * highlight goes). Every click is a real (trusted) mouse click into Tifa's closed shadow root, reached via CDP.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  type FixtureServer,
  highlightTexts,
  launchBrowser,
  newTab,
  seedPageHtml,
  selectText,
  startServer,
  waitForTifa,
} from './harness';
import {
  clickClipButton,
  clickTifaUi,
  highlightPoint,
  paintedOver,
  storedClips,
  textPoint,
  waitForTifaUi,
} from './tifa-ui';

let server: FixtureServer;
let tifa: ExtensionBrowser;
let first: Page;
let second: Page;

beforeAll(async () => {
  const body = seedPageHtml();
  server = await startServer({ routes: { '/speech.html': { body }, '/again.html': { body } } });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 900 } });
  ({ page: first } = await newTab(tifa, server.url('/speech.html')));
  ({ page: second } = await newTab(tifa, server.url('/again.html')));
  expect(await waitForTifa(first)).toBe('policy');
  expect(await waitForTifa(second)).toBe('policy');
}, 120_000);

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

const has = async (page: Page, name: string, text: string) =>
  (await highlightTexts(page, name)).some((t) => t.includes(text));

/** Hovers the highlight of `name` containing `text` until its tooltip shows. */
async function hover(page: Page, name: string, text: string, at = 0.5): Promise<void> {
  await page.bringToFront();
  const point = await highlightPoint(page, name, text, at);
  expect(point, `${name} “${text}” is painted`).not.toBeNull();
  await page.mouse.move(point!.x - 40, point!.y - 30);
  await page.mouse.move(point!.x, point!.y, { steps: 3 });
  await waitForTifaUi(page, '.tip', (el) => !el.hidden && el.text.includes(text.slice(0, 2)));
}

describe('mention tooltip actions', () => {
  it('hides a term on every open tab, lists it on the options page, and undoing brings it back', {
    timeout: 120_000,
  }, async () => {
    expect(await has(first, 'tifa-formulation', '两张皮')).toBe(true);
    const loadedAt = await first.evaluate(() => performance.timeOrigin);
    // Keyboard: Tab from the page goes into the open tooltip's buttons; Esc closes it.
    await hover(first, 'tifa-formulation', '两张皮');
    await first.keyboard.press('Tab');
    await waitForTifaUi(first, '.tip button:focus', (el) => el.text.includes('hide this term'));
    await first.keyboard.press('Escape');
    await waitForTifaUi(first, '.tip', (el) => el.hidden);
    // The pointer moves from the highlight into the tooltip (it stays open) and clicks "hide this term".
    await first.mouse.move(2, 2);
    await hover(first, 'tifa-formulation', '两张皮');
    await clickTifaUi(first, '.tip [data-action="hide"]');
    // The tooltip closes, and the highlight goes on this tab and on the other one, without a reload.
    await waitForTifaUi(first, '.tip', (el) => el.hidden);
    await expect.poll(() => has(first, 'tifa-formulation', '两张皮'), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => has(second, 'tifa-formulation', '两张皮'), { timeout: 30_000 }).toBe(false);
    expect(await first.evaluate(() => performance.timeOrigin)).toBe(loadedAt);

    const options = await tifa.openExtensionPage('options.html');
    const chip = options.locator('.tifa-options-chip', { hasText: '两张皮' });
    await chip.waitFor();
    await chip.getByRole('button').click();
    await expect.poll(() => has(first, 'tifa-formulation', '两张皮'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => has(second, 'tifa-formulation', '两张皮'), { timeout: 30_000 }).toBe(true);
    await options.close();
  });

  it('recolours a term after "wrong category", on every open tab', { timeout: 120_000 }, async () => {
    const [program] = (await highlightTexts(first, 'tifa-program')).filter((t) => t.length >= 4);
    expect(program).toBeTruthy();
    await hover(first, 'tifa-program', program);
    await clickTifaUi(first, '.tip [data-action="wrong"]');
    await clickTifaUi(first, '.tip [data-category="meeting"]');
    for (const page of [first, second]) {
      await expect.poll(() => has(page, 'tifa-meeting', program), { timeout: 30_000 }).toBe(true);
      expect(await has(page, 'tifa-program', program)).toBe(false);
    }
    // Listed under corrections; removing it there gives the term its own category back.
    const options = await tifa.openExtensionPage('options.html');
    const item = options.locator('.tifa-options-item', { hasText: program });
    await item.waitFor();
    await item.getByRole('button').click();
    await expect.poll(() => has(first, 'tifa-program', program), { timeout: 30_000 }).toBe(true);
    expect(await has(first, 'tifa-meeting', program)).toBe(false);
    await options.close();
  });
});

describe('clip hover card', () => {
  it('edits the note and tags of a clip and deletes it', { timeout: 120_000 }, async () => {
    const passage = await first.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => (el.textContent ?? '').length > 60)!;
      return p.textContent!.slice(0, 24);
    });
    await first.bringToFront();
    await selectText(first, passage);
    await clickClipButton(first);
    // The note editor opens after Clip (lib/clipping/panels.ts): closed without a note, the clip stays.
    await first.keyboard.press('Escape');
    await expect.poll(() => paintedOver(first, [passage]), { timeout: 30_000 }).toEqual([passage]);
    await first.evaluate(() => document.getSelection()?.removeAllRanges());

    // Near the clip's start: mentions are shorter and win where they overlap, so try a few points along it.
    let shown = false;
    for (const at of [0.05, 0.3, 0.6, 0.9]) {
      const point = (await textPoint(first, passage, at))!;
      await first.mouse.move(point.x, point.y, { steps: 2 });
      try {
        await waitForTifaUi(first, '.tip [data-action="edit"]', (el) => el.box !== null, 3_000);
        shown = true;
        break;
      } catch {
        await first.mouse.move(2, 2);
      }
    }
    expect(shown).toBe(true);
    // By keyboard (the pointer stays on the clip): Tab moves into the open card, its first button is Edit.
    await first.keyboard.press('Tab');
    await first.keyboard.press('Enter');
    // The note field has focus: type as the reader does.
    await first.keyboard.type('试点经验值得推广');
    await first.keyboard.press('Tab');
    await first.keyboard.type('基层, 党建');
    await first.keyboard.press('Tab');
    await first.keyboard.press('Enter'); // Save
    await waitForTifaUi(first, '.tip .note', (el) => el.text.includes('试点经验'));

    const library = await tifa.openExtensionPage('sidepanel.html');
    await expect
      .poll(async () => (await storedClips<{ note: string; tags: string[] }>(library))[0], { timeout: 15_000 })
      .toMatchObject({ note: '试点经验值得推广', tags: ['基层', '党建'] });
    await library.close();

    await first.bringToFront();
    // Into the card again (Edit, then Delete) and press it.
    await first.keyboard.press('Tab');
    await first.keyboard.press('Tab');
    await first.keyboard.press('Enter');
    await expect.poll(() => paintedOver(first, [passage]), { timeout: 30_000 }).toEqual([]);
    const panel = await tifa.openExtensionPage('sidepanel.html');
    await expect.poll(async () => (await storedClips(panel)).length, { timeout: 15_000 }).toBe(0);
    await panel.close();
  });
});
