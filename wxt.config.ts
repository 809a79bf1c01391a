import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { writeLocales } from './scripts/locales';
import { POLICY_HOST_MATCHES } from './lib/sites';

// Locale files are generated from locales/*.json so that each area of the product keeps its own strings.
writeLocales();

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    host_permissions: POLICY_HOST_MATCHES,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'tifa@tifa.local', strict_min_version: '128.0' } },
        }
      : {}),
  }),
});
