import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Three projects: fast unit tests (happy-dom, fake IndexedDB, WXT's fake browser), end-to-end tests that drive
// the built extension in Debian's Chromium, and the Firefox journeys (Firefox ESR over WebDriver BiDi,
// tests/firefox). `npm test` builds first, then runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
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
        },
      },
    ],
  },
});
