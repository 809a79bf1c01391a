import { describe, expect, it } from 'vitest';
import { quoteSelector } from '../../lib/anchoring/describe';
import { buildClipDraft } from '../../lib/clipping/build-clip';
import { MAX_TITLE_CHARS } from '../../lib/clips/limits';
import { toCodePointSpan, toUtf16Span, truncateUnits } from '../../lib/text/code-points';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('UTF-16 offsets and code points', () => {
  it('counts astral characters once at the boundary, twice inside', () => {
    const text = '𠮷野家😀：坚持稳中求进';
    expect(toCodePointSpan(text, 7, 9)).toEqual({ start: 5, end: 7 });
    expect(toUtf16Span(text, 5, 7)).toEqual({ start: 7, end: 9 });
    expect(toCodePointSpan(text, 0, 3)).toEqual({ start: 0, end: 2 }); // 𠮷 and 野
    // Counter-example: plain BMP text is the same in both units.
    expect(toCodePointSpan('坚持稳中求进', 2, 4)).toEqual({ start: 2, end: 4 });
  });

  it('round-trips every character boundary of a mixed text', () => {
    const text = 'a𠮷b😀👍🏽c𡈽';
    const boundaries = [0];
    for (const ch of text) boundaries.push(boundaries[boundaries.length - 1] + ch.length);
    const back = boundaries.map(
      (u) => toUtf16Span(text, toCodePointSpan(text, 0, u).end, toCodePointSpan(text, 0, u).end).start,
    );
    expect(back).toEqual(boundaries);
  });
});

describe('cutting at a fixed length never splits a surrogate pair', () => {
  it('keeps prefix and suffix whole: 32 units of context shorten by one rather than split 𠮷', () => {
    const before = `${'甲'.repeat(5)}𠮷${'乙'.repeat(31)}`; // 𠮷 straddles the 32-unit boundary before the quote
    const text = `${before}坚持稳中求进${'丙'.repeat(31)}😀丁`;
    const start = before.length;
    const selector = quoteSelector(text, start, start + 6);
    expect(selector.prefix).toBe('乙'.repeat(31));
    expect(selector.suffix).toBe('丙'.repeat(31));
    expect(LONE_SURROGATE.test(selector.prefix + selector.suffix)).toBe(false);
    // Counter-example: when no pair straddles the boundary, the full 32 units are kept.
    expect(quoteSelector(`${'甲'.repeat(40)}乙`, 40, 41).prefix).toHaveLength(32);
  });

  it('truncates titles at a character boundary', () => {
    expect(truncateUnits('ab😀', 3)).toBe('ab');
    expect(truncateUnits('ab😀', 4)).toBe('ab😀');
    const title = `${'标'.repeat(MAX_TITLE_CHARS - 1)}😀尾`;
    const draft = buildClipDraft(
      { text: '坚持稳中求进工作总基调', url: 'https://www.gov.cn/a.htm', title, analysis: null } as never,
      0,
      11,
    );
    expect(draft.title).toBe('标'.repeat(MAX_TITLE_CHARS - 1));
    expect(LONE_SURROGATE.test(draft.title)).toBe(false);
  });
});
