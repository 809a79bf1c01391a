import { describe, expect, it } from 'vitest';
import { contextAgreement, matchQuote, MIN_CONTEXT_SCORE, placeQuote } from '../../lib/anchoring/match-quote';
import { createSearchBudget, MAX_COST_PER_CLIP } from '../../lib/anchoring/search-budget';
import { seededRandom } from '../helpers/seeded-random';

/**
 * Hypothesis's text-anchoring cases, ported as data (inputs and expected outputs; not their code).
 * Source: https://github.com/hypothesis/client, commit 9d28950c84560765f77b8e8e133c0f11ad577410,
 * src/annotator/anchoring/test/match-quote-test.js (BSD-2-Clause). Whitespace normalised as their test does.
 * Deliberate difference, named per case: Tifa accepts a fuzzy match only within 15% of the quote's length
 * (MAX_QUOTE_ERROR_RATE) where Hypothesis allows half — on formulaic policy texts a wrong match is worse than none.
 */
const solitude = `Many years later, as he faced the firing squad,
    Colonel Aureliano Buendía was to remember that distant afternoon
    when his father took him to discover ice`.replace(/\s+/g, ' ');
const twoCities = `It was the best of times, it was the worst of times,
    it was the age of wisdom, it was the age of foolishness, it was the epoch of belief,
    it was the epoch of incredulity, it was the season of Light, it was the
    season of Darkness, it was the spring of hope, it was the winter of despair, we had
    everything before us, we had nothing before us, we were all going direct to Heaven,
    we were all going direct the other way.`.replace(/\s+/g, ' ');

interface PortedCase {
  name: string;
  text: string;
  quote: string;
  context?: { prefix?: string; suffix?: string; hint?: number };
  /** Where the match starts (text.indexOf of this string), or null for no match. */
  expectedAt: string | null;
  /** Hypothesis's expectation when Tifa deliberately differs. */
  hypothesis?: string;
}

const CASES: PortedCase[] = [
  { name: 'finds exact match', text: solitude, quote: 'discover ice', expectedAt: 'discover ice' },
  {
    name: 'finds best approximate match if there is no exact match',
    text: solitude,
    quote: 'some years later',
    expectedAt: null,
    hypothesis: "'Many years later' (4 errors in 16 = 25%, over Tifa's 15% ceiling)",
  },
  {
    name: 'returns null if there is no acceptable approximate match',
    text: twoCities,
    quote: solitude,
    expectedAt: null,
  },
  { name: 'returns null if quote is empty', text: 'foobar', quote: '', expectedAt: null },
  { name: 'returns null if text is empty', text: '', quote: 'foobar', expectedAt: null },
  {
    name: 'best context match (0): exact prefix',
    text: twoCities,
    quote: 'before us',
    context: { prefix: 'we had everything' },
    expectedAt: 'before us, we had nothing',
  },
  {
    name: 'best context match (1): exact prefix',
    text: twoCities,
    quote: 'before us',
    context: { prefix: 'we had nothing' },
    expectedAt: 'before us, we were all going',
  },
  {
    name: 'best context match (2): approximate prefix',
    text: twoCities,
    quote: 'before us',
    context: { prefix: 'we had every-thing' },
    expectedAt: 'before us, we had nothing',
  },
  {
    name: 'best context match (3): approximate prefix',
    text: twoCities,
    quote: 'before us',
    context: { prefix: 'we had nout' },
    expectedAt: 'before us, we were all going',
  },
  {
    name: 'best context match (4): exact suffix',
    text: twoCities,
    quote: 'we had',
    context: { suffix: 'everything' },
    expectedAt: 'we had everything',
  },
  {
    name: 'best context match (5): exact suffix',
    text: twoCities,
    quote: 'we had',
    context: { suffix: 'nothing' },
    expectedAt: 'we had nothing',
  },
  {
    name: 'best context match (6): approximate suffix',
    text: twoCities,
    quote: 'we had',
    context: { suffix: 'ever ting' },
    expectedAt: 'we had everything',
  },
  {
    name: 'best context match (7): approximate suffix',
    text: twoCities,
    quote: 'we had',
    context: { suffix: 'nutting' },
    expectedAt: 'we had nothing',
  },
  {
    name: 'hint breaks ties (A)',
    text: twoCities,
    quote: 'befor us',
    context: { hint: twoCities.indexOf('everything before us') + 'everything '.length },
    expectedAt: 'before us, we had nothing',
  },
  {
    name: 'hint breaks ties (B)',
    text: twoCities,
    quote: 'befor us',
    context: { hint: twoCities.indexOf('nothing before us') + 'nothing '.length },
    expectedAt: 'before us, we were all going',
  },
  {
    name: 'no hint: the first of equal matches',
    text: twoCities,
    quote: 'befor us',
    expectedAt: 'before us, we had nothing',
  },
  {
    name: 'prefix longer than the match start',
    text: solitude,
    quote: 'years later',
    context: { prefix: 'It used to be many' },
    expectedAt: 'years later',
  },
  {
    name: 'match ends at end of text with a non-empty suffix',
    text: 'Some document text',
    quote: 'text',
    context: { suffix: 'missing' },
    expectedAt: 'text',
  },
];

