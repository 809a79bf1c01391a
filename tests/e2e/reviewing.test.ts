/**
 * Reviewing end to end (issue 5), in Chromium with the built extension: clip on a page → the popup shows it →
 * the side panel library finds it by a two-character Chinese query → edit note and tag → filter by tag → export
 * every format and check the files → delete → undo → import the backup into a fresh profile and compare.
 * Independent tests sharing one browser: each starts from the same library (the clip made once in beforeAll,
 * among generated others), so an early failure does not hide the rest.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  newTab,
  seedPageHtml,
  selectText,
  sendMessage,
  startServer,
  waitForTifa,
  watchConsole,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';
import { generateLibrary } from '../fixtures/reviewing/clips';
import type { Clip } from '../../lib/clips/types';
import { clickClipButton, storedClips, waitForClipStatus } from './tifa-ui';

const PASSAGE =
  '村党支部书记是农村党组织核心作用发挥的关键，是农村改革发展的“领头雁”。要坚持选、育、管“三位一体”，实施“千村头雁”培育工程，建强村党组织带头人队伍。';
const QUERY = '头雁';
const NOTE = '选育管三位一体';
const TAG = '带头人';
const OTHERS = generateLibrary(40, 5).filter((c) => !c.text.includes(QUERY));

let server: FixtureServer;
let tifa: ExtensionBrowser;
let fresh: ExtensionBrowser | undefined;
/** The speech page's tab, and the clip made there with the floating button (as stored). */
let article: { page: Page; tabId: number };
let ours: Clip;

beforeAll(async () => {
  server = await startServer({ routes: { '/speech.html': { body: seedPageHtml() } } });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 900 } });
  // Clip a passage the reader's way: select it, then the floating 摘录 / Clip button next to the selection (the
  // context menu item and Alt+Shift+S ask the tab to do the same; the button itself is the clipping area's e2e).
  article = await newTab(tifa, server.url('/speech.html'));
  expect(await waitForTifa(article.page)).toBe('policy');
  await selectText(article.page, PASSAGE);
  await clickClipButton(article.page);
  await waitForClipStatus(article.page, /Clipped|已摘录/);
  const panel = await tifa.openExtensionPage('sidepanel.html');
  [ours] = (await allClips(panel)).filter((c) => c.text === PASSAGE);
  await panel.close();
  if (!ours) throw new Error('beforeAll: the clip made with the floating button is not in the library');
}, 120_000);

afterAll(async () => {
  await fresh?.close();
  await tifa?.close();
  await server?.close();
});

/**
 * A side panel about the speech tab, its library holding exactly `clip` and the generated others, the Library
 * tab open and every clip counted.
 */
async function libraryWith(clip: Clip = ours): Promise<Page> {
  const panel = await tifa.openExtensionPage('sidepanel.html', { tabId: article.tabId });
  const ids = (await allClips(panel)).map((c) => c.id);
  if (ids.length) await sendMessage(panel, 'clips.delete', { ids });
  await sendMessage(panel, 'clips.import', { clips: [clip, ...OTHERS] });
  await openLibrary(panel);
  // A locator wait, not expect.poll: this also runs in beforeAll hooks.
  await panel.locator('.tifa-lib-total', { hasText: new RegExp(`${OTHERS.length + 1}`) }).waitFor();
  return panel;
}

const tagged = (): Clip => ({ ...ours, note: NOTE, tags: [TAG] });
const ourRow = (panel: Page) => panel.locator('.tifa-lib-clip', { hasText: '千村' });

// The library reads IndexedDB directly (as the side panel does); no message lists clips.
const allClips = async (page: Page) => (await storedClips<Clip>(page)).sort((a, b) => a.id.localeCompare(b.id));
const clipById = async (page: Page, id: string) => (await storedClips<Clip>(page)).find((c) => c.id === id) ?? null;

async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Library|摘录库/ }).click();
  await page.waitForSelector('.tifa-lib[data-loaded="complete"]', { timeout: 20_000 });
}

async function exportFile(panel: Page, format: string): Promise<string> {
  await panel.getByRole('button', { name: 'Export', exact: true }).first().click();
  const dialog = panel.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: /Whole library/ }).check();
  const download = panel.waitForEvent('download');
  await dialog.locator(`[data-format="${format}"]`).click();
  const file = await download;
  const path = await file.path();
  expect(path).toBeTruthy();
  return readFileSync(path!, 'utf8');
}

