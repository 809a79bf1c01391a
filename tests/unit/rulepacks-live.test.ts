/** The background's live rule set and the tooltip edits, on WXT's fake browser storage. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { addTerm, correctCategory, hideTerm, startLiveRuleSet } from '../../lib/rulepacks/live';
import { loadRuleSettings } from '../../lib/rulepacks/settings';
import { analyze } from '../../lib/rules';
import type { CompiledRuleSet } from '../../lib/rules/custom-rules';

beforeEach(() => fakeBrowser.reset());

const TEXT = '今年要开展“翼龙”无人机应急演练，落实“四个全面”战略布局。';

describe('live rule set', () => {
  it('compiles the stored rules and follows every change made from a page', async () => {
    const live = startLiveRuleSet();
    await live.ready;
    expect(analyze(TEXT, { ruleSet: live.current() })).toEqual(analyze(TEXT));

    let changed!: (r: CompiledRuleSet) => void;
    const next = () => new Promise<CompiledRuleSet>((resolve) => (changed = resolve));
    live.onChange((r) => changed(r));

    let update = next();
    await addTerm({ text: '翼龙', category: 'program', gloss: '无人机型号' });
    let ruleSet = await update;
    expect(analyze(TEXT, { ruleSet }).mentions.find((m) => m.text === '翼龙')).toMatchObject({ ruleId: 'custom.term' });

    update = next();
    await correctCategory('“四个全面”', 'program');
    ruleSet = await update;
    expect(analyze(TEXT, { ruleSet }).mentions.find((m) => m.key === '四个全面')?.category).toBe('program');

    update = next();
    await hideTerm('翼龙');
    ruleSet = await update;
    expect(analyze(TEXT, { ruleSet }).mentions.some((m) => m.text === '翼龙')).toBe(false);
    live.stop();
  });

  it('keeps one entry per text and refuses an invalid or duplicate term', async () => {
    await hideTerm('翼龙');
    await hideTerm(' 翼龙');
    await correctCategory('三清三拆', 'program');
    await correctCategory('三清三拆', 'formulation');
    await addTerm({ text: '千万工程', category: 'program' });
    await expect(addTerm({ text: '千万工程', category: 'formulation' })).rejects.toThrow(
      'the term "千万工程" is already there',
    );
    await expect(addTerm({ text: '', category: 'program' })).rejects.toThrow(/not a valid term/);
    const { rules } = await loadRuleSettings();
    expect(rules.hidden).toEqual(['翼龙']);
    expect(rules.corrections).toEqual([{ text: '三清三拆', category: 'formulation' }]);
    expect(rules.terms).toEqual([{ text: '千万工程', category: 'program' }]);
  });
});
