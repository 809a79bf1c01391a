import { fingerprint } from './fingerprint';

/**
 * Paragraph fingerprints and the inverted index (fingerprint hash → paragraphs) over a reading history.
 *
 * Shingle length and winnowing window for history paragraphs were chosen by measurement (the table printed by
 * tests/unit/similarity-eval.test.ts): on template variants with 5–30% of characters changed every setting from
 * k=5/w=4 to 10/10 puts the source among the candidates (fewer fingerprints the longer k and w), but on the
 * real case — passages the 2025 national report keeps from the 2023 one — 8/8 finds 3 where 7/6 finds 5: real
 * rewrites change a word every few clauses. 7/6 keeps ~55 fingerprints per paragraph (2/(w+1) of the shingles)
 * and guarantees a shared fingerprint for any shared run of k + w − 1 = 12 characters.
 */
export const HISTORY_SHINGLE = 7;
export const HISTORY_WINDOW = 6;

/** Distinct winnowed hashes of a paragraph, ascending: what the history stores and indexes. */
export function paragraphHashes(text: string, k = HISTORY_SHINGLE, w = HISTORY_WINDOW): Uint32Array {
  return paragraphFingerprint(text, k, w).hashes;
}

/**
 * The hashes and the folded significant text they were taken from: marking a page aligns that same text next,
 * so it is folded once, not once for the lookup and again for the alignment.
 */
export function paragraphFingerprint(
  text: string,
  k = HISTORY_SHINGLE,
  w = HISTORY_WINDOW,
): { compact: string; hashes: Uint32Array } {
  const f = fingerprint(text, k, w);
  const hashes = f.hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i];
  return { compact: f.compact, hashes: hashes.slice(0, n) };
}

/** Hashes in more paragraphs than this are stock phrases (全面贯彻党的二十大精神): skipped at lookup. */
const MAX_POSTINGS = 500;
const BUCKET_SHIFT = 16;
const BUCKETS = 2 ** (32 - BUCKET_SHIFT);
/** Keys pack hash · 2^21 + paragraph (exact below 2^53): at most 2,097,151 paragraphs. */
const PARA_SPAN = 2 ** 21;

export interface Candidate {
  /** Position of the paragraph in the list the index was built from. */
  paragraph: number;
  /** Query fingerprints it shares. */
  shared: number;
}

/** What candidate search needs of an index (one ParagraphIndex, or the history's segments). */
export interface CandidateSource {
  candidates(query: Uint32Array, options?: { minShared?: number; minShare?: number; limit?: number }): Candidate[];
}

/**
 * Compressed-sparse-row inverted index: `hashes` (distinct, ascending) and for hash i its paragraphs
 * `postings[starts[i] .. starts[i+1])`. Three typed arrays: 50,000 paragraphs take ~25 MB and build in well
 * under a second; a lookup is one binary search per query fingerprint.
 */
export class ParagraphIndex implements CandidateSource {
  private readonly counts: Int32Array;
  /**
   * Where each value of a hash's top 16 bits begins in `hashes` (65,537 entries): a lookup binary-searches
   * only its bucket (~20 hashes in a full history, one or two cache lines) instead of the whole array, whose
   * first probes each miss the cache — that search was most of the cost of a lookup.
   */
  private readonly buckets: Int32Array;

  private constructor(
    readonly size: number,
    private readonly hashes: Uint32Array,
    private readonly starts: Int32Array,
    private readonly postings: Int32Array,
  ) {
    this.counts = new Int32Array(size);
    this.buckets = new Int32Array(BUCKETS + 1);
    let i = 0;
    for (let b = 0; b <= BUCKETS; b++) {
      while (i < hashes.length && hashes[i] >>> BUCKET_SHIFT < b) i++;
      this.buckets[b] = i;
    }
  }

  static build(paragraphHashLists: readonly Uint32Array[]): ParagraphIndex {
    const size = paragraphHashLists.length;
    if (size >= PARA_SPAN) throw new Error(`similarity: at most ${PARA_SPAN - 1} paragraphs in one index`);
    let total = 0;
    for (const list of paragraphHashLists) total += list.length;
    const keys = new Float64Array(total);
    let k = 0;
    for (let p = 0; p < size; p++) for (const h of paragraphHashLists[p]) keys[k++] = h * PARA_SPAN + p;
    keys.sort();
    const hashes: number[] = [];
    const starts: number[] = [];
    const postings = new Int32Array(total);
    let last = -1;
    for (let i = 0; i < total; i++) {
      const hash = Math.floor(keys[i] / PARA_SPAN);
      if (hash !== last) {
        hashes.push(hash);
        starts.push(i);
        last = hash;
      }
      postings[i] = keys[i] - hash * PARA_SPAN;
    }
    starts.push(total);
    return new ParagraphIndex(size, Uint32Array.from(hashes), Int32Array.from(starts), postings);
  }

  get postingCount(): number {
    return this.postings.length;
  }

  /**
   * Paragraphs sharing at least `minShared` of the query's fingerprints (and at least `minShare` of them),
   * most shared first, at most `limit`.
   */
  candidates(query: Uint32Array, { minShared = 3, minShare = 0.1, limit = 8 } = {}): Candidate[] {
    const counts = this.counts;
    const touched: number[] = [];
    for (const hash of query) {
      const i = this.find(hash);
      if (i < 0) continue;
      const from = this.starts[i];
      const to = this.starts[i + 1];
      if (to - from > MAX_POSTINGS) continue;
      for (let j = from; j < to; j++) {
        const p = this.postings[j];
        if (counts[p]++ === 0) touched.push(p);
      }
    }
    const need = Math.max(minShared, Math.ceil(minShare * query.length));
    const out: Candidate[] = [];
    for (const p of touched) {
      if (counts[p] >= need) out.push({ paragraph: p, shared: counts[p] });
      counts[p] = 0;
    }
    out.sort((a, b) => b.shared - a.shared || a.paragraph - b.paragraph);
    return out.slice(0, limit);
  }

  private find(hash: number): number {
    const b = hash >>> BUCKET_SHIFT;
    let lo = this.buckets[b];
    let hi = this.buckets[b + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = this.hashes[mid];
      if (h < hash) lo = mid + 1;
      else if (h > hash) hi = mid - 1;
      else return mid;
    }
    return -1;
  }
}
