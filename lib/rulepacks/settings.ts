/**
 * Where the reader's rules live, typed:
 * - `rulesCustom` in storage.local — custom terms, patterns, hidden terms and corrections (can grow beyond
 *   storage.sync's per-item quota);
 * - `rulesToggles` in storage.sync — disabled categories and rules, small enough to follow the reader to their
 *   other browsers. Where sync is missing or refuses a write (quota, disabled), it falls back to storage.local.
 *
 * Storage is not trusted to have our shape (older versions, manual edits): each entry is validated on load and
 * invalid ones are dropped. subscribeRuleSettings() lets the background recompile and re-analyse on change.
 */
import { browser } from 'wxt/browser';
import type { MentionCategory } from '../rules/types';
import { defaultRuleToggles, type RuleToggles } from './compile';
import {
  categorySchema,
  correctionSchema,
  emptyCustomRules,
  hiddenTermSchema,
  packPatternSchema,
  packTermSchema,
  type CustomRules,
} from './schema';

export const CUSTOM_RULES_KEY = 'rulesCustom';
export const RULE_TOGGLES_KEY = 'rulesToggles';

export interface RuleSettings {
  rules: CustomRules;
  toggles: RuleToggles;
}

type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

function syncArea(): Area | null {
  return (browser.storage as { sync?: Area }).sync ?? null;
}

function validEntries<T>(raw: unknown, parse: (v: unknown) => { success: boolean; data?: T }): T[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((v) => {
    const r = parse(v);
    return r.success ? [r.data as T] : [];
  });
}

export function sanitizeCustomRules(raw: unknown): CustomRules {
  if (!raw || typeof raw !== 'object') return emptyCustomRules();
  const r = raw as Record<string, unknown>;
  return {
    terms: validEntries(r.terms, (v) => packTermSchema.safeParse(v)),
    patterns: validEntries(r.patterns, (v) => packPatternSchema.safeParse(v)),
    hidden: validEntries(r.hidden, (v) => hiddenTermSchema.safeParse(v)),
    corrections: validEntries(r.corrections, (v) => correctionSchema.safeParse(v)),
  };
}

export function sanitizeRuleToggles(raw: unknown): RuleToggles {
  if (!raw || typeof raw !== 'object') return defaultRuleToggles();
  const r = raw as Record<string, unknown>;
  return {
    disabledCategories: validEntries<MentionCategory>(r.disabledCategories, (v) => categorySchema.safeParse(v)),
    disabledRules: Array.isArray(r.disabledRules)
      ? r.disabledRules.filter((v): v is string => typeof v === 'string')
      : [],
  };
}

async function loadToggles(): Promise<RuleToggles> {
  const sync = syncArea();
  if (sync) {
    try {
      const stored = (await sync.get(RULE_TOGGLES_KEY))[RULE_TOGGLES_KEY];
      if (stored !== undefined) return sanitizeRuleToggles(stored);
    } catch {
      // sync unavailable (disabled, or a browser without it): the local copy below is the reader's setting.
    }
  }
  return sanitizeRuleToggles((await browser.storage.local.get(RULE_TOGGLES_KEY))[RULE_TOGGLES_KEY]);
}

export async function loadRuleSettings(): Promise<RuleSettings> {
  const local = await browser.storage.local.get(CUSTOM_RULES_KEY);
  return { rules: sanitizeCustomRules(local[CUSTOM_RULES_KEY]), toggles: await loadToggles() };
}

export async function saveCustomRules(rules: CustomRules): Promise<void> {
  await browser.storage.local.set({ [CUSTOM_RULES_KEY]: sanitizeCustomRules(rules) });
}

export async function saveRuleToggles(toggles: RuleToggles): Promise<void> {
  const value = sanitizeRuleToggles(toggles);
  const sync = syncArea();
  if (sync) {
    try {
      await sync.set({ [RULE_TOGGLES_KEY]: value });
      return;
    } catch (err) {
      console.warn('[tifa] storage.sync refused the rule toggles; keeping them in local storage:', err);
    }
  }
  await browser.storage.local.set({ [RULE_TOGGLES_KEY]: value });
}

/** Calls `onChange` with the fresh settings whenever either key changes in any area. Returns unsubscribe. */
export function subscribeRuleSettings(onChange: (settings: RuleSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' && area !== 'sync') return;
    if (!(CUSTOM_RULES_KEY in changes) && !(RULE_TOGGLES_KEY in changes)) return;
    loadRuleSettings().then(onChange, (err: unknown) => console.warn('[tifa] could not reload rule settings:', err));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
