import type { Candidate, ParagraphIndex } from './paragraph-index';
import { paragraphHashes } from './paragraph-index';
import type { Paragraph } from './paragraphs';
import { confirmReuse, type ReuseMatch } from './reuse';

/**
 * Marking a page against the history in two steps, so the caller can load only the candidate paragraphs'
 * texts (from IndexedDB) between them: fingerprint candidates for every paragraph, then alignment.
 */
export interface PageCandidates {
  perParagraph: Candidate[][];
  /** Every candidate position, once: what to load. */
  positions: number[];
}

export function pageCandidates(index: ParagraphIndex, paragraphs: readonly Paragraph[], exclude?: (position: number) => boolean, limit = 8): PageCandidates {
  const all = new Set<number>();
  const perParagraph = paragraphs.map((p) => {
    const found = index.candidates(paragraphHashes(p.text), { limit }).filter((c) => !exclude?.(c.paragraph));
    for (const c of found) all.add(c.paragraph);
    return found;
  });
  return { perParagraph, positions: [...all] };
}

export interface MarkedParagraph {
  paragraph: Paragraph;
  matches: ReuseMatch[];
}

/** Paragraphs with at least one confirmed reuse, in page order. */
export function confirmPage(paragraphs: readonly Paragraph[], found: PageCandidates, textOf: (position: number) => string): MarkedParagraph[] {
  const out: MarkedParagraph[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (found.perParagraph[i].length === 0) return;
    const matches = confirmReuse(paragraph.text, found.perParagraph[i], textOf);
    if (matches.length) out.push({ paragraph, matches });
  });
  return out;
}
