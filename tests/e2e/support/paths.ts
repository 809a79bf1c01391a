/** Paths, test host names and the built extension's directories (re-exported by tests/e2e/harness.ts). */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Hosts the test-only variant holds up front: OTHER_HOST's domain, outside the content-script matches. */
export const TEST_GRANT_HOSTS = ['*://*.example.org/*'];

let testGrantDir: string | undefined;

/**
 * Directory of the test-only Chrome variant that holds host_permissions for *.example.org (OTHER_HOST), for
 * "Analyze this page" / "Always run on this site" tests, which headless Chromium cannot otherwise drive (no
 * toolbar click for activeTab, no permission prompt to answer). Pass it as launchBrowser({ extensionDir }).
 *
 * The variant is the Chrome build with one manifest key added (a separate `wxt build` produced exactly that, byte
 * for byte, at the cost of a whole build in every `npm test`), so it is derived here, once per test process:
 * the build is copied to .output/test-grant/chrome-mv3 and its manifest gains `host_permissions`. The shipped
 * build is never touched (tests/unit/manifest.test.ts checks it holds no host permissions).
 * TIFA_TEST_GRANT_EXTENSION_DIR loads a ready-made variant instead.
 */
export function testGrantExtensionDir(): string {
  if (process.env.TIFA_TEST_GRANT_EXTENSION_DIR) return resolve(process.env.TIFA_TEST_GRANT_EXTENSION_DIR);
  if (testGrantDir) return testGrantDir;
  const from = buildOnce();
  const to = join(ROOT, '.output', 'test-grant', 'chrome-mv3');
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  if ('host_permissions' in manifest) throw new Error(`${from}: the shipped build already holds host permissions`);
  // The key goes where WXT writes it (after optional_host_permissions), so the two manifests differ in it alone.
  const granted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(manifest)) {
    granted[key] = value;
    if (key === 'optional_host_permissions') granted.host_permissions = TEST_GRANT_HOSTS;
  }
  granted.host_permissions ??= TEST_GRANT_HOSTS;
  writeFileSync(join(to, 'manifest.json'), JSON.stringify(granted));
  testGrantDir = to;
  return to;
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
