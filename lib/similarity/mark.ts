import type { Candidate, CandidateSource } from './paragraph-index';
import { compactOnly } from './fingerprint';
import { paragraphFingerprint } from './paragraph-index';
import type { Paragraph } from './paragraphs';
import { confirmCompact, type ReuseMatch } from './reuse';

/**
 * Marking a page against the history in two steps, so the caller can load only the candidate paragraphs'
 * texts (from IndexedDB) between them: fingerprint candidates for every paragraph, then alignment.
 */
export interface PageCandidates {
  perParagraph: Candidate[][];
  /** Every candidate position, once: what to load. */
  positions: number[];
  /** Each paragraph's fingerprints (reused by the caller for a second index: the clips). */
  hashes: Uint32Array[];
  /** Each paragraph's folded significant text (what the hashes came from, and what alignment works on). */
  compact: string[];
}

/**
 * Candidates aligned per paragraph when marking a page: the tooltip names at most three other speeches, and a
 * template paragraph can recur in dozens of history pages — aligning all of them would cost a page ~10×.
 */
export const MARK_CANDIDATES = 3;

export function pageCandidates(
  index: CandidateSource,
  paragraphs: readonly Paragraph[],
  exclude?: (position: number) => boolean,
  limit = MARK_CANDIDATES,
): PageCandidates {
  const all = new Set<number>();
  const prints = paragraphs.map((p) => paragraphFingerprint(p.text));
  const hashes = prints.map((f) => f.hashes);
  const perParagraph = paragraphs.map((_p, i) => {
    // Ask for more than needed: the page's own earlier copy (excluded) would otherwise take the first places.
    const found = index
      .candidates(hashes[i], { limit: exclude ? limit * 2 : limit })
      .filter((c) => !exclude?.(c.paragraph))
      .slice(0, limit);
    for (const c of found) all.add(c.paragraph);
    return found;
  });
  return { perParagraph, positions: [...all], hashes, compact: prints.map((f) => f.compact) };
}

export interface MarkedParagraph {
  paragraph: Paragraph;
  matches: ReuseMatch[];
}

/** Paragraphs with at least one confirmed reuse, in page order. */
export function confirmPage(
  paragraphs: readonly Paragraph[],
  found: PageCandidates,
  textOf: (position: number) => string,
): MarkedParagraph[] {
  const out: MarkedParagraph[] = [];
  // A history paragraph is often the candidate of several page paragraphs (a template's variants): folded once.
  const folded = new Map<number, string>();
  const compactOf = (p: number) => {
    let c = folded.get(p);
    if (c === undefined) folded.set(p, (c = compactOnly(textOf(p))));
    return c;
  };
  paragraphs.forEach((paragraph, i) => {
    if (found.perParagraph[i].length === 0) return;
    const matches = confirmCompact(found.compact[i], found.perParagraph[i], compactOf);
    if (matches.length) out.push({ paragraph, matches });
  });
  return out;
}