describe('Hypothesis match-quote cases (ported table)', () => {
  it.each(CASES)('$name', ({ text, quote, context, expectedAt }) => {
    const match = matchQuote(text, quote, context);
    if (expectedAt === null) expect(match).toBeNull();
    else expect(match?.start).toBe(text.indexOf(expectedAt));
  });

  it('names every deliberate difference from Hypothesis', () => {
    expect(CASES.filter((c) => c.hypothesis).map((c) => c.name)).toEqual([
      'finds best approximate match if there is no exact match',
    ]);
  });

  it('scores by quote similarity (Tifa: the two quotes past 15% have no match at all)', () => {
    const scores = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'].map(
      (q) => matchQuote(solitude, q)?.score ?? null,
    );
    expect(scores[0]).toBe(1);
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[1]).toBeLessThan(scores[0]!);
    expect(scores.slice(2)).toEqual([null, null]); // Hypothesis: scored lower still
  });

  it('scores by prefix and by suffix similarity, best first', () => {
    const byPrefix = ['Many years later', 'Many yers later', 'Some years later', 'Some years after'].map(
      (prefix) => matchQuote(solitude, ', as he faced the firing squad', { prefix })!.score,
    );
    const bySuffix = [
      ', as he faced the firing squad',
      ', as she faced the firing squad',
      ', as he awaited the firing squad',
      ', as he awaited his death',
    ].map((suffix) => matchQuote(solitude, 'Many years later', { suffix })!.score);
    for (const scores of [byPrefix, bySuffix]) {
      expect(scores.every((s, i) => i === 0 || s < scores[i - 1])).toBe(true);
    }
  });
});

/** Chinese-looking text from a seeded generator: no accidental repeats of long pieces. */
function pageText(length: number, seed: number): string {
  const random = seededRandom(seed);
  let s = '';
  while (s.length < length) s += String.fromCharCode(0x4e00 + Math.floor(random() * 6000));
  return s;
}

describe('matchQuote returns the best acceptable candidate', () => {
  it('skips a better-scoring occurrence whose context disagrees for one whose context agrees', () => {
    const quote = '坚持稳中求进工作总基调';
    const prefix = pageText(100, 1);
    const random = seededRandom(2);
    // Replace `n` characters of the expected prefix, so the context agrees to (100 - n)%.
    const spoil = (n: number) => {
      const chars = [...prefix];
      const spots = new Set<number>();
      while (spots.size < n) spots.add(Math.floor(random() * chars.length));
      for (const i of spots) chars[i] = '〇';
      return chars.join('');
    };
    const near = spoil(51); // agrees 0.49: not acceptable, but next to the old position
    const far = spoil(50); // agrees 0.50: acceptable, at the far end of the text
    const text = near + quote + pageText(5_000, 3) + far + quote;
    expect(contextAgreement(near, prefix)).toBeLessThan(MIN_CONTEXT_SCORE);
    expect(contextAgreement(far, prefix)).toBeGreaterThanOrEqual(MIN_CONTEXT_SCORE);
    const match = matchQuote(text, quote, { prefix, hint: near.length });
    expect(match?.start).toBe(text.lastIndexOf(quote));
  });
});

describe('the fuzzy search has a cost ceiling per clip and per run', () => {
  const page = pageText(1_000_000, 7);

  it('a 20,000-character clip missing from a 1,000,000-character page stops at the per-clip ceiling, unplaced', () => {
    const budget = createSearchBudget();
    const result = placeQuote(page, pageText(20_000, 8), { prefix: pageText(32, 9), hint: 500_000 }, budget);
    expect(result.status).toBe('unplaced');
    expect(budget.spent).toBeLessThanOrEqual(MAX_COST_PER_CLIP);
  });

  it('still finds that clip with 100 scattered edits, by searching only around exact pieces of it', () => {
    const quote = pageText(20_000, 10);
    const random = seededRandom(11);
    const edited = [...quote];
    for (let i = 0; i < 100; i++) edited[Math.floor(random() * edited.length)] = '〇';
    const at = 600_000;
    const text = page.slice(0, at) + edited.join('') + page.slice(at);
    const budget = createSearchBudget();
    const result = placeQuote(
      text,
      quote,
      { prefix: page.slice(at - 32, at), suffix: page.slice(at, at + 32) },
      budget,
    );
    expect(result).toMatchObject({ status: 'placed', match: { start: at, end: at + 20_000 } });
    expect(budget.spent).toBeLessThanOrEqual(MAX_COST_PER_CLIP);
  }, 60_000);

  it('one run budget covers all clips of a page: once spent, the rest are unplaced for cost, not searched', () => {
    const budget = createSearchBudget(MAX_COST_PER_CLIP);
    const missing = [pageText(20_000, 12), pageText(20_000, 13), pageText(20_000, 14)];
    const reasons = missing.map((quote) => {
      const r = placeQuote(page, quote, {}, budget);
      return r.status === 'unplaced' ? r.reason : 'placed';
    });
    expect(reasons[2]).toBe('over-budget');
    expect(budget.spent).toBeLessThanOrEqual(MAX_COST_PER_CLIP);
    // An exact quote costs no fuzzy search and is placed even from an exhausted budget.
    expect(placeQuote(page, page.slice(1_000, 1_050), {}, budget).status).toBe('placed');
  });

  it('a small page is searched whole, exactly as Hypothesis does, within the ceiling', () => {
    const text = pageText(20_000, 15);
    const quote = text.slice(5_000, 5_040).replace(text[5_010], '〇');
    expect(placeQuote(text, quote)).toMatchObject({ status: 'placed', match: { start: 5_000, errors: 1 } });
  });
});
