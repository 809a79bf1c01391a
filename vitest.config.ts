import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

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