describe('reviewing in Chromium', () => {
  it("the popup, as a tab about the page, lists the clip under the product's short name", async () => {
    const popup = await tifa.openExtensionPage('popup.html', { tabId: article.tabId });
    await popup.locator('.tifa-popup-clip', { hasText: PASSAGE.slice(0, 15) }).waitFor({ timeout: 10_000 });
    expect(await popup.locator('.tifa-popup-clip').count()).toBe(1);
    expect(await popup.getByRole('heading', { level: 1 }).innerText()).toBe('Tifa 提法');
    await popup.close();
  });

  it('"/" focuses the search box and a two-character Chinese query finds the clip, highlighted', async () => {
    const panel = await libraryWith();
    const consoleErrors = watchConsole(panel);
    await panel.locator('body').press('/');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await panel.keyboard.type(QUERY);
    await expect.poll(() => panel.locator('.tifa-lib-clip').count()).toBe(1);
    expect(await ourRow(panel).locator('mark').allInnerTexts()).toContain(QUERY);
    expect(consoleErrors.errors).toEqual([]);
    await panel.close();
  });

  it('edits the note and a tag inline, and stores them', async () => {
    const panel = await libraryWith();
    const consoleErrors = watchConsole(panel);
    await panel.locator('input[type="search"]').fill(QUERY);
    await ourRow(panel).getByRole('button', { name: /Edit/ }).click();
    const editor = panel.locator('.tifa-lib-editor');
    await editor.locator('textarea').fill(NOTE);
    await editor.locator('.tifa-lib-tag-input').fill(TAG);
    await editor.locator('.tifa-lib-tag-input').press('Enter');
    await editor.locator('.tifa-lib-tag', { hasText: TAG }).waitFor();
    await editor.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => clipById(panel, ours.id)).toMatchObject({ note: NOTE, tags: [TAG] });
    await panel.locator('.tifa-lib-note', { hasText: NOTE }).waitFor();
    expect(consoleErrors.errors).toEqual([]);
    await panel.close();
  });

  it('filters by tag: the facet counts the clip, checking it shows only that clip', async () => {
    const panel = await libraryWith(tagged());
    await panel.getByRole('button', { name: /^Filters/ }).click();
    const showAllTags = panel.locator('[data-facet="tag"] button', { hasText: /Show all/ });
    if (await showAllTags.count()) await showAllTags.click();
    const tagOption = panel.locator('[data-facet="tag"] label', { hasText: TAG });
    expect(await tagOption.locator('.tifa-lib-count').innerText()).toBe('1');
    await tagOption.locator('input').check();
    await expect.poll(() => panel.locator('.tifa-lib-clip').count()).toBe(1);
    expect(await panel.locator('.tifa-lib-total').innerText()).toMatch(new RegExp(`1 of ${OTHERS.length + 1}`));
    await panel.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => panel.locator('.tifa-lib-total').innerText()).not.toMatch(/ of /);
    await panel.close();
  });

  describe('export', () => {
    let panel: Page;
    let library: Clip[];
    beforeAll(async () => {
      panel = await libraryWith(tagged());
      library = await allClips(panel);
    }, 60_000);
    afterAll(() => panel?.close());

    it('Markdown: the passage quoted under its outline heading, with the page link and the note', async () => {
      const markdown = await exportFile(panel, 'markdown');
      expect(markdown).toMatch(/^# /);
      expect(markdown).toContain(`> ${PASSAGE}`);
      expect(markdown).toMatch(/\n### 二、.*\n/);
      expect(markdown).toContain(`<${server.url('/speech.html')}>`);
      expect(markdown).toContain(NOTE);
    });

    it('CSV: a byte-order mark, a header and one line per clip', async () => {
      const csv = await exportFile(panel, 'csv');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(library.length + 1);
      expect(csv).toContain(`"${PASSAGE}"`);
    });

    it('JSON backup: every clip exactly as stored', async () => {
      const backup = JSON.parse(await exportFile(panel, 'json'));
      expect(backup).toMatchObject({ format: 'tifa-backup', version: 1, count: library.length });
      expect([...backup.clips].sort((a: Clip, b: Clip) => a.id.localeCompare(b.id))).toEqual(library);
    });

    it('W3C Web Annotations: a valid collection; the clip targets its page by quote, with tag and note', async () => {
      const w3c = JSON.parse(await exportFile(panel, 'w3c'));
      expectValidAnnotationCollection(w3c, library.length);
      const item = w3c.first.items.find((a: { id: string }) => a.id === `urn:uuid:${ours.id}`);
      expect(item.target.source).toBe(server.url('/speech.html'));
      expect(item.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: PASSAGE });
      expect(item.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ purpose: 'tagging', value: TAG }),
          expect.objectContaining({ purpose: 'commenting', value: NOTE }),
        ]),
      );
    });
  });

  it('deletes a clip (the live popup drops it too) and undo brings it back unchanged', async () => {
    const panel = await libraryWith();
    const consoleErrors = watchConsole(panel);
    const library = await allClips(panel);
    const popup = await tifa.openExtensionPage('popup.html', { tabId: article.tabId });
    await popup.locator('.tifa-popup-clip').waitFor({ timeout: 10_000 });
    await panel.locator('input[type="search"]').fill(QUERY);
    await expect.poll(() => panel.locator('.tifa-lib-clip').count()).toBe(1);
    await ourRow(panel).getByRole('button', { name: 'Delete' }).click();
    await panel.locator('.tifa-lib-empty').waitFor();
    expect(await clipById(panel, ours.id)).toBeNull();
    await popup.locator('.tifa-popup-clip').waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Undo' }).click();
    await ourRow(panel).waitFor();
    expect(await allClips(panel)).toEqual(library);
    expect(consoleErrors.errors).toEqual([]);
    await popup.close();
    await panel.close();
  });

  it('imports a backup into a fresh profile: the same library, nothing more the second time, a broken file refused', async () => {
    const panel = await libraryWith(tagged());
    const library = await allClips(panel);
    const backupText = await exportFile(panel, 'json');
    await panel.close();

    fresh = await launchBrowser();
    const freshPanel = await fresh.openExtensionPage('sidepanel.html');
    const consoleErrors = watchConsole(freshPanel);
    await openLibrary(freshPanel);
    await freshPanel.locator('.tifa-lib-empty').waitFor();
    const importFile = (name: string, text: string) =>
      freshPanel
        .locator('input[type="file"]')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await importFile('backup.json', backupText);
    await freshPanel
      .getByRole('status')
      .filter({ hasText: /Imported/ })
      .waitFor({ timeout: 20_000 });
    expect(await allClips(freshPanel)).toEqual(library);
    await expect.poll(() => freshPanel.locator('.tifa-lib-total').innerText()).toMatch(new RegExp(`${library.length}`));
    // Twice: nothing more.
    await importFile('backup.json', backupText);
    await freshPanel
      .getByRole('status')
      .filter({ hasText: new RegExp(`Imported 0 clips \\(${library.length} were`) })
      .waitFor({ timeout: 20_000 });
    expect(await allClips(freshPanel)).toHaveLength(library.length);
    // A malformed file: a clear error, nothing written.
    const broken = JSON.parse(backupText);
    broken.clips[0].color = 'orange';
    await importFile('broken.json', JSON.stringify(broken));
    const alert = freshPanel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/broken\.json.*clip 1.*color.*Nothing was imported/s);
    expect(await allClips(freshPanel)).toHaveLength(library.length);
    expect(consoleErrors.errors).toEqual([]);
  });
});

