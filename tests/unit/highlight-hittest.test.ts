import { describe, expect, it } from 'vitest';
import { maxSpanLength, spanAtOffset, type OffsetSpan } from '../../lib/highlight/hitTest';

/** Reference answer: the shortest span containing the offset, by a linear scan. */
function naive(spans: OffsetSpan[], offset: number): number {
  let best = -1;
  spans.forEach((s, i) => {
    if (s.start <= offset && offset < s.end && (best < 0 || s.end - s.start < spans[best].end - spans[best].start))
      best = i;
  });
  return best;
}

describe('spanAtOffset', () => {
  it('finds the innermost span: a program inside a section heading wins over the heading', () => {
    const spans = [
      { start: 0, end: 30 }, // section heading
      { start: 5, end: 14 }, // program inside it
      { start: 40, end: 44 },
    ];
    const max = maxSpanLength(spans);
    expect(spanAtOffset(spans, 0, max)).toBe(0);
    expect(spanAtOffset(spans, 5, max)).toBe(1);
    expect(spanAtOffset(spans, 13, max)).toBe(1);
    expect(spanAtOffset(spans, 14, max)).toBe(0);
    expect(spanAtOffset(spans, 30, max)).toBe(-1);
    expect(spanAtOffset(spans, 43, max)).toBe(2);
    expect(spanAtOffset(spans, 44, max)).toBe(-1);
    expect(spanAtOffset([], 3, 0)).toBe(-1);
  });

  it('agrees with a linear scan on random sorted spans', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 50; round++) {
      const spans: OffsetSpan[] = [];
      for (let i = 0; i < 40; i++) {
        const start = rand(500);
        spans.push({ start, end: start + 1 + rand(30) });
      }
      spans.sort((a, b) => a.start - b.start || b.end - a.end);
      const max = maxSpanLength(spans);
      for (let offset = 0; offset < 540; offset += 3) {
        const got = spanAtOffset(spans, offset, max);
        const want = naive(spans, offset);
        if (want < 0) expect(got).toBe(-1);
        else expect(spans[got].end - spans[got].start).toBe(spans[want].end - spans[want].start);
        if (got >= 0) expect(spans[got].start <= offset && offset < spans[got].end).toBe(true);
      }
    }
  });
});
