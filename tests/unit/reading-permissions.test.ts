import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  alwaysRunOnSite,
  analyzeThisPage,
  CONTENT_SCRIPT_FILE,
  isSiteAlwaysOn,
  revokeSite,
  siteScriptId,
  syncSiteScripts,
} from '../../lib/permissions/sites';

/** A stand-in for the browser's permission and scripting state (the fake browser does not implement them). */
function fakeSiteApis(initial: { granted?: string[]; scripts?: string[] } = {}) {
  const granted = new Set(initial.granted ?? []);
  const scripts = new Map<string, { id: string; matches: string[]; js: string[] }>();
  for (const id of initial.scripts ?? [])
    scripts.set(id, { id, matches: [id.slice('tifa-site:'.length)], js: [CONTENT_SCRIPT_FILE] });
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions = {
    ...b.permissions,
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.add(o));
      return true;
    }),
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.delete(o));
      return true;
    }),
  };
  b.scripting = {
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
      [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    ),
    registerContentScripts: vi.fn(async (list: Array<{ id: string; matches: string[]; js: string[] }>) => {
      for (const s of list) scripts.set(s.id, s);
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => scripts.delete(id))),
    executeScript: vi.fn(async () => []),
  };
  return { granted, scripts, apis: b };
}

beforeEach(() => fakeBrowser.reset());

describe('"Always run on this site" and revoke', () => {
  it('asks for exactly this site, then registers the content script for it once', async () => {
    const { granted, scripts, apis } = fakeSiteApis();
    expect(await alwaysRunOnSite('https://www.example.org:8443/speech/1.html?x=1')).toBe(true);
    expect(apis.permissions.request).toHaveBeenCalledWith({ origins: ['https://www.example.org/*'] });
    expect([...granted]).toEqual(['https://www.example.org/*']);
    const script = scripts.get(siteScriptId('https://www.example.org/*'))!;
    expect(script.matches).toEqual(['https://www.example.org/*']);
    expect(script.js).toEqual([CONTENT_SCRIPT_FILE]);
    await alwaysRunOnSite('https://www.example.org/other.html');
    expect(apis.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('registers nothing when the reader refuses', async () => {
    const { scripts, apis } = fakeSiteApis();
    apis.permissions.request = vi.fn(async () => false);
    expect(await alwaysRunOnSite('https://www.example.org/')).toBe(false);
    expect(scripts.size).toBe(0);
  });

  it('revoking removes both the script and the permission', async () => {
    const { granted, scripts } = fakeSiteApis({
      granted: ['https://a.example/*'],
      scripts: ['tifa-site:https://a.example/*'],
    });
    await revokeSite('https://a.example/page');
    expect(granted.size).toBe(0);
    expect(scripts.size).toBe(0);
  });

  it('counts a site as "always on" only with both its permission and its registered script', async () => {
    // A host the browser granted some other way (its site-access menu, or host_permissions in a build) has no
    // script yet: the popup must keep offering "Always run on this site" for it.
    fakeSiteApis({ granted: ['https://granted.example/*'] });
    expect(await isSiteAlwaysOn('https://granted.example/a.html')).toBe(false);
    await alwaysRunOnSite('https://granted.example/a.html');
    expect(await isSiteAlwaysOn('https://granted.example/b.html')).toBe(true);
    expect(await isSiteAlwaysOn('https://other.example/a.html')).toBe(false);
    await revokeSite('https://granted.example/a.html');
    expect(await isSiteAlwaysOn('https://granted.example/a.html')).toBe(false);
  });

  it('the background drops scripts whose permission the reader removed in browser settings', async () => {
    const { scripts } = fakeSiteApis({
      granted: ['https://kept.example/*'],
      scripts: ['tifa-site:https://kept.example/*', 'tifa-site:https://gone.example/*'],
    });
    await syncSiteScripts();
    expect([...scripts.keys()]).toEqual(['tifa-site:https://kept.example/*']);
  });
});

describe('"Analyze this page"', () => {
  it('injects the content script file into the tab (activeTab)', async () => {
    const { apis } = fakeSiteApis();
    await analyzeThisPage(7);
    expect(apis.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [CONTENT_SCRIPT_FILE] });
  });
});
