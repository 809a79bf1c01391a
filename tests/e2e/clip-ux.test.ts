/**
 * The selection bar end to end in Chromium with the built extension (issues 11 and 13): the bar's size and place,
 * keyboard-only clipping with a note, snapping to sentences, copy with citation, "add as a term", and clips
 * painted where the page cannot list them (with the cost measured).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  highlightTexts,
  launchBrowser,
  newTab,
  seedPageHtml,
  selectText,
  sendMessage,
  startServer,
  waitForTifa,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import {
  clipShortcut,
  storedClips,
  tifaUiCount,
  tifaUiElement,
  waitForClipButton,
  waitForClipStatus,
  waitForTifaUi,
} from './tifa-ui';
import type { Clip } from '../../lib/clips/types';
import { makeClip } from '../fixtures/reviewing/clips';

const SEED = seedPageHtml();
/** The seed with a speaker in its title, as provincial pages name him: `罗东川同志在…上的讲话`. */
const WITH_SPEAKER = SEED.replaceAll(
  '2025年在全市基层党建工作现场推进会上的讲话',
  '罗东川同志在全市基层党建工作现场推进会上的讲话',
).replace('<p>同志们：</p>', '<p>（2025年6月18日）</p>\n      <p>同志们：</p>');
const PASSAGE = '村党支部书记是农村党组织核心作用发挥的关键，是农村改革发展的“领头雁”。';
const NOTE = '头雁：村支书是关键';

let server: FixtureServer;
let tifa: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({
    routes: { '/speech.html': { body: WITH_SPEAKER }, '/seed.html': { body: SEED } },
  });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 800 } });
}, 120_000);

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

/** The selection's line boxes, as the page lays them out. */
function selectionLines(page: Page) {
  return page.evaluate(() =>
    [...document.getSelection()!.getRangeAt(0).getClientRects()].map((r) => ({
      x: r.x,
      y: r.y,
      width: r.width,
      height: r.height,
    })),
  );
}

async function clickUi(page: Page, selector: string, modifiers: ('Shift' | 'Alt')[] = []): Promise<void> {
  const { box } = await waitForTifaUi(page, selector, (el) => el.box !== null);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  for (const m of modifiers) await page.keyboard.up(m);
}

describe('the selection bar', () => {
  it('is at least 32 px high with readable text, off every selected line, and reachable with Tab', async () => {
    const { page } = await newTab(tifa, server.url('/seed.html?bar'));
    expect(await waitForTifa(page)).toBe('policy');
    // A three-line selection: the bar must not cover any of its lines.
    await selectText(page, PASSAGE);
    const button = await waitForClipButton(page);
    expect(button.box!.height).toBeGreaterThanOrEqual(32);
    const bar = (await tifaUiElement(page, '.tifa-clip-bar'))!.box!;
    for (const line of await selectionLines(page)) {
      const apart =
        bar.y >= line.y + line.height ||
        bar.y + bar.height <= line.y ||
        bar.x >= line.x + line.width ||
        bar.x + bar.width <= line.x;
      expect(apart, `bar ${JSON.stringify(bar)} over line ${JSON.stringify(line)}`).toBe(true);
    }
    // Keyboard: Tab from the page moves focus to Clip; Enter clips; the note editor opens; Escape keeps the clip.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForTifaUi(page, '.tifa-panel', (el) => el.box !== null);
    await page.keyboard.press('Escape');
    await waitForTifaUi(page, '.tifa-panel', () => false, 1500).catch(() => undefined);
    expect(await tifaUiElement(page, '.tifa-panel')).toBeNull();
    const panel = await tifa.openExtensionPage('sidepanel.html', { tab: 'library' });
    await expect
      .poll(async () => (await storedClips<Clip>(panel)).map((c) => [c.text, c.note]))
      .toContainEqual([PASSAGE, '']);
    await panel.close();
    await page.close();
  });

  it('keyboard only: the clip shortcut, typing, Enter → in the library with note, speaker, date and citation', async () => {
    const { page, tabId } = await newTab(tifa, server.url('/speech.html'));
    expect(await waitForTifa(page)).toBe('policy');
    const passage = '加强农村基层党建关乎夯实党在农村的执政根基、关乎农村改革发展、关乎民生福祉。';
    await selectText(page, passage);
    await clipShortcut(tifa, tabId);
    // The note editor has focus: type the note, Tab to tags, type them, Enter.
    await waitForTifaUi(page, '.tifa-panel', (el) => el.box !== null);
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Tab');
    await page.keyboard.type('党建，头雁');
    await page.keyboard.press('Enter');
    await waitForClipStatus(page, /Note saved|备注已保存/);

    const library = await tifa.openExtensionPage('sidepanel.html', { tab: 'library' });
    const row = library.locator('.tifa-lib-clip', { hasText: passage.slice(0, 12) });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('.tifa-lib-note').innerText()).toBe(NOTE);
    expect(await row.locator('.tifa-lib-tag').allInnerTexts()).toEqual(['党建', '头雁']);
    const stored = (await storedClips<Clip>(library)).find((c) => c.text === passage)!;
    expect(stored).toMatchObject({
      note: NOTE,
      tags: ['党建', '头雁'],
      speechSpeaker: '罗东川',
      speechDate: '2025-06-18',
    });
    await library.close();
    await page.close();
  });

  it('Shift-click on Clip grows a mid-phrase selection to its sentence; copy with citation fills the clipboard', async () => {
    await tifa.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page } = await newTab(tifa, server.url('/speech.html?snap'));
    expect(await waitForTifa(page)).toBe('policy');
    await selectText(page, '党中央就抓基层打基础');
    await waitForClipButton(page);
    await clickUi(page, '.tifa-clip-button', ['Shift']);
    const sentence = '党的十八大以来，党中央就抓基层打基础工作，作出系列重要部署；';
    await expect.poll(() => page.evaluate(() => document.getSelection()!.toString())).toBe(sentence);
    await clickUi(page, '.tifa-clip-button');
    await waitForTifaUi(page, '.tifa-panel', (el) => el.box !== null);
    await clickUi(page, '.tifa-panel .c');
    await waitForClipStatus(page, /Copied|已复制/);
    const copied = await page.evaluate(() => navigator.clipboard?.readText?.() ?? null).catch(() => null);
    const viaExtension = await (async () => {
      const ext = await tifa.openExtensionPage('popup.html');
      await ext.bringToFront();
      const text = await ext.evaluate(() => navigator.clipboard.readText());
      await ext.close();
      return text;
    })();
    const text = copied ?? viaExtension;
    expect(text).toBe(`${sentence}\n罗东川, "罗东川同志在全市基层党建工作现场推进会上的讲话", 2025-06-18, 中国政府网`);
    await page.close();
  });

  it('"Add as term" on a selection: the phrase is painted as a program without a reload', async () => {
    const { page } = await newTab(tifa, server.url('/seed.html?term'));
    expect(await waitForTifa(page)).toBe('policy');
    expect(await highlightTexts(page, 'tifa-program')).not.toContain('农民夜校');
    const loadedAt = await page.evaluate(() => performance.timeOrigin);
    await selectText(page, '农民夜校');
    await waitForClipButton(page);
    await clickUi(page, '.tifa-term-button');
    await waitForTifaUi(page, '.tifa-panel', (el) => el.box !== null);
    await clickUi(page, '.tifa-panel .p');
    await waitForClipStatus(page, /Added as a term|已添加为术语/);
    await expect.poll(() => highlightTexts(page, 'tifa-program'), { timeout: 30_000 }).toContain('农民夜校');
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    await page.close();
  });
});

