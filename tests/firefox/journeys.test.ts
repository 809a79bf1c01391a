/**
 * Tifa in a real Firefox ESR (the Firefox build, installed as a temporary add-on): reading, clipping, the
 * sidebar page and the popup, asserted on what a reader sees. One browser for the file; every test opens its own
 * tab. See ./harness.ts for how host names, the add-on's UUID and extension pages are set up.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VISIBLE_CATEGORIES, HIGHLIGHT_CATEGORIES, highlightName } from '../../lib/highlight/categories';
import { OTHER_HOST, PAGES_DIR, startServer, type FixtureServer } from '../e2e/harness';
import {
  htmlChildHosts,
  htmlChildrenSeenByPage,
  launchFirefox,
  selectText,
  tifaUiShown,
  waitForText,
  waitForTifa,
  waitForTifaUi,
  waitForTifaUiGone,
  type FirefoxWithTifa,
} from './harness';

/** Two sentences of the seed speech under 二、 › 第一， › 一要扎扎实实实施“千村头雁”培育工程. */
const PASSAGE =
  '村党支部书记是农村党组织核心作用发挥的关键，是农村改革发展的“领头雁”。要坚持选、育、管“三位一体”，实施“千村头雁”培育工程，建强村党组织带头人队伍。';
const CLIP_BUTTON = /摘录|Clip/;
/** What a reader sees before switching anything: the default categories (targets and past results start off). */
const CATEGORIES = DEFAULT_VISIBLE_CATEGORIES.map(highlightName);
const OFF_BY_DEFAULT = HIGHLIGHT_CATEGORIES.filter((c) => !DEFAULT_VISIBLE_CATEGORIES.includes(c)).map(highlightName);

let server: FixtureServer;
let firefox: FirefoxWithTifa;

beforeAll(async () => {
  server = await startServer({ dir: PAGES_DIR });
  firefox = await launchFirefox(server);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Names of the CSS highlights registered in the page's own world. */
function highlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]);
}

/** Moves the mouse onto the first range of a reading highlight and returns that range's text. */
async function hoverHighlight(page: Page, name: string): Promise<string> {
  const target = await page.evaluate((highlight: string) => {
    // Highlights may hold StaticRanges: measure a live Range over the same boundaries.
    const r = [...(CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(highlight)!][0];
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { x: rect.left + Math.min(8, rect.width / 2), y: rect.top + rect.height / 2, text: range.toString() };
  }, name);
  await page.mouse.move(target.x, target.y);
  return target.text;
}

/**
 * Tifa adds exactly one element to the page: an extra element child of <html> (besides head/body) whose shadow
 * root is null to the page's scripts; WebDriver BiDi, which can see in, reports that root as closed.
 */
async function expectOneClosedHost(page: Page): Promise<void> {
  expect(await htmlChildrenSeenByPage(page)).toEqual([{ localName: expect.any(String), shadowRootVisible: false }]);
  expect((await htmlChildHosts(page)).map((h) => h.shadowRootMode)).toEqual(['closed']);
}

/** The sidebar page's "this page" clip rows as shown (outline path, then text), not the outline tree above. */
function clipRows(panel: Page): Promise<string[]> {
  return panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('.tifa-clip-row')].map((r) => r.innerText));
}

/** Selects the passage and clicks the floating Clip button with a real mouse; waits for the outcome line. */
async function clipWithButton(page: Page, passage: string): Promise<string> {
  await selectText(page, passage);
  const button = await waitForTifaUi(page, 'button', CLIP_BUTTON);
  await page.mouse.click(button.x, button.y);
  return (await waitForTifaUi(page, '[role=status]', /Clipped|已摘录/)).text;
}

