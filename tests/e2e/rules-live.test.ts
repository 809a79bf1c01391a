/**
 * The reader's own rules reach an open page without a reload (issue 13), in Chromium with the built extension:
 * a speech is open on www.gov.cn; on the options page the reader adds a term (农民夜校, a program the built-in rules
 * do not know) and hides one the built-in rules mark (“两张皮”); the open page re-analyses and paints the new term,
 * and the hidden one disappears — the background applies the stored rule set and re-analyses open tabs.
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
  startServer,
  waitForTifa,
} from './harness';

let server: FixtureServer;
let tifa: ExtensionBrowser;
let speech: Page;

beforeAll(async () => {
  server = await startServer({ routes: { '/speech.html': { body: seedPageHtml() } } });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 900 } });
  ({ page: speech } = await newTab(tifa, server.url('/speech.html')));
  expect(await waitForTifa(speech)).toBe('policy');
}, 120_000);

afterAll(async () => {
  await tifa?.close();
  await server?.close();
});

describe("the reader's rules on an open page", () => {
  it('paints an added term and drops a hidden one without reloading the page', { timeout: 120_000 }, async () => {
    expect(await highlightTexts(speech, 'tifa-program')).not.toContain('农民夜校');
    expect((await highlightTexts(speech, 'tifa-formulation')).some((t) => t.includes('两张皮'))).toBe(true);
    const loadedAt = await speech.evaluate(() => performance.timeOrigin);

    const options = await tifa.openExtensionPage('options.html');
    const terms = options.locator('[data-testid="term-form"]');
    await terms.waitFor();
    await terms.locator('input[name="text"]').fill('农民夜校');
    await terms.locator('select').selectOption('program');
    await terms.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => highlightTexts(speech, 'tifa-program'), { timeout: 30_000 }).toContain('农民夜校');

    const hidden = options.locator('[data-testid="hidden-form"]');
    await hidden.locator('input').first().fill('两张皮');
    await hidden.getByRole('button', { name: /Hide|Add/ }).click();
    await expect
      .poll(async () => (await highlightTexts(speech, 'tifa-formulation')).some((t) => t.includes('两张皮')), {
        timeout: 30_000,
      })
      .toBe(false);
    // The same page, not a reload.
    expect(await speech.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
  });
});
