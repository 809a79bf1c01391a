/** Paths, test host names and the built extension's directories (re-exported by tests/e2e/harness.ts). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');
export const CORPUS_DIR = join(FIXTURES_DIR, 'corpus');
/** Static pages for e2e tests (seed.html …), served as-is. */
export const PAGES_DIR = join(FIXTURES_DIR, 'pages');
export const SEED_TEXT_FILE = join(CORPUS_DIR, 'seed', 'party-building-speech.txt');
export const CHROMIUM_PATH = process.env.TIFA_CHROMIUM ?? '/usr/bin/chromium';

/** Host the fixture pages are served under by default; matched by the content script's `*://*.gov.cn/*`. */
export const POLICY_HOST = 'www.gov.cn';
/** A host outside the content script's matches (for activeTab / "Always run on this site" tests). */
export const OTHER_HOST = 'www.example.org';
/** Host patterns mapped to 127.0.0.1 unless launchBrowser({ hosts }) says otherwise. */
export const DEFAULT_MAPPED_HOSTS = ['*.gov.cn', '*.example.org'];

// ---------------------------------------------------------------------------------------------------------------
// The built extension

/** Directory of the built Chrome extension that launchBrowser loads. */
export function extensionDir(): string {
  return resolve(process.env.TIFA_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3'));
}

/**
 * Directory of the test-only Chrome build that holds host_permissions for *.example.org (OTHER_HOST), built by
 * `npm run build:test-grant` (`npm test` does). For "Analyze this page" / "Always run on this site" tests, which
 * headless Chromium cannot otherwise drive (no toolbar click for activeTab, no permission prompt to answer).
 * TIFA_TEST_GRANT_EXTENSION_DIR loads a private copy instead. Pass it as launchBrowser({ extensionDir }).
 */
export function testGrantExtensionDir(): string {
  return resolve(process.env.TIFA_TEST_GRANT_EXTENSION_DIR ?? join(ROOT, '.output', 'test-grant', 'chrome-mv3'));
}

/**
 * Checks that the Chrome build exists and returns its directory. Does not build: `npm test` builds before
 * vitest starts (building inside a test would race the other test files and other people's builds).
 */
export function buildOnce(dir = extensionDir()): string {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(
      `No built extension at ${dir} (manifest.json missing). Run \`npm run build:chrome\` first ` +
        '(`npm test` does this), or point TIFA_EXTENSION_DIR at a build.',
    );
  }
  return dir;
}