describe('clips painted where the page cannot list them', () => {
  it('paints N clips as boxes in the closed root (none in CSS.highlights) and measures paint and scroll', async () => {
    const panel = await tifa.openExtensionPage('sidepanel.html', { tab: 'library' });
    const url = server.url('/seed.html');
    const text = SEED;
    const pieces = [...text.matchAll(/<p>([^<]{90,})<\/p>/g)].flatMap((m) =>
      [0, 30, 60].map((at) => m[1].slice(at, at + 24)),
    );
    const clips = [...new Set(pieces)].slice(0, 50).map((p, i) =>
      makeClip({
        text: p.slice(0, 30),
        url,
        created: Date.now() - i,
        color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5],
      }),
    );
    await sendMessage(panel, 'clips.import', { clips });
    const { page } = await newTab(tifa, url);
    expect(await waitForTifa(page)).toBe('policy');
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('tifa:clip-paint').length), { timeout: 20_000 })
      .toBeGreaterThan(0);
    // One margin mark per clip placed, in Tifa's closed root.
    await expect.poll(() => tifaUiCount(page, '.tifa-clips .m'), { timeout: 20_000 }).toBe(clips.length);
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.includes('clip')))).toEqual([]);
    for (let y = 0; y < 3000; y += 150) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    }
    const cost = await page.evaluate(() => {
      const d = (n: string) => performance.getEntriesByName(n).map((e) => e.duration);
      const paint = d('tifa:clip-paint');
      const scroll = d('tifa:clip-scroll').sort((a, b) => a - b);
      return {
        paint: Math.max(...paint),
        paints: paint.map((x) => Math.round(x * 10) / 10).join('/'),
        scrollMedian: scroll[Math.floor(scroll.length / 2)],
        scrollMax: scroll[scroll.length - 1],
        frames: scroll.length,
      };
    });
    console.log(
      `[clip paint] ${clips.length} clips: paint ${cost.paint.toFixed(1)} ms (each run: ${cost.paints}); scroll frame median ${cost.scrollMedian?.toFixed(2)} ms, max ${cost.scrollMax?.toFixed(2)} ms over ${cost.frames} frames`,
    );
    expect(cost.frames).toBeGreaterThan(0);
    await page.close();
    await panel.close();
  });
});
