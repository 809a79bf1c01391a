import { type Candidate, type CandidateSource, ParagraphIndex } from '../similarity/paragraph-index';

/**
 * The history's paragraph index kept warm in the background across reading: every policy page read is recorded
 * right after it is marked, and dropping the index on each write made the next page rebuild it from every stored
 * paragraph (a full IndexedDB scan of 50,000 rows, seconds). A recorded page is appended as a small segment of
 * its own instead; after a few segments the next lookup after a write rebuilds once (the store decides that).
 * Positions run across segments in order, so `paragraphIds[p]` and `pageOf[p]` stay plain array lookups.
 */
export class LiveIndex implements CandidateSource {
  private constructor(
    private readonly segments: readonly { index: ParagraphIndex; offset: number }[],
    readonly paragraphIds: Int32Array,
    readonly pageOf: Int32Array,
  ) {}

  static build(hashes: readonly Uint32Array[], paragraphIds: Int32Array, pageOf: Int32Array): LiveIndex {
    return new LiveIndex([{ index: ParagraphIndex.build(hashes), offset: 0 }], paragraphIds, pageOf);
  }

  // Named apart from the text writer's segment count, a property the content script renames (scripts/content-props.ts):
  // the bundle test refuses a renamed name anywhere outside the content script.
  get segmentTotal(): number {
    return this.segments.length;
  }

  /** This index and one more page's paragraphs (same order as ids). */
  withPage(pageId: number, ids: readonly number[], hashes: readonly Uint32Array[]): LiveIndex {
    const offset = this.paragraphIds.length;
    const paragraphIds = new Int32Array(offset + ids.length);
    paragraphIds.set(this.paragraphIds);
    paragraphIds.set(ids, offset);
    const pageOf = new Int32Array(offset + ids.length);
    pageOf.set(this.pageOf);
    pageOf.fill(pageId, offset);
    return new LiveIndex([...this.segments, { index: ParagraphIndex.build(hashes), offset }], paragraphIds, pageOf);
  }

  /** Each segment's best, merged: the same order as one index over everything (most shared first). */
  candidates(query: Uint32Array, options: { minShared?: number; minShare?: number; limit?: number } = {}): Candidate[] {
    if (this.segments.length === 1) return this.segments[0].index.candidates(query, options);
    const out: Candidate[] = [];
    for (const { index, offset } of this.segments)
      for (const c of index.candidates(query, options)) out.push({ paragraph: c.paragraph + offset, shared: c.shared });
    out.sort((a, b) => b.shared - a.shared || a.paragraph - b.paragraph);
    return out.slice(0, options.limit ?? 8);
  }
}
