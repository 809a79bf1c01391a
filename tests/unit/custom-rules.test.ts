/** The reader's rules run in the same engine as the built-in ones (lib/rules/custom-rules.ts + analyze hook). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/rules';
import { EMPTY_RULE_SET, type CompiledRuleSet } from '../../lib/rules/custom-rules';
import { RuleSetCompiler } from '../../lib/rulepacks/compile';
import { emptyCustomRules, type CustomRules } from '../../lib/rulepacks/schema';

const TEXT =
  '同志们：今年我省要全面推进“百县千镇万村高质量发展工程”，落实“四个全面”战略布局，' +
  '开展“翼龙”无人机应急演练，实施ＡＢＣ提升计划和“三清三拆”行动，确保清退闲置厂房3000亩以上。';

function ruleSet(rules: Partial<CustomRules>, toggles: Partial<CompiledRuleSet> = {}): CompiledRuleSet {
  const compiled = new RuleSetCompiler({ now: () => 0 }).compile({ ...emptyCustomRules(), ...rules }).ruleSet;
  return { ...compiled, ...toggles };
}

const texts = (r: ReturnType<typeof analyze>, category?: string) =>
  r.mentions.filter((m) => !category || m.category === category).map((m) => m.text);

describe('analyze(text, { ruleSet })', () => {
  it('gives exactly the built-in result with no options and with an empty rule set', () => {
    const plain = analyze(TEXT);
    expect(analyze(TEXT, {})).toEqual(plain);
    expect(analyze(TEXT, { ruleSet: EMPTY_RULE_SET })).toEqual(plain);
  });

  it('marks a custom term and its alias with offsets into the text, its category, ruleId and gloss', () => {
    const r = analyze(TEXT, {
      ruleSet: ruleSet({
        terms: [{ text: '翼龙', category: 'program', gloss: '一种无人机型号', aliases: ['ABC提升计划'] }],
      }),
    });
    const term = r.mentions.find((m) => m.text === '翼龙');
    expect(term).toMatchObject({ category: 'program', ruleId: 'custom.term', key: '翼龙', gloss: '一种无人机型号' });
    expect(TEXT.slice(term!.start, term!.end)).toBe('翼龙');
    // The alias is written in half-width letters; the page uses full-width ones: same term after folding.
    const alias = r.mentions.find((m) => m.text === 'ＡＢＣ提升计划');
    expect(alias).toMatchObject({ ruleId: 'custom.term', key: '翼龙', category: 'program' });
  });

  it('lets a custom pattern win an overlap with a built-in mention', () => {
    const r = analyze(TEXT, {
      ruleSet: ruleSet({
        patterns: [{ id: 'clean', pattern: '“三清三拆”行动', category: 'formulation' }],
      }),
    });
    const m = r.mentions.find((x) => x.ruleId === 'custom.pattern:clean');
    expect(m).toMatchObject({ text: '“三清三拆”行动', category: 'formulation', key: '三清三拆行动' });
    expect(r.mentions.filter((x) => x.start < m!.end && x.end > m!.start)).toHaveLength(1);
  });

  it('hides a built-in mention by its text and corrects the category of another', () => {
    const before = analyze(TEXT);
    expect(texts(before)).toContain('“四个全面”');
    const wrongCategory = before.mentions.find((m) => m.text.includes('百县千镇万村'))!;
    const r = analyze(TEXT, {
      ruleSet: ruleSet({
        hidden: ['四个全面'],
        corrections: [{ text: wrongCategory.text, category: 'formulation' }],
      }),
    });
    expect(texts(r).some((t) => t.includes('四个全面'))).toBe(false);
    expect(r.mentions.find((m) => m.start === wrongCategory.start)).toMatchObject({
      category: 'formulation',
      ruleId: wrongCategory.ruleId,
    });
  });

  it('switches off a category and an individual built-in rule', () => {
    const before = analyze(TEXT);
    expect(texts(before, 'target').length).toBeGreaterThan(0);
    const noTargets = analyze(TEXT, { ruleSet: ruleSet({}, { disabledCategories: ['target'] }) });
    expect(texts(noTargets, 'target')).toEqual([]);
    expect(texts(noTargets, 'formulation')).toEqual(texts(before, 'formulation'));

    const someRule = before.mentions[0].ruleId;
    const withoutRule = analyze(TEXT, { ruleSet: ruleSet({}, { disabledRules: [someRule] }) });
    expect(withoutRule.mentions.some((m) => m.ruleId === someRule)).toBe(false);
    expect(withoutRule.mentions.length).toBeGreaterThan(0);
  });

  it('switches off custom terms and a custom pattern by their rule ids', () => {
    const rules = {
      terms: [{ text: '翼龙', category: 'program' as const }],
      patterns: [{ id: 'acres', pattern: '\\d+亩', category: 'target' as const }],
    };
    const on = analyze(TEXT, { ruleSet: ruleSet(rules) });
    expect(on.mentions.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['custom.term', 'custom.pattern:acres']));
    const off = analyze(TEXT, { ruleSet: ruleSet(rules, { disabledRules: ['custom.term', 'custom.pattern:acres'] }) });
    expect(off.mentions.some((m) => m.ruleId.startsWith('custom.'))).toBe(false);
  });
});
