import { coverBound, overlapCompact } from '../similarity/align';
import { compactText } from '../similarity/fingerprint';
import { ParagraphIndex, paragraphHashes } from '../similarity/paragraph-index';

/**
 * Pairs the paragraphs of two versions of a text, one-to-one: identical paragraphs first (by folded text), then
 * the rest by fingerprint candidates confirmed with alignment, best pairs first. Then the longest chain of pairs
 * in the same order on both sides (longest increasing subsequence) stays in place; every other pair has moved.
 */
export interface ParagraphPair {
  left: number;
  right: number;
  identical: boolean;
  moved: boolean;
}

/** A pair must share at least this much of the shorter paragraph (aligned runs of 4+ characters). */
const MIN_PAIR_SCORE = 0.5;
/** …and at least this many characters, so two short headings that share 一、 are not a pair. */
const MIN_PAIR_SHARED = 6;
/**
 * Share of the shorter paragraph's fingerprints that must be shared before aligning. Sharing half of the text
 * in runs of 4+ characters with edits spread out leaves about a fifth of the 7-character shingles intact.
 */
const MIN_FINGERPRINT_SHARE = 0.2;

export function matchParagraphs(left: readonly string[], right: readonly string[]): ParagraphPair[] {
  const leftCompact = left.map((t) => compactText(t).compact);
  const rightCompact = right.map((t) => compactText(t).compact);
  const leftUsed = new Uint8Array(left.length);
  const rightUsed = new Uint8Array(right.length);
  const pairs: Array<Omit<ParagraphPair, 'moved'>> = [];

  const byText = new Map<string, number[]>();
  leftCompact.forEach((c, i) => {
    if (!c) return;
    const list = byText.get(c);
    if (list) list.push(i);
    else byText.set(c, [i]);
  });
  rightCompact.forEach((c, j) => {
    const list = byText.get(c);
    const i = list?.shift();
    if (i === undefined) return;
    pairs.push({ left: i, right: j, identical: true });
    leftUsed[i] = 1;
    rightUsed[j] = 1;
  });

  const leftHashes = left.map((t) => paragraphHashes(t));
  const index = ParagraphIndex.build(leftHashes);
  const scored: Array<{ left: number; right: number; score: number }> = [];
  for (let j = 0; j < right.length; j++) {
    if (rightUsed[j]) continue;
    const hashes = paragraphHashes(right[j]);
    for (const c of index.candidates(hashes, { minShared: 1, minShare: 0, limit: 6 })) {
      if (leftUsed[c.paragraph]) continue;
      // Aligning two unrelated paragraphs is the slow case of a diff (no long equal runs to split on): skip
      // pairs whose fingerprints already rule out sharing half of the shorter one.
      if (c.shared < MIN_FINGERPRINT_SHARE * Math.min(hashes.length, leftHashes[c.paragraph].length)) continue;
      const [shorter, longer] =
        leftCompact[c.paragraph].length <= rightCompact[j].length
          ? [leftCompact[c.paragraph], rightCompact[j]]
          : [rightCompact[j], leftCompact[c.paragraph]];
      if (coverBound(shorter, longer) < MIN_PAIR_SCORE) continue;
      const o = overlapCompact(leftCompact[c.paragraph], rightCompact[j]);
      const score = Math.min(o.lengthA, o.lengthB) ? o.shared / Math.min(o.lengthA, o.lengthB) : 0;
      if (score >= MIN_PAIR_SCORE && o.shared >= MIN_PAIR_SHARED)
        scored.push({ left: c.paragraph, right: j, score: score + o.shared / 1e6 });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.right - b.right);
  for (const s of scored) {
    if (leftUsed[s.left] || rightUsed[s.right]) continue;
    leftUsed[s.left] = 1;
    rightUsed[s.right] = 1;
    pairs.push({ left: s.left, right: s.right, identical: false });
  }

  pairs.sort((a, b) => a.right - b.right);
  const inPlace = longestIncreasing(pairs.map((p) => p.left));
  return pairs.map((p, k) => ({ ...p, moved: !inPlace.has(k) }));
}

/** Positions (into `values`) of one longest strictly increasing subsequence: O(n log n) patience sorting. */
export function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  for (let k = 0; k < values.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[tails[mid]] < values[k]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) out.add(k);
  return out;
}
