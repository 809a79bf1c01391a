/**
 * The writer's workflow without a mouse (issue 11: "every step works without a mouse"), in Chromium with the built
 * extension, on the seed speech: select a passage with Shift+→, clip it with the shortcut, type a note, Enter;
 * open the library with its shortcut; find the clips, select them and export Word with Tab, Enter and Space alone,
 * every control on the way showing a focus ring; the .docx unzips and its word/document.xml holds each clip's
 * text and its citation line, and nothing else of the library.
 *
 * Chromium runs with caret browsing on (the F7 setting; without it Shift+→ selects nothing in a page's text), and
 * the caret starts where the arrow keys would bring it. Headless Chromium has no extension shortcuts: each one is
 * replaced by what its command handler does (lib/clipping/commands.ts: the clip message to the tab, the library
 * page in a new tab; the handlers themselves are unit-tested in clipping-commands.test.ts). The page index and the
 * speech identity by keyboard are in panel.test.ts, Tab from a selection to the Clip button in clip-ux.test.ts.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speechCitation } from '../../lib/citation/citation';
import type { Clip } from '../../lib/clips/types';
import { generateLibrary } from '../fixtures/reviewing/clips';
import {
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
import { clipShortcut, storedClips, waitForClipStatus, waitForTifaUi } from './tifa-ui';

const QUERY = '头雁';
const PASSAGES = [
  { text: '村党支部书记是农村党组织核心作用发挥的关键，是农村改革发展的“领头雁”。', note: '村支书是关键' },
  { text: '要坚持选、育、管“三位一体”，实施“千村头雁”培育工程，建强村党组织带头人队伍。', note: '选育管' },
];
/** Clips of other speeches already in the library: the export must leave them out. */
const OTHERS = generateLibrary(30, 7).filter((c) => !c.text.includes(QUERY));

let server: FixtureServer;
let tifa: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({ routes: { '/speech.html': { body: seedPageHtml() } } });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 800 }, args: ['--enable-caret-browsing'] });
}, 120_000);

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

/** Whether the focused element shows a focus ring (an outline or a box shadow). */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });

/** Presses Tab (only Tab) until the focused element matches `selector` (and holds `text`); it must show focus. */
async function tabTo(page: Page, selector: string, text = '', max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    const there = await page.evaluate(
      ([sel, want]) =>
        !!document.activeElement?.matches(sel) && (document.activeElement.textContent ?? '').includes(want),
      [selector, text] as const,
    );
    if (there) {
      expect(await focusRing(page), `focus ring on ${selector}`).toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${selector} ${text} in ${max} presses`);
}

describe('keyboard only, from a selection to a Word file', () => {
  it('select with Shift+→, clip by shortcut, note, Enter; library by shortcut; select and export .docx by Tab/Space/Enter', async () => {
    const { page, tabId } = await newTab(tifa, server.url('/speech.html'));
    expect(await waitForTifa(page)).toBe('policy');
    const setup = await tifa.openExtensionPage('sidepanel.html');
    await sendMessage(setup, 'clips.import', { clips: OTHERS });
    await setup.close();

    for (const { text, note } of PASSAGES) {
      await selectText(page, text, { caretOnly: true });
      for (let i = 0; i < text.length; i++) await page.keyboard.press('Shift+ArrowRight');
      expect(await page.evaluate(() => document.getSelection()!.toString())).toBe(text);
      await clipShortcut(tifa, tabId);
      // The note editor has focus: type, Enter.
      await waitForTifaUi(page, '.tifa-panel', (el) => el.box !== null);
      await page.keyboard.type(note);
      await page.keyboard.press('Enter');
      await waitForClipStatus(page, /Note saved|备注已保存/);
    }

    // Alt+Shift+L: the library page in a tab of its own.
    const opened = tifa.context.waitForEvent('page', (p) => p.url().includes('sidepanel.html?tab=library'));
    await tifa.serviceWorker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { tabs: { create(o: object): Promise<unknown> }; runtime: { getURL(p: string): string } };
        }
      ).chrome;
      await api.tabs.create({ url: api.runtime.getURL('/sidepanel.html?tab=library') });
    });
    const library = await opened;
    await library.waitForSelector('.tifa-lib[data-loaded="complete"]', { timeout: 20_000 });
    const clips = (await storedClips<Clip>(library)).filter((c) => PASSAGES.some((p) => p.text === c.text));
    expect(clips.map((c) => c.note).sort()).toEqual(PASSAGES.map((p) => p.note).sort());

    // "/" to the search box, the query, Tab to "select all shown", Space; Tab to Export, Enter.
    await library.keyboard.press('/');
    await library.locator('.tifa-lib-search:focus').waitFor();
    await library.keyboard.type(QUERY);
    await library.locator('.tifa-lib-total', { hasText: `${PASSAGES.length} of` }).waitFor();
    await tabTo(library, '.tifa-lib-selectall input');
    await library.keyboard.press('Space');
    await library.locator('.tifa-lib-bulk').waitFor();
    await tabTo(library, '.tifa-lib-bulk button', 'Export');
    await library.keyboard.press('Enter');
    const dialog = library.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('input[value=selected]').isChecked()).toBe(true);
    await tabTo(library, '[data-format="docx"]');
    const download = library.waitForEvent('download');
    await library.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);

    const files = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
    const xml = strFromU8(files['word/document.xml']);
    // What Word shows: the text runs joined (XML escapes undone for the quotes and ampersands a citation may hold).
    const shown = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const language = await library.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }).chrome.i18n.getMessage(
        'library_exportLanguage',
      ) === 'zh'
        ? 'zh'
        : 'en',
    );
    for (const clip of clips) {
      expect(shown).toContain(clip.text);
      const group = { title: clip.speechTitle ?? clip.title, date: clip.speechDate, site: clip.site, clips: [clip] };
      expect(shown).toContain(speechCitation(group, language));
    }
    for (const other of OTHERS) expect(shown).not.toContain(other.text);
    await library.close();
    await page.close();
  });

  it('Shift+Enter on Clip grows a mid-phrase selection to its sentence; Enter clips it', async () => {
    const { page } = await newTab(tifa, server.url('/speech.html?snap'));
    expect(await waitForTifa(page)).toBe('policy');
    const phrase = '党中央就抓基层打基础';
    const sentence = '党的十八大以来，党中央就抓基层打基础工作，作出系列重要部署；';
    await selectText(page, phrase, { caretOnly: true });
    for (let i = 0; i < phrase.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await waitForTifaUi(page, '.tifa-clip-button', (el) => el.shown && el.box !== null);
    // Tab from the selection to Clip, Shift+Enter: the sentence; Enter: the clip, and its note editor.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => page.evaluate(() => document.getSelection()!.toString())).toBe(sentence);
    await page.keyboard.press('Enter');
    await waitForTifaUi(page, '.tifa-panel', (el) => el.box !== null);
    await page.keyboard.press('Escape');
    const panel = await tifa.openExtensionPage('sidepanel.html');
    await expect.poll(async () => (await storedClips<Clip>(panel)).map((c) => c.text)).toContain(sentence);
    await panel.close();
    await page.close();
  });
});
