/**
 * What screenshot steps run in: one Chromium with the extension, one fixture server, one output directory.
 * Used by `npm run screenshots` (docs/screenshots/) and by `npm start` without a display (artifacts/start/).
 *
 * Each area adds a module scripts/screenshots/<area>.ts exporting `steps: ScreenshotStep[]`; steps run in order
 * (shell, reading, clipping, reviewing, then others by name) in the SAME browser profile, so a later step sees
 * what an earlier one did (clips made in a clipping step appear in the library step).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  PAGES_DIR,
  launchBrowser,
  newTab,
  startServer,
  waitForTifa,
  type ExtensionBrowser,
  type FixtureServer,
} from '../../tests/e2e/harness';

export interface ScreenshotContext {
  tifa: ExtensionBrowser;
  server: FixtureServer;
  outDir: string;
  /** Opens the bundled sample speech (tests/fixtures/pages/seed.html on www.gov.cn) and waits for Tifa. */
  openSample(path?: string): Promise<{ page: Page; tabId: number; verdict: string | null }>;
  /** Opens popup.html / sidepanel.html as a tab about `tabId`, sized like the real popup / side panel. */
  openView(view: 'popup.html' | 'sidepanel.html', tabId: number): Promise<Page>;
  /** Saves a PNG of `page` as <outDir>/<file> (with the session's language suffix) and returns its path. */
  shot(
    page: Page,
    file: string,
    options?: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } },
  ): Promise<string>;
  /** Paths written so far. */
  written: string[];
  /** Problems that did not stop the run (e.g. the page was not marked); the caller decides the exit status. */
  warnings: string[];
}

export interface ScreenshotStep {
  /** Short id, used by `npm run screenshots -- <name>` to run a subset. */
  name: string;
  /** What the picture shows (printed next to the file). */
  description: string;
  run(ctx: ScreenshotContext): Promise<void>;
}

/** Sizes of the real UI surfaces, so the pictures look like the product. */
export const VIEW_SIZES = {
  'popup.html': { width: 380, height: 560 },
  'sidepanel.html': { width: 420, height: 860 },
} as const;

/**
 * The UI languages the pictures are taken in, Chinese first: each picture is written once per language, as
 * <name>.<suffix>.png (the README embeds the zh_CN ones and links the en ones).
 */
export const SCREENSHOT_LOCALES = [
  { locale: 'zh-CN', suffix: 'zh_CN' },
  { locale: 'en-US', suffix: 'en' },
] as const;

export async function openSession(
  outDir: string,
  options: { headless?: boolean; locale?: string; suffix?: string } = {},
): Promise<ScreenshotContext & { close(): Promise<void> }> {
  mkdirSync(outDir, { recursive: true });
  const server = await startServer({ dir: PAGES_DIR });
  let tifa: ExtensionBrowser;
  try {
    tifa = await launchBrowser({ headless: options.headless ?? true, locale: options.locale ?? 'zh-CN' });
  } catch (err) {
    await server.close();
    throw err;
  }
  const written: string[] = [];
  const warnings: string[] = [];
  // After one page went unmarked, do not wait the full time on every later sample page.
  let markingFailed = false;
  const ctx: ScreenshotContext = {
    tifa,
    server,
    outDir,
    written,
    warnings,
    async openSample(path = '/seed.html') {
      const { page, tabId } = await newTab(tifa, server.url(path));
      let verdict: string | null = null;
      try {
        verdict = await waitForTifa(page, markingFailed ? 2_000 : 15_000);
      } catch (err) {
        markingFailed = true;
        warnings.push((err as Error).message.replace(/:\d+\//, ':<port>/'));
      }
      return { page, tabId, verdict };
    },
    async openView(view, tabId) {
      const page = await tifa.context.newPage();
      await page.setViewportSize(VIEW_SIZES[view]);
      await page.goto(`chrome-extension://${tifa.extensionId}/${view}?tabId=${tabId}`, { waitUntil: 'load' });
      // Let the view fetch its data (messages, IndexedDB) and render.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      return page;
    },
    async shot(page, file, opts = {}) {
      const path = join(outDir, options.suffix ? file.replace(/\.png$/, `.${options.suffix}.png`) : file);
      await page.screenshot({ path, fullPage: opts.fullPage ?? false, clip: opts.clip });
      written.push(path);
      return path;
    },
  };
  return {
    ...ctx,
    close: async () => {
      await tifa.close();
      await server.close();
    },
  };
}
