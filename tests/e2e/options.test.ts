/**
 * The options page end to end (issue 13), in Chromium with the built extension: add a custom term → it is in
 * extension storage; a bad pattern shows its error and is not saved; export the pack → import it into a fresh
 * profile → the same rules. Saves screenshots to artifacts/options/.
 * Not covered yet: an open speech page highlighting the new term live (the wiring is the integrator's, see
 * lib/rulepacks/settings.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CustomRules } from '../../lib/rulepacks/schema';
import { launchBrowser, ROOT, type ExtensionBrowser } from './harness';

const SHOTS = join(ROOT, 'artifacts', 'options');
let tifa: ExtensionBrowser;
let fresh: ExtensionBrowser | undefined;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  tifa = await launchBrowser({ viewport: { width: 1000, height: 900 } });
});
afterAll(async () => {
  await fresh?.close();
  await tifa?.close();
});

async function storedRules(browser: ExtensionBrowser): Promise<unknown> {
  return browser.serviceWorker.evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
    ).chrome;
    return (await api.storage.local.get('rulesCustom')).rulesCustom ?? null;
  });
}

async function waitForStored(browser: ExtensionBrowser, probe: (rules: CustomRules) => boolean): Promise<CustomRules> {
  for (let i = 0; i < 200; i++) {
    const rules = (await storedRules(browser)) as CustomRules | null;
    if (rules && probe(rules)) return rules;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`stored rules never matched: ${JSON.stringify(await storedRules(browser))}`);
}

async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  await page.locator('[data-testid="term-form"]').waitFor();
  return page;
}

describe('options page in Chromium', () => {
  it('is declared as options_ui opening in a tab', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'));
    expect(manifest.options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });
  });

  it('stores a custom term, refuses a bad pattern, and carries the rules to a fresh profile as a pack', {
    timeout: 180_000,
  }, async () => {
    const page = await openOptions(tifa);
    const terms = page.locator('[data-testid="term-form"]');
    await terms.locator('input[name="text"]').fill('千万工程');
    await terms.locator('select').selectOption('program');
    await terms.locator('input[name="gloss"]').fill('千村示范、万村整治');
    await terms.getByRole('button', { name: 'Add' }).click();
    await waitForStored(tifa, (r) => r.terms.some((t: { text: string }) => t.text === '千万工程'));

    const patterns = page.locator('[data-testid="pattern-form"]');
    await page.locator('#patterns textarea').fill('开展“清源”攻坚行动，推进“蓝天”攻坚行动。');
    await patterns.locator('input[name="pattern"]').fill('攻坚(行动');
    await expect
      .poll(() => page.locator('[data-testid="pattern-error"]').textContent())
      .toMatch(/not a valid regular expression: missing closing \)/);
    expect(await patterns.getByRole('button', { name: 'Add' }).isDisabled()).toBe(true);
    await patterns.locator('input[name="pattern"]').fill('“[^”]{2,8}”攻坚行动');
    await expect.poll(() => page.locator('.tifa-options-sample mark').count()).toBe(2);
    await patterns.locator('input[name="id"]').fill('campaign');
    await patterns.getByRole('button', { name: 'Add' }).click();
    const stored = await waitForStored(tifa, (r) => r.patterns.length === 1);
    expect(stored.patterns[0]).toMatchObject({ id: 'campaign', pattern: '“[^”]{2,8}”攻坚行动' });

    await page.locator('#corrections input').first().fill('翼龙');
    await page.locator('#corrections').getByRole('button', { name: 'Hide' }).click();
    await waitForStored(tifa, (r) => r.hidden.includes('翼龙'));
    await page.screenshot({ path: join(SHOTS, 'options.png') });
    await page.locator('#rules details summary').first().click();
    await page.evaluate(() => document.querySelector('#rules')!.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'options-rules.png') });

    const download = page.waitForEvent('download');
    await page.locator('[data-testid="pack-export"]').click();
    const packPath = await (await download).path();
    const packText = readFileSync(packPath!, 'utf8');
    expect(JSON.parse(packText)).toMatchObject({ tifaRules: 1, terms: [{ text: '千万工程' }], hidden: ['翼龙'] });

    fresh = await launchBrowser({ viewport: { width: 1000, height: 900 } });
    const other = await openOptions(fresh);
    await other.locator('[data-testid="pack-import"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"tifaRules": 1, "patterns": [{"id": "x", "pattern": "", "category": "program"}]}'),
    });
    await expect
      .poll(() => other.locator('[data-testid="pack-outcome"]').textContent())
      .toMatch(/broken\.json.*patterns\[0\] \(id "x"\)/);
    expect(await storedRules(fresh)).toBeNull();
    await other
      .locator('[data-testid="pack-import"]')
      .setInputFiles({ name: 'tifa-rules.json', mimeType: 'application/json', buffer: Buffer.from(packText) });
    const imported = await waitForStored(fresh, (r) => r.terms.length === 1);
    const original = await storedRules(tifa);
    expect(imported).toEqual(original);
    await other.locator('[data-term="千万工程"]').waitFor();
    await other.screenshot({ path: join(SHOTS, 'options-imported.png') });
  });
});
