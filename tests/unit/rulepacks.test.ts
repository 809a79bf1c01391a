/** Rule packs: validation (whole or nothing, naming the entry), merging without duplicates, the pattern guards. */
import { describe, expect, it } from 'vitest';
import {
  compileUserPattern,
  exportRulePack,
  mergeRulePack,
  parseRulePack,
  patternProblemText,
  RulePackError,
  serializeRulePack,
  emptyCustomRules,
} from '../../lib/rulepacks';

/** A clock that does not move: these tests are about validation, not about the machine's speed. */
const still = { now: () => 0 };

const PACK = {
  tifaRules: 1,
  name: '浙江提法',
  terms: [{ text: '千万工程', category: 'program', gloss: '千村示范、万村整治', aliases: ['“千万工程”'] }],
  patterns: [
    { id: 'zj.campaign', pattern: '“[^”]{2,8}”攻坚行动', flags: 'u', category: 'program', description: '省级攻坚行动' },
  ],
  hidden: ['翼龙'],
};

function refusal(pack: unknown): string {
  try {
    parseRulePack(JSON.stringify(pack), { speed: still });
  } catch (err) {
    expect(err).toBeInstanceOf(RulePackError);
    return (err as Error).message;
  }
  throw new Error('the pack was accepted');
}

describe('parseRulePack', () => {
  it('accepts the documented format and round-trips through export', () => {
    const pack = parseRulePack(JSON.stringify(PACK), { speed: still });
    expect(pack).toEqual(PACK);
    const exported = serializeRulePack(exportRulePack({ ...pack, corrections: [] }, '浙江提法'));
    expect(parseRulePack(exported, { speed: still })).toEqual(pack);
  });

  it('refuses malformed packs with a message naming the entry', () => {
    expect(refusal('{')).toBe('not a Tifa rule pack (no "tifaRules" version field)');
    expect(() => parseRulePack('{', { speed: still })).toThrow(/not valid JSON/);
    expect(refusal({ ...PACK, terms: [PACK.terms[0], { text: '两山', category: 'idea' }] })).toMatch(
      /^terms\[1\] "两山": category: /,
    );
    expect(refusal({ ...PACK, terms: [{ text: '  ', category: 'program' }] })).toMatch(
      /^terms\[0\] " {2}": text: the text is empty/,
    );
    expect(refusal({ ...PACK, hidden: [42] })).toMatch(/^hidden\[0\]: /);
    expect(refusal({ ...PACK, patterns: [{ ...PACK.patterns[0], extra: 1 }] })).toMatch(
      /^patterns\[0\] \(id "zj.campaign"\): /,
    );
  });

  it('refuses a wrong version', () => {
    expect(refusal({ ...PACK, tifaRules: 2 })).toBe('rule pack version 2 is newer than this Tifa understands (1)');
    expect(refusal({ ...PACK, tifaRules: 0 })).toMatch(/^rule pack: tifaRules: /);
  });

  it('refuses duplicate pattern ids and duplicate terms', () => {
    expect(refusal({ ...PACK, patterns: [PACK.patterns[0], { ...PACK.patterns[0], pattern: '工程' }] })).toBe(
      'patterns[1] (id "zj.campaign"): duplicate id',
    );
    expect(refusal({ ...PACK, terms: [PACK.terms[0], { text: '千万工程 ', category: 'formulation' }] })).toBe(
      'terms[1] "千万工程 ": duplicate term',
    );
  });

  it('refuses bad patterns: invalid, empty-matching, unsupported flags', () => {
    const withPattern = (pattern: string, flags = 'u') => ({
      ...PACK,
      patterns: [{ id: 'p1', pattern, flags, category: 'formulation' }],
    });
    expect(refusal(withPattern('“(千万'))).toMatch(
      /^patterns\[0\] \(id "p1"\): not a valid regular expression: missing closing \)/,
    );
    expect(refusal(withPattern('(?=工程)'))).toMatch(/^patterns\[0\] \(id "p1"\): not a valid regular expression/);
    expect(refusal(withPattern('工程|'))).toBe(
      'patterns[0] (id "p1"): matches the empty string, so it cannot mark anything',
    );
    expect(refusal(withPattern('\\b'))).toMatch(/matches the empty string/);
    expect(refusal(withPattern('工程', 'y'))).toBe('patterns[0] (id "p1"): unsupported flag "y" (use i, m, s, u)');
  });
});

describe('compileUserPattern', () => {
  it('finds matches with UTF-16 offsets, also after characters outside the BMP', () => {
    const check = compileUserPattern('“[^”]{2,8}”攻坚行动');
    if (!check.ok) throw new Error(patternProblemText(check.problem).en);
    const text = '😀开展“清源”攻坚行动和“蓝天”攻坚行动';
    const spans = check.matcher.findAll(text, text.length).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(['“清源”攻坚行动', '“蓝天”攻坚行动']);
  });

  it('refuses a pattern that is too slow on the long sample, stopping at the first chunk over budget', () => {
    let calls = 0;
    // Each reading of the clock advances it by 100 ms: the first chunk is already past a 50 ms budget.
    const clock = () => 100 * calls++;
    const check = compileUserPattern('工程', 'u', { budgetMs: 50, now: clock });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problem.code).toBe('slow');
    expect(calls).toBe(2);
    expect(patternProblemText(check.problem)).toEqual({
      zh: '在长文本上太慢：100 ms for 10,000 of 100,000 characters (budget 50 ms)',
      en: 'too slow on a long text: 100 ms for 10,000 of 100,000 characters (budget 50 ms)',
    });
  });

  it('accepts the same pattern within the budget, and refuses an automaton too large to be cheap', () => {
    expect(compileUserPattern('工程', 'u', still).ok).toBe(true);
    const huge = compileUserPattern('(?:两山|三农){1,1000}', 'u', still);
    expect(huge.ok ? 'accepted' : huge.problem.code).toBe('complex');
  });

  it('runs a catastrophic backtracking pattern in linear time (RE2), so it is accepted and finds nothing', () => {
    const check = compileUserPattern('(a+)+$', 'u', still);
    if (!check.ok) throw new Error(patternProblemText(check.problem).en);
    const text = 'a'.repeat(5000) + '!';
    expect(check.matcher.findAll(text, text.length)).toEqual([]);
  });
});

describe('mergeRulePack', () => {
  const pack = parseRulePack(JSON.stringify(PACK), { speed: still });

  it('adds what is new and skips what the reader already has', () => {
    const first = mergeRulePack(emptyCustomRules(), pack);
    expect(first.added).toEqual({ terms: 1, patterns: 1, hidden: 1 });
    const again = mergeRulePack(first.rules, { ...pack, hidden: ['翼 龙', '新词'] });
    expect(again.added).toEqual({ terms: 0, patterns: 0, hidden: 1 });
    expect(again.rules.terms).toEqual(first.rules.terms);
    expect(again.rules.hidden).toEqual(['翼龙', '新词']);
  });

  it('rejects the whole pack when a pattern id already means something else', () => {
    const { rules } = mergeRulePack(emptyCustomRules(), pack);
    const clash = {
      ...pack,
      terms: [{ text: '新词', category: 'program' as const }],
      patterns: [{ ...pack.patterns[0], pattern: '工程' }],
    };
    expect(() => mergeRulePack(rules, clash)).toThrow(
      'patterns (id "zj.campaign"): a different pattern with this id already exists',
    );
  });
});
