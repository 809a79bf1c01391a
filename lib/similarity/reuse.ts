import { coverBound, overlapCompact, type Overlap } from './align';
import { compactOnly } from './fingerprint';
import { labelOverlap, REUSE_THRESHOLDS, reuseScore, type ReuseLabel } from './labels';
import { paragraphHashes, type Candidate, type CandidateSource } from './paragraph-index';

/**
 * Reuse of one paragraph in an indexed history: fingerprints find candidates (cheap, many false leads), character
 * alignment confirms them and says how much is shared (the label). `textOf` gives a candidate paragraph's text
 * (from memory, or loaded by the caller for the candidates only).
 */
export interface ReuseMatch {
  /** Position of the matching paragraph in the index. */
  paragraph: number;
  label: ReuseLabel;
  /** Share of the shorter passage accounted for by the other (0..1). */
  score: number;
  overlap: Overlap;
}

export interface ReuseOptions {
  /** Candidates aligned per query paragraph. */
  limit?: number;
  /** Paragraph positions to leave out (e.g. the page's own paragraphs when it is already in the history). */
  exclude?: (paragraph: number) => boolean;
}

export function findCandidates(index: CandidateSource, text: string, limit = 8): Candidate[] {
  return index.candidates(paragraphHashes(text), { limit });
}

export function confirmReuse(
  text: string,
  candidates: readonly Candidate[],
  textOf: (paragraph: number) => string,
  options: ReuseOptions = {},
): ReuseMatch[] {
  return confirmCompact(compactOnly(text), candidates, (p) => compactOnly(textOf(p)), options);
}

/** confirmReuse on texts already folded (`compactText(…).compact`): the query's and each candidate's. */
export function confirmCompact(
  query: string,
  candidates: readonly Candidate[],
  compactOf: (paragraph: number) => string,
  options: ReuseOptions = {},
): ReuseMatch[] {
  const out: ReuseMatch[] = [];
  for (const { paragraph } of candidates) {
    if (options.exclude?.(paragraph)) continue;
    const other = compactOf(paragraph);
    const shorter = query.length <= other.length ? query : other;
    // Cannot be reuse: skip the diff (most unrelated candidates end here).
    if (coverBound(shorter, shorter === query ? other : query) < REUSE_THRESHOLDS.variant) continue;
    const o = overlapCompact(query, other);
    const label = labelOverlap(o);
    if (label) out.push({ paragraph, label, score: reuseScore(o), overlap: o });
  }
  return out.sort((a, b) => b.score - a.score || b.overlap.shared - a.overlap.shared);
}

export function findReuse(
  index: CandidateSource,
  text: string,
  textOf: (paragraph: number) => string,
  options: ReuseOptions = {},
): ReuseMatch[] {
  return confirmReuse(text, findCandidates(index, text, options.limit), textOf, options);
}
