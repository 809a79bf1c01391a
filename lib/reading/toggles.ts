import { browser } from 'wxt/browser';
import { DEFAULT_VISIBLE_CATEGORIES, HIGHLIGHT_CATEGORIES, type HighlightCategory } from '../highlight/categories';

/**
 * Which highlight categories the reader wants to see. Global toggles apply to every page; a page can have its
 * own toggles that override them. Both live in extension storage (never in the page's storage), so they
 * persist and every open tab applies a change live through storage.onChanged.
 */
export interface Toggles {
  all: boolean;
  categories: Record<HighlightCategory, boolean>;
}

export type ToggleScope = 'page' | 'global';

export const GLOBAL_TOGGLES_KEY = 'readingToggles';
export const PAGE_TOGGLES_KEY = 'readingPageToggles';
/** Per-page overrides kept; the oldest are dropped beyond this, so storage cannot grow without bound. */
export const MAX_PAGE_TOGGLES = 300;

export function defaultToggles(): Toggles {
  const categories = {} as Record<HighlightCategory, boolean>;
  for (const c of HIGHLIGHT_CATEGORIES) categories[c] = DEFAULT_VISIBLE_CATEGORIES.includes(c);
  return { all: true, categories };
}

/** Storage content is not trusted to have our shape (older versions, manual edits): anything odd → defaults. */
export function sanitizeToggles(raw: unknown): Toggles | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as { all?: unknown; categories?: unknown };
  if (typeof r.all !== 'boolean') return null;
  const toggles = defaultToggles();
  toggles.all = r.all;
  if (r.categories && typeof r.categories === 'object') {
    for (const c of HIGHLIGHT_CATEGORIES) {
      const v = (r.categories as Record<string, unknown>)[c];
      if (typeof v === 'boolean') toggles.categories[c] = v;
    }
  }
  return toggles;
}

export function visibleCategories(toggles: Toggles): Set<HighlightCategory> {
  const out = new Set<HighlightCategory>();
  if (!toggles.all) return out;
  for (const c of HIGHLIGHT_CATEGORIES) if (toggles.categories[c]) out.add(c);
  return out;
}

/** The key a page's own toggles are stored under: the URL without its fragment. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

interface PageEntry {
  toggles: Toggles;
  at: number;
}

type PageMap = Record<string, PageEntry>;

async function readPageMap(): Promise<PageMap> {
  const got = await browser.storage.local.get(PAGE_TOGGLES_KEY);
  const raw = got[PAGE_TOGGLES_KEY];
  return raw && typeof raw === 'object' ? (raw as PageMap) : {};
}

export async function loadToggles(url: string): Promise<{ toggles: Toggles; scope: ToggleScope }> {
  const got = await browser.storage.local.get([GLOBAL_TOGGLES_KEY, PAGE_TOGGLES_KEY]);
  const pages = got[PAGE_TOGGLES_KEY] as PageMap | undefined;
  const own = pages && typeof pages === 'object' ? sanitizeToggles(pages[pageKey(url)]?.toggles) : null;
  if (own) return { toggles: own, scope: 'page' };
  return { toggles: sanitizeToggles(got[GLOBAL_TOGGLES_KEY]) ?? defaultToggles(), scope: 'global' };
}

export async function saveGlobalToggles(toggles: Toggles): Promise<void> {
  await browser.storage.local.set({ [GLOBAL_TOGGLES_KEY]: toggles });
}

/** Stores this page's own toggles, or with `null` drops them so the page follows the global toggles again. */
export async function savePageToggles(url: string, toggles: Toggles | null, now = Date.now()): Promise<void> {
  const pages = await readPageMap();
  const key = pageKey(url);
  if (toggles) pages[key] = { toggles, at: now };
  else delete pages[key];
  const keys = Object.keys(pages);
  if (keys.length > MAX_PAGE_TOGGLES) {
    keys.sort((a, b) => (pages[a]?.at ?? 0) - (pages[b]?.at ?? 0));
    for (const k of keys.slice(0, keys.length - MAX_PAGE_TOGGLES)) delete pages[k];
  }
  await browser.storage.local.set({ [PAGE_TOGGLES_KEY]: pages });
}

/** Calls `onChange` whenever global or page toggles change in storage; returns the unsubscribe function. */
export function watchToggles(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (GLOBAL_TOGGLES_KEY in changes || PAGE_TOGGLES_KEY in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