/** The W3C Web Annotation Data Model's required fields for a collection, its page and its annotations. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON whose shape is exactly what this checks
function expectValidAnnotationCollection(doc: Record<string, any>, count: number): void {
  expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(typeof doc.id).toBe('string');
  expect(() => new URL(doc.id)).not.toThrow();
  expect(doc.type).toBe('AnnotationCollection');
  expect(doc.total).toBe(count);
  expect(doc.first.type).toBe('AnnotationPage');
  expect(typeof doc.first.id).toBe('string');
  expect(doc.first.items).toHaveLength(count);
  for (const a of doc.first.items) {
    expect([a['@context']].flat()).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(() => new URL(a.id)).not.toThrow();
    expect(a.type).toBe('Annotation');
    expect(a.target).toBeTruthy();
    expect(() => new URL(a.target.source)).not.toThrow();
    const selectors = [a.target.selector].flat();
    const quote = selectors.find((s: { type: string }) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s: { type: string }) => s.type === 'TextPositionSelector');
    expect(typeof quote.exact).toBe('string');
    expect(quote.exact.length).toBeGreaterThan(0);
    expect(Number.isInteger(position.start) && Number.isInteger(position.end) && position.end >= position.start).toBe(
      true,
    );
    for (const body of a.body ?? []) {
      expect(body.type).toBe('TextualBody');
      expect(typeof body.value).toBe('string');
      expect(['commenting', 'tagging']).toContain(body.purpose);
    }
    expect(() => new Date(a.created).toISOString()).not.toThrow();
  }
}