describe('Tifa in Firefox ESR', () => {
  it('reads a speech on a gov.cn host with the Highlight API (no <mark> fallback) and shows a tooltip on hover', async () => {
    const { page } = await firefox.newTab(server.url('/seed.html'));
    expect(await waitForTifa(page)).toBe('policy');
    await page.waitForFunction(
      () => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('tifa-section'),
      { timeout: 15_000 },
    );
    const names = await highlightNames(page);
    expect(names).toEqual(expect.arrayContaining(CATEGORIES));
    for (const off of OFF_BY_DEFAULT) expect(names).not.toContain(off);
    // The fallback painter would wrap text in <mark> elements; Firefox has the API, so the DOM stays untouched.
    expect(await page.evaluate(() => document.querySelectorAll('mark').length)).toBe(0);

    const text = await hoverHighlight(page, 'tifa-program');
    const tip = await waitForTifaUi(page, '.tip', /Program|工程/);
    expect(tip.text).toContain(text.slice(0, 4));
    await expectOneClosedHost(page);
    await page.mouse.move(2, 2);
    await waitForTifaUiGone(page, '.tip', /./);
    await page.close();
  });

  it('clips a selection with the floating button and lists it on the sidebar page with its outline path', async () => {
    const { page, tabId } = await firefox.newTab(server.url('/seed.html?from=clip-test'));
    expect(await waitForTifa(page)).toBe('policy');
    expect(await clipWithButton(page, PASSAGE)).toMatch(/Clipped|已摘录/);
    // The button and the status line share the tooltip's host: still one element added to the page.
    await expectOneClosedHost(page);

    const panel = await firefox.openExtensionPage('sidepanel.html', { tabId });
    await waitForText(panel, new RegExp(PASSAGE.slice(0, 12)));
    expect(await clipRows(panel)).toEqual([
      expect.stringMatching(/第一，要围绕.* › 一要扎扎实实实施“千村头雁”培育工程\n村党支部书记/),
    ]);
    const library = await firefox.openExtensionPage('sidepanel.html', { tab: 'library' });
    await waitForText(library, new RegExp(PASSAGE.slice(0, 12)));
    await Promise.all([panel.close(), library.close(), page.close()]);
  });

  it('offers the Clip button for the first selection after a highlight tooltip was shown', async () => {
    const { page } = await firefox.newTab(server.url('/seed.html?from=tooltip-then-clip'));
    expect(await waitForTifa(page)).toBe('policy');
    await hoverHighlight(page, 'tifa-program');
    await waitForTifaUi(page, '.tip', /Program|工程/);
    await page.mouse.move(2, 2);
    // Firefox: creating the button in the host on <html> used to nudge the scroll position, hiding the button.
    await selectText(page, PASSAGE);
    await waitForTifaUi(page, 'button', CLIP_BUTTON);
    expect(await tifaUiShown(page, 'button', CLIP_BUTTON)).toBe(true);
    // A real scroll, which moves the selection away from the button, still hides it.
    await page.evaluate(() => window.scrollBy(0, 200));
    await waitForTifaUiGone(page, 'button', CLIP_BUTTON);
    await page.close();
  });

  it('shows the page outline on the sidebar page and the verdict in the popup', async () => {
    const { page, tabId } = await firefox.newTab(server.url('/seed.html?from=views'));
    expect(await waitForTifa(page)).toBe('policy');
    const panel = await firefox.openExtensionPage('sidepanel.html', { tabId });
    const outline = await waitForText(panel, /一是强化党委抓、书记抓/);
    expect(outline).toMatch(/Policy speech|讲话/);
    expect(outline).toMatch(/二是推动重心下移/);
    const popup = await firefox.openExtensionPage('popup.html', { tabId });
    expect(await waitForText(popup, /Policy speech|讲话/)).toMatch(/likelihood|可能性/);
    await Promise.all([panel.close(), popup.close(), page.close()]);
  });
});

describe('Tifa in Firefox ESR, on demand', () => {
  it('clips with the shortcut on a page outside the site list, after analysing it (the clip has its outline path)', async () => {
    const { page, tabId } = await firefox.newTab(server.url('/seed.html', OTHER_HOST));
    expect(await page.evaluate(() => document.documentElement.dataset.tifa ?? 'not running')).toBe('not running');
    await selectText(page, PASSAGE);
    // The shortcut grants activeTab: the background injects the content script and asks it to clip.
    await page.bringToFront();
    await firefox.pressShortcut('clip-selection');
    await waitForTifaUi(page, '[role=status]', /Clipped|已摘录/, 30_000);
    expect(await waitForTifa(page)).toBe('policy');

    const panel = await firefox.openExtensionPage('sidepanel.html', { tabId });
    await waitForText(panel, new RegExp(PASSAGE.slice(0, 12)));
    // The clip carries its place in the speech (a clip made before the analysis said "No outline context").
    expect(await clipRows(panel)).toEqual([
      expect.stringMatching(/第一，要围绕.* › 一要扎扎实实实施“千村头雁”培育工程\n村党支部书记/),
    ]);
    await Promise.all([panel.close(), page.close()]);
  });
});
