import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  anchorSelectors,
  CONTEXT_CHARS,
  describeSpan,
  matchQuote,
  MAX_QUOTE_ERROR_RATE,
  TextPositionAnchor,
  TextQuoteAnchor,
} from '../../lib/anchoring';

const seed = readFileSync(join(__dirname, '../fixtures/corpus/seed/party-building-speech.txt'), 'utf8');

/** A span of the seed around a distinctive phrase. */
function spanOf(text: string, phrase: string, extend = 0): { start: number; end: number } {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`fixture lacks ${phrase}`);
  return { start: at, end: Math.min(text.length, at + phrase.length + extend) };
}

describe('describeSpan', () => {
  it('records the exact text, up to 32 characters of context and the position', () => {
    const { start, end } = spanOf(seed, '这次会议主要任务是', 40);
    const [quote, position] = describeSpan(seed, start, end);
    expect(quote.type).toBe('TextQuoteSelector');
    expect(quote.exact).toBe(seed.slice(start, end));
    expect(quote.prefix).toBe(seed.slice(start - CONTEXT_CHARS, start));
    expect(quote.suffix).toBe(seed.slice(end, end + CONTEXT_CHARS));
    expect(position).toEqual({ type: 'TextPositionSelector', start, end, codePoints: { start, end } });
  });

  it('clips context at the text edges', () => {
    const [quote] = describeSpan('一二三四五', 0, 2);
    expect(quote).toMatchObject({ exact: '一二', prefix: '', suffix: '三四五' });
  });

  it('refuses an empty or out-of-range span', () => {
    expect(() => describeSpan(seed, 5, 5)).toThrow(/cannot quote/);
    expect(() => describeSpan('abc', 1, 9)).toThrow(/cannot quote/);
    expect(() => new TextPositionAnchor(4, 2)).toThrow(/invalid text position/);
  });
});

describe('anchorSelectors round trip', () => {
  const { start, end } = spanOf(seed, '刚才，各区县委组织部', 60);
  const selectors = describeSpan(seed, start, end);
  const exact = seed.slice(start, end);

  it('finds an unchanged text at its position', () => {
    expect(anchorSelectors(seed, selectors)).toEqual({ start, end, method: 'position', errors: 0 });
  });

  it('finds the quote by exact search when text before it was inserted', () => {
    const edited = '【编者按】本文有删改。\n' + seed;
    const found = anchorSelectors(edited, selectors)!;
    expect(found.method).toBe('exact');
    expect(edited.slice(found.start, found.end)).toBe(exact);
  });

  it('finds the quote fuzzily after an edit inside it', () => {
    // Replace two characters in the middle of the quote (a typo fixed on the page).
    const mid = start + 20;
    const edited = seed.slice(0, mid) + '有关' + seed.slice(mid + 2);
    const found = anchorSelectors(edited, selectors)!;
    expect(found).not.toBeNull();
    expect(found.method).toBe('fuzzy');
    expect(found.errors).toBeGreaterThan(0);
    expect(Math.abs(found.start - start)).toBeLessThanOrEqual(2);
    expect(Math.abs(found.end - end)).toBeLessThanOrEqual(2);
  });

  it('finds the quote fuzzily after an insertion inside it and text removed before it', () => {
    const cut = seed.indexOf('同志们：');
    const mid = start + 30;
    const edited = seed.slice(0, cut) + seed.slice(cut + 4, mid) + '（掌声）' + seed.slice(mid);
    const found = anchorSelectors(edited, selectors)!;
    expect(found.method).toBe('fuzzy');
    expect(edited.slice(found.start, found.end)).toContain('（掌声）');
    expect(edited.slice(found.start, found.start + 10)).toBe(exact.slice(0, 10));
  });

  it('makes the passage an orphan when it was removed', () => {
    const edited = seed.slice(0, start) + seed.slice(end);
    expect(anchorSelectors(edited, selectors)).toBeNull();
  });

  it('makes the passage an orphan when it was rewritten beyond the error budget', () => {
    const quoteLen = end - start;
    const rewrites = Math.ceil(quoteLen * MAX_QUOTE_ERROR_RATE) + 6;
    let changed = '';
    for (let i = 0; i < quoteLen; i++) changed += i % Math.floor(quoteLen / rewrites) === 0 ? '某' : seed[start + i];
    const edited = seed.slice(0, start) + changed + seed.slice(end);
    expect(anchorSelectors(edited, selectors)).toBeNull();
  });
});

describe('matchQuote on formulaic text', () => {
  const repeated = '一要提高认识。其他内容甲。一要提高认识。其他内容乙。一要提高认识。';

  it('uses context to choose among repeated exact quotes', () => {
    const second = repeated.indexOf('一要提高认识', 10);
    const q = TextQuoteAnchor.fromSpan(repeated, second, second + 6);
    const found = q.locate(repeated)!;
    expect(found.start).toBe(second);
  });

  it('prefers the occurrence near the old position when context is equal', () => {
    const text = 'X。一要提高认识。X。一要提高认识。X。';
    const last = text.lastIndexOf('一要提高认识');
    const found = matchQuote(text, '一要提高认识', { prefix: 'X。', suffix: '。X', hint: last })!;
    expect(found.start).toBe(last);
  });

  it('refuses a fuzzy match whose context disagrees', () => {
    // The quote with one error exists, but in an unrelated place.
    const text = '甲乙丙丁。扎实推进基层党建工作全面过硬。戊己庚辛。';
    const found = matchQuote(text, '扎实推动基层党建工作全面过硬', {
      prefix: '完全不同的前文内容在这里出现过，',
      suffix: '，后文也完全不一样的一段话语',
    });
    expect(found).toBeNull();
  });

  it('accepts the same fuzzy match when the context agrees', () => {
    const text = '甲乙丙丁。扎实推进基层党建工作全面过硬。戊己庚辛。';
    const found = matchQuote(text, '扎实推动基层党建工作全面过硬', { prefix: '甲乙丙丁。', suffix: '。戊己庚辛' })!;
    expect(found).not.toBeNull();
    expect(found.errors).toBe(1);
    expect(text.slice(found.start, found.end)).toBe('扎实推进基层党建工作全面过硬');
  });

  it('does not search fuzzily for quotes too short for any error', () => {
    expect(matchQuote('一要提高认识', '二要')).toBeNull();
  });
});

describe('selector classes', () => {
  it('round-trip through W3C selector objects', () => {
    const q = new TextQuoteAnchor('exact', 'pre', 'suf');
    expect(TextQuoteAnchor.fromSelector(q.toSelector())).toEqual(q);
    const p = new TextPositionAnchor(3, 9);
    expect(TextPositionAnchor.fromSelector(p.toSelector())).toEqual(p);
    expect(p.textIn('0123')).toBeNull();
  });
});
