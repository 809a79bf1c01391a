import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/**
 * WxtVitest's setup file (run before every unit test file) imports `fakeBrowser` from `wxt/testing`, whose index
 * also re-exports the Vite plugin and with it all of WXT's build core; WXT modules are inlined, so each test file
 * paid for transforming and loading that build tool it never uses (most of each file's "setup" time). Tests need
 * only the fake browser, so `wxt/testing` resolves to that module alone (the same fakeBrowser object).
 */
const WXT_FAKE_BROWSER = join(dirname(createRequire(import.meta.url).resolve('wxt/testing')), 'fake-browser.mjs');

// Three projects: fast unit tests (happy-dom, fake IndexedDB, WXT's fake browser), end-to-end tests that drive
// the built extension in Debian's Chromium, and the Firefox journeys (Firefox ESR over WebDriver BiDi,
// tests/firefox). `npm test` builds first, then runs them all.
// Tuned for a 2-core machine: two workers (one per core; more only adds contention), timeouts generous enough
// that a loaded machine slows the suite down instead of failing it, and browser files one at a time (each drives
// its own browser, which needs both cores). The projects run one after another (sequence.groupOrder): unit tests,
// then Chromium, then Firefox, so the two browsers never compete for the cores.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        plugins: [WxtVitest()],
        resolve: { alias: [{ find: /^wxt\/testing$/, replacement: WXT_FAKE_BROWSER }] },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // expect.poll waits for a condition; its 1 s default is a wall-clock bet a loaded machine loses.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
