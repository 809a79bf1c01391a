import type { Overlap } from './align';

/**
 * What kind of reuse an aligned pair is (issue 12):
 *  - `same`: near-identical (punctuation, width, a character or two);
 *  - `variant`: a template variant — names, places, numbers swapped, sentences inserted, dropped, reordered;
 *  - `contained`: the shorter passage recurs almost whole inside a much longer one.
 * Thresholds come from the precision/recall curve measured in tests/unit/similarity-eval.test.ts (template
 * variants of corpus paragraphs with 5–30% of characters changed against unrelated same-genre paragraphs);
 * the numbers and the curve are in that test's output and the README.
 */
export type ReuseLabel = 'same' | 'variant' | 'contained';

export const REUSE_THRESHOLDS = {
  /** Both passages covered at least this much: the same passage. */
  same: 0.95,
  /** The shorter passage covered at least this much: reuse (chosen from the curve: precision ≥ 0.95 first). */
  variant: 0.6,
  /** Shorter / longer significant length below this, with the shorter covered `contained`: one inside the other. */
  containedRatio: 0.6,
  contained: 0.85,
  /** Fewer shared significant characters than this is a stock phrase, not reuse. */
  minShared: 30,
} as const;

export function labelOverlap(o: Overlap, t = REUSE_THRESHOLDS): ReuseLabel | undefined {
  if (o.shared < t.minShared) return undefined;
  const shorter = Math.min(o.lengthA, o.lengthB);
  const longer = Math.max(o.lengthA, o.lengthB);
  const coverShorter = o.lengthA <= o.lengthB ? o.coverA : o.coverB;
  if (o.coverA >= t.same && o.coverB >= t.same) return 'same';
  if (shorter / longer < t.containedRatio && coverShorter >= t.contained) return 'contained';
  if (coverShorter >= t.variant) return 'variant';
  return undefined;
}

/** The score the curve is drawn over: the share of the shorter passage the other accounts for. */
export function reuseScore(o: Overlap): number {
  if (o.shared < REUSE_THRESHOLDS.minShared) return 0;
  return o.lengthA <= o.lengthB ? o.coverA : o.coverB;
}
