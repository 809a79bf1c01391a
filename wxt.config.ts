import { defineConfig, type Entrypoint } from 'wxt';
import type { InlineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { writeLocales } from './scripts/locales';
import { CONTENT_ONLY_PROPS } from './scripts/content-props';

// Locale files are generated from locales/*.json so that each area of the product keeps its own strings.
writeLocales();

/**
 * Manifest policy (checked by tests/unit/manifest.test.ts against the built manifests):
 * - MV3 for Chrome AND Firefox. One manifest shape (action, scripting, optional_host_permissions) means one code
 *   path; Firefox MV2 would need browserAction/tabs.executeScript and optional_permissions instead.
 * - Least privilege: no <all_urls>, no host_permissions. The content script's matches (lib/sites.ts, declared in
 *   entrypoints/content.ts) are the only sites Tifa reads by default; "Analyze this page" uses activeTab, and
 *   "Always run on this site" requests one origin from optional_host_permissions at run time.
 * - The side panel entrypoint becomes `side_panel` (+ the sidePanel permission, added by WXT) on Chrome and
 *   `sidebar_action` on Firefox.
 *
 * The test-only variant with host_permissions for *.example.org is derived from this build by the e2e harness
 * (tests/e2e/support/paths.ts testGrantExtensionDir), so no build configuration ships it.
 */

/**
 * webextension-polyfill for extension pages and the background, NOT for the content script. The content script
 * is loaded fresh with every listed page and has a 60 KB budget (tests/unit/content-bundle.test.ts); the
 * polyfill was ~9.7 KB of it. What the content script calls (runtime.sendMessage, storage.local, i18n) is
 * promise-based natively in Chromium MV3 and Firefox, and its one listener answers through sendResponse
 * (lib/messages/content-endpoint.ts). So its build keeps WXT's own `wxt/browser` (`browser` or `chrome`); every
 * other build gets the polyfill, as `@wxt-dev/webextension-polyfill` would alias it.
 */
function polyfillOutsideContentScripts(entrypoints: readonly Entrypoint[], config: InlineConfig): void {
  if (entrypoints.some((e) => e.type === 'content-script')) slimContentScript(config);
  else addAlias(config, { find: /^wxt\/browser$/, replacement: '@wxt-dev/webextension-polyfill/browser' });
}

/**
 * The content script's build (60 KB budget, tests/unit/content-bundle.test.ts): WXT's ContentScriptContext
 * swapped for the part Tifa uses (lib/reading/script-context.ts, ~2.7 KB less), and terser instead of esbuild's
 * minifier (several passes, top-level names mangled, ~2.5 KB less), which also renames property names only the
 * content script uses (scripts/content-props.ts, ~1.4 KB less). `TIFA_SOURCEMAP=1 npm run build:chrome` writes
 * content.js.map, to see which modules the bytes come from.
 */
function slimContentScript(config: InlineConfig): void {
  addAlias(config, {
    find: /^wxt\/utils\/content-script-context$/,
    replacement: fileURLToPath(new URL('./lib/reading/script-context.ts', import.meta.url)),
  });
  config.build ??= {};
  config.build.minify = 'terser';
  if (process.env.TIFA_SOURCEMAP) config.build.sourcemap = true;
  config.build.terserOptions = {
    ecma: 2020,
    toplevel: true,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true },
    // Private `#fields` are renamed anyway; these public names are the content script's own (scripts/content-props.ts).
    mangle: { properties: { regex: new RegExp(`^(?:${CONTENT_ONLY_PROPS.join('|')})$`) } },
    format: { comments: false },
  };
}

function addAlias(config: InlineConfig, entry: { find: RegExp; replacement: string }): void {
  config.resolve ??= {};
  const alias = config.resolve.alias ?? [];
  config.resolve.alias = Array.isArray(alias)
    ? [entry, ...alias]
    : [entry, ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement }))];
}

export default defineConfig({
  hooks: { 'vite:build:extendConfig': polyfillOutsideContentScripts },
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      // Handled by the clipping area (browser.commands.onCommand); the reader can rebind it in the browser.
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_shellCommandClipSelection__',
      },
      // Opens the library page (lib/clipping/commands.ts). Chrome honours at most 4 suggested keys.
      'open-library': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_shellCommandOpenLibrary__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tifa@tifa.local',
              // 140 (current ESR) is the first release that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Everything stays in the reader's browser (IndexedDB, extension storage); nothing is sent anywhere.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // CSS Custom Highlight API (105) and chrome.sidePanel.open (116).
          minimum_chrome_version: '116',
        }),
  }),
});
