/** The reader's rules in extension storage (WXT's fake browser): typed load/save, sync fallback, subscribe. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CUSTOM_RULES_KEY,
  RULE_TOGGLES_KEY,
  loadRuleSettings,
  saveCustomRules,
  saveRuleToggles,
  subscribeRuleSettings,
  type RuleSettings,
} from '../../lib/rulepacks/settings';
import { emptyCustomRules } from '../../lib/rulepacks/schema';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const RULES = {
  terms: [{ text: '千万工程', category: 'program' as const, gloss: '千村示范、万村整治' }],
  patterns: [{ id: 'acres', pattern: '\\d+亩', category: 'target' as const }],
  hidden: ['翼龙'],
  corrections: [{ text: '三清三拆', category: 'formulation' as const }],
};

describe('rule settings storage', () => {
  it('starts empty and round-trips custom rules (local) and toggles (sync)', async () => {
    expect(await loadRuleSettings()).toEqual({
      rules: emptyCustomRules(),
      toggles: { disabledCategories: [], disabledRules: [] },
    });
    await saveCustomRules(RULES);
    await saveRuleToggles({ disabledCategories: ['target'], disabledRules: ['program.quoted'] });
    expect((await fakeBrowser.storage.local.get(CUSTOM_RULES_KEY))[CUSTOM_RULES_KEY]).toEqual(RULES);
    expect((await fakeBrowser.storage.sync.get(RULE_TOGGLES_KEY))[RULE_TOGGLES_KEY]).toEqual({
      disabledCategories: ['target'],
      disabledRules: ['program.quoted'],
    });
    expect(await loadRuleSettings()).toEqual({
      rules: RULES,
      toggles: { disabledCategories: ['target'], disabledRules: ['program.quoted'] },
    });
  });

  it('drops invalid stored entries instead of failing', async () => {
    await fakeBrowser.storage.local.set({
      [CUSTOM_RULES_KEY]: { terms: [RULES.terms[0], { text: '', category: 'program' }, 'x'], hidden: [3, '两山'] },
    });
    await fakeBrowser.storage.sync.set({ [RULE_TOGGLES_KEY]: { disabledCategories: ['target', 'nonsense'] } });
    const { rules, toggles } = await loadRuleSettings();
    expect(rules).toEqual({ terms: RULES.terms, patterns: [], hidden: ['两山'], corrections: [] });
    expect(toggles).toEqual({ disabledCategories: ['target'], disabledRules: [] });
  });

  it('falls back to storage.local when storage.sync refuses the write', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await saveRuleToggles({ disabledCategories: ['meeting'], disabledRules: [] });
    expect((await fakeBrowser.storage.local.get(RULE_TOGGLES_KEY))[RULE_TOGGLES_KEY]).toEqual({
      disabledCategories: ['meeting'],
      disabledRules: [],
    });
    expect((await loadRuleSettings()).toggles.disabledCategories).toEqual(['meeting']);
  });

  it('tells subscribers about changes to either key, and stops after unsubscribe', async () => {
    const seen: RuleSettings[] = [];
    let notify: () => void = () => {};
    const unsubscribe = subscribeRuleSettings((s) => {
      seen.push(s);
      notify();
    });
    const next = () => new Promise<void>((resolve) => (notify = resolve));

    let arrived = next();
    await saveCustomRules(RULES);
    await arrived;
    expect(seen.at(-1)!.rules.hidden).toEqual(['翼龙']);

    arrived = next();
    await saveRuleToggles({ disabledCategories: ['document'], disabledRules: [] });
    await arrived;
    expect(seen.at(-1)!.toggles.disabledCategories).toEqual(['document']);

    await fakeBrowser.storage.local.set({ unrelated: 1 });
    unsubscribe();
    // A second subscriber shows when the change has been delivered; the first must not hear of it.
    let later!: () => void;
    const delivered = new Promise<void>((resolve) => (later = resolve));
    const stopLater = subscribeRuleSettings(() => later());
    await saveCustomRules(emptyCustomRules());
    await delivered;
    stopLater();
    expect(seen).toHaveLength(2);
  });
});
