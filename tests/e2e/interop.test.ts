/**
 * Interop end to end (issue 14), in Chromium with the built extension: a W3C annotation file mixing a quote
 * target, a quote at the end of a `refinedBy` chain, a position without a quote and a malformed annotation is
 * imported through the Library's Import button; the notice reports each annotation ("Imported 3 … 1 skipped:
 * annotation 4 … because …"); the position-only one is listed as not yet placed; opening its page places it
 * (the words at that position become its text) and highlights it. A Hypothesis export imports with its notes
 * and tags the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '../../lib/clips/types';
import {
  FIXTURES_DIR,
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
import { clickClipButton, paintedOver, storedClips, waitForClipStatus } from './tifa-ui';

const QUOTED = '就扎实推进基层党建工作讲几点意见';
const REFINED = '加强基层党建是贯彻“四个全面”战略布局的题中之义';
const POSITIONED = '决战决胜脱贫攻坚、加快绿色崛起之际';

let server: FixtureServer;
let tifa: ExtensionBrowser;
let pageUrl: string;
/** Where POSITIONED lies in the page's text, in code points: as Tifa itself states it when it clips it. */
let position: { start: number; end: number };

beforeAll(async () => {
  server = await startServer({ routes: { '/speech.html': { body: seedPageHtml() } } });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 900 } });
  pageUrl = server.url('/speech.html');
  // Learn the position the way another tool would have recorded it: clip the passage once, read the position
  // from the stored clip, then delete the clip so only the imported annotation can bring the words back.
  const { page } = await newTab(tifa, pageUrl);
  expect(await waitForTifa(page)).toBe('policy');
  await selectText(page, POSITIONED);
  await clickClipButton(page);
  await waitForClipStatus(page, /Clipped|已摘录/);
  const panel = await tifa.openExtensionPage('sidepanel.html');
  const [clip] = await storedClips<Clip>(panel);
  position = clip.selectors[1]!.codePoints!;
  await sendMessage(panel, 'clips.delete', { ids: [clip.id] });
  await panel.close();
  await page.close();
}, 120_000);

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

async function openLibrary(): Promise<Page> {
  const panel = await tifa.openExtensionPage('sidepanel.html');
  await panel.getByRole('tab', { name: /Library|摘录库/ }).click();
  await panel.waitForSelector('.tifa-lib[data-loaded="complete"]', { timeout: 20_000 });
  return panel;
}

function importFile(panel: Page, name: string, text: string): Promise<void> {
  return panel
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

function w3cFile(source: string) {
  const annotation = (n: number, target: unknown, extra: Record<string, unknown> = {}) => ({
    id: `http://example.org/anno${n}`,
    type: 'Annotation',
    target,
    ...extra,
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/page1',
    type: 'AnnotationPage',
    items: [
      annotation(1, { source, selector: { type: 'TextQuoteSelector', exact: QUOTED } }, { bodyValue: '引文的笔记' }),
      annotation(2, {
        type: 'SpecificResource',
        source,
        selector: {
          type: 'FragmentSelector',
          value: 'para5',
          refinedBy: { type: 'TextQuoteSelector', exact: REFINED, prefix: '在党的建设总体布局中处于基石地位，' },
        },
      }),
      annotation(
        3,
        { source, selector: { type: 'TextPositionSelector', ...position } },
        {
          body: [
            { type: 'TextualBody', value: '只有位置的批注', purpose: 'commenting' },
            { type: 'TextualBody', value: '脱贫攻坚', purpose: 'tagging' },
          ],
        },
      ),
      annotation(4, { source, selector: { type: 'TextQuoteSelector', exact: '' } }),
    ],
  };
}

describe('importing other tools’ annotations in Chromium', () => {
  it('a W3C file: a readable report per annotation, the position-only one not yet placed until its page is opened', async () => {
    const panel = await openLibrary();
    const consoleErrors = watchConsole(panel);
    await importFile(panel, 'annotations.jsonld', JSON.stringify(w3cFile(pageUrl)));
    const notice = panel.getByRole('status').filter({ hasText: /Imported|已导入/ });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toMatch(
      /Imported 3 clips \(0 were already in the library\)\. 1 skipped: annotation 4 is malformed \(TextQuoteSelector\.exact is missing or empty\)\./,
    );

    const unplaced = panel.locator('.tifa-lib-clip', { has: panel.locator('.tifa-lib-unplaced') });
    await unplaced.waitFor();
    expect(await unplaced.innerText()).toMatch(
      new RegExp(`Not yet placed: imported at characters ${position.start}–${position.end} of the page`),
    );
    expect(await unplaced.innerText()).toContain('只有位置的批注');
    const before = await storedClips<Clip>(panel);
    expect(before.map((c) => c.text).sort()).toEqual(['', QUOTED, REFINED].sort());

    // The reader opens the page: the clip takes the words at its position and is highlighted with the others.
    const { page } = await newTab(tifa, pageUrl);
    expect(await waitForTifa(page)).toBe('policy');
    await expect
      .poll(async () => (await paintedOver(page, [QUOTED, REFINED, POSITIONED])).sort(), { timeout: 20_000 })
      .toEqual([QUOTED, REFINED, POSITIONED].sort());
    const placed = (await storedClips<Clip>(panel)).find((c) => c.note === '只有位置的批注')!;
    expect(placed).toMatchObject({ text: POSITIONED, tags: ['脱贫攻坚'] });
    expect(placed.selectors[1]?.codePoints).toEqual(position);
    expect(placed.importedPosition).toBeUndefined();
    // The open Library follows: no clip waits to be placed any more, and the passage is listed.
    await expect.poll(() => panel.locator('.tifa-lib-unplaced').count(), { timeout: 20_000 }).toBe(0);
    await panel.locator('.tifa-lib-clip', { hasText: POSITIONED }).waitFor();
    await page.close();
    expect(consoleErrors.errors).toEqual([]);
    await panel.close();
  });

  it('a Hypothesis export: quotes with their notes and tags; the reply and the page note named as skipped', async () => {
    const panel = await openLibrary();
    const exported = readFileSync(join(FIXTURES_DIR, 'hypothesis', 'export.json'), 'utf8');
    await importFile(panel, 'hypothesis.json', exported);
    const notice = panel.getByRole('status').filter({ hasText: /Imported 2 clips/ });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toMatch(
      /2 skipped: annotation 2 is a reply, with no passage of its own; annotation 3 quotes no text on a web page \(a page note\)\./,
    );
    const row = panel.locator('.tifa-lib-clip', { hasText: '坚持稳中求进工作总基调' });
    await row.waitFor();
    expect(await row.innerText()).toContain('这段是全文的**总基调**');
    expect(await row.locator('.tifa-lib-tag').allInnerTexts()).toEqual(['总基调', '稳中求进']);
    await panel.close();
  });
});
