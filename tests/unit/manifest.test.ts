/**
 * Least privilege, checked on the BUILT manifests (what the browser actually sees), for Chrome and Firefox.
 * `npm test` builds both before vitest runs; run `npm run build` first when running this file alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_HOST_MATCHES } from '../../lib/sites';

const ROOT = resolve(__dirname, '..', '..');

interface Manifest {
  manifest_version: number;
  name: string;
  description: string;
  default_locale?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[] }[];
  commands?: Record<string, { suggested_key?: { default?: string }; description?: string }>;
  icons?: Record<string, string>;
  action?: { default_popup?: string };
  side_panel?: { default_path?: string };
  sidebar_action?: { default_panel?: string };
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
}

const BUILDS = {
  chrome: join(ROOT, '.output', 'chrome-mv3'),
  firefox: join(ROOT, '.output', 'firefox-mv3'),
} as const;

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No build at ${dir}: run \`npm run build\` (npm test does) first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** `*://*.gov.cn/*` covers `*://*.ccdi.gov.cn/*`: same scheme and path, host equal or a subdomain of a wildcard. */
function matchPatternCovers(general: string, specific: string): boolean {
  const parse = (p: string) => {
    const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(p);
    if (!m) throw new Error(`not a match pattern: ${p}`);
    return { scheme: m[1], host: m[2], path: m[3] };
  };
  const g = parse(general);
  const s = parse(specific);
  if (g.scheme !== '*' && g.scheme !== s.scheme) return false;
  if (g.path !== '/*' && g.path !== s.path) return false;
  if (g.host === s.host) return true;
  if (!g.host.startsWith('*.')) return false;
  const base = g.host.slice(2);
  const specificHost = s.host.startsWith('*.') ? s.host.slice(2) : s.host;
  return specificHost === base || specificHost.endsWith('.' + base);
}

const BROAD_PATTERNS = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
const ALLOWED_PERMISSIONS = {
  chrome: ['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage'],
  firefox: ['activeTab', 'contextMenus', 'scripting', 'storage'],
};

describe('content-script site list (lib/sites.ts)', () => {
  it('has no pattern that another pattern already covers', () => {
    const redundant = POLICY_HOST_MATCHES.flatMap((a) =>
      POLICY_HOST_MATCHES.filter((b) => a !== b && matchPatternCovers(a, b)).map((b) => `${b} (covered by ${a})`),
    );
    expect(redundant).toEqual([]);
    expect(new Set(POLICY_HOST_MATCHES).size).toBe(POLICY_HOST_MATCHES.length);
  });

  it('matchPatternCovers tells subdomains from look-alikes', () => {
    expect(matchPatternCovers('*://*.gov.cn/*', '*://*.ccdi.gov.cn/*')).toBe(true);
    expect(matchPatternCovers('*://*.gov.cn/*', '*://www.gov.cn/*')).toBe(true);
    expect(matchPatternCovers('*://*.gov.cn/*', '*://*.notgov.cn/*')).toBe(false);
    expect(matchPatternCovers('*://*.news.cn/*', '*://*.xinhuanet.com/*')).toBe(false);
    expect(matchPatternCovers('https://*.gov.cn/*', '*://*.npc.gov.cn/*')).toBe(false);
  });
});

for (const [browser, dir] of Object.entries(BUILDS) as [keyof typeof BUILDS, string][]) {
  describe(`${browser} manifest (least privilege)`, () => {
    const manifest = () => readManifest(dir);

    it('is Manifest V3', () => {
      expect(manifest().manifest_version).toBe(3);
    });

    it('asks for no broad host access at install', () => {
      const m = manifest();
      const installTime = [
        ...(m.permissions ?? []),
        ...(m.host_permissions ?? []),
        ...(m.content_scripts ?? []).flatMap((c) => c.matches),
      ];
      expect(installTime.filter((p) => BROAD_PATTERNS.includes(p))).toEqual([]);
      // Content-script matches already let the script run on the policy sites; no separate host_permissions.
      expect(m.host_permissions ?? []).toEqual([]);
    });

    it('uses only the permissions the features need', () => {
      expect([...(manifest().permissions ?? [])].sort()).toEqual(ALLOWED_PERMISSIONS[browser]);
      expect(manifest().optional_permissions ?? []).toEqual([]);
    });

    it('runs the content script exactly on the policy sites', () => {
      const scripts = manifest().content_scripts ?? [];
      expect(scripts).toHaveLength(1);
      expect([...scripts[0].matches].sort()).toEqual([...POLICY_HOST_MATCHES].sort());
    });

    it('requests other sites only at run time ("Always run on this site")', () => {
      expect([...(manifest().optional_host_permissions ?? [])].sort()).toEqual(['http://*/*', 'https://*/*']);
    });

    it('declares the clip-selection command with Alt+Shift+S', () => {
      const command = manifest().commands?.['clip-selection'];
      expect(command?.suggested_key?.default).toBe('Alt+Shift+S');
      expect(command?.description).toMatch(/^__MSG_\w+__$/);
    });

    it('declares open-library with Alt+Shift+L, and no more than the 4 suggested keys Chrome honours', () => {
      const commands = manifest().commands ?? {};
      expect(commands['open-library']?.suggested_key?.default).toBe('Alt+Shift+L');
      const keys = Object.values(commands).flatMap((c) => (c.suggested_key?.default ? [c.suggested_key.default] : []));
      expect(keys.length).toBeLessThanOrEqual(4);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('has PNG icons 16, 32, 48 and 128 of the declared size', () => {
      const icons = manifest().icons ?? {};
      expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
      for (const [size, path] of Object.entries(icons)) {
        expect(pngSize(join(dir, path))).toEqual({ width: Number(size), height: Number(size) });
      }
    });

    it('resolves every __MSG_key__ in en and zh_CN', () => {
      const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
      const keys = [...text.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
      expect(keys).toContain('extName');
      expect(manifest().default_locale).toBe('en');
      for (const lang of ['en', 'zh_CN']) {
        const messages = JSON.parse(readFileSync(join(dir, '_locales', lang, 'messages.json'), 'utf8')) as Record<
          string,
          { message: string }
        >;
        for (const key of keys) expect(messages[key]?.message, `${lang}: ${key}`).toBeTruthy();
      }
    });

    it('points popup, side panel and background at files that exist', () => {
      const m = manifest();
      const files = [
        m.action?.default_popup,
        browser === 'chrome' ? m.side_panel?.default_path : m.sidebar_action?.default_panel,
        ...(browser === 'chrome' ? [m.background?.service_worker] : (m.background?.scripts ?? [])),
        ...(m.content_scripts ?? []).flatMap((c) => c.js ?? []),
      ];
      expect(files).not.toContain(undefined);
      for (const f of files) expect(existsSync(join(dir, f!)), f).toBe(true);
      expect(m.action?.default_popup).toBe('popup.html');
      expect(browser === 'chrome' ? m.side_panel?.default_path : m.sidebar_action?.default_panel).toBe(
        'sidepanel.html',
      );
    });

    if (browser === 'firefox') {
      it('has a stable add-on id and no Chrome-only keys', () => {
        const m = manifest();
        expect(m.browser_specific_settings?.gecko?.id).toBe('tifa@tifa.local');
        expect(m.side_panel).toBeUndefined();
        expect(m.background?.service_worker).toBeUndefined();
      });
    }
  });
}
